/*
 * plain.h: the kiosk's plain front end: the same kiosk (kiosk.h: modes,
 * walk, engine, saves) shown as lines of text and answered by lines
 * typed, for a screen reader, a braille display or TERM=dumb.
 *
 * Each page is printed once, when it changes: "Question 7 of 41", the
 * section, the question, numbered answers (with each picture in words),
 * what to type.  A line typed is an answer by number or by word ("yes",
 * "sí"), a word ("back", "help", "repeat"), or the text of a typed
 * answer.  Nothing printed holds an escape byte or a box-drawing
 * character, and nothing is printed while the client is idle except the
 * idle warning (with the bell).
 *
 * With speech (plain_speech), each page printed is also said, in the
 * words the full-screen kiosk says (say.h: never an identifier, so not
 * the "Your answer now" line of one), and a message alone is said
 * alone; "repeat" says the page again.
 *
 * Call order: plain_new (plain_speech); then plain_show after every plain_line or
 * plain_tick, until plain_quit; plain_free.  Times are monotonic seconds
 * from the caller (tests control the clock).
 */
#ifndef SMP_PLAIN_H
#define SMP_PLAIN_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "ui/ui_opts.h"

struct plain;
struct speech;

/* A plain kiosk writing to out (borrowed); utf8: the terminal shows
   Unicode. */
struct plain	*plain_new(const struct ui_opts *o, FILE *out, bool utf8,
		    const volatile sig_atomic_t *stop, double now);
/* Abandon the intake in progress, wipe, free; NULL is fine. */
void		 plain_free(struct plain *pl);
/* Say every page printed through sp (borrowed; NULL: silent). */
void		 plain_speech(struct plain *pl, struct speech *sp);
/* Print the page if it changed since it was printed. */
void		 plain_show(struct plain *pl);
/* Act on one line typed (without its newline) at time now. */
void		 plain_line(struct plain *pl, const char *line, double now);
/* Time passed: timers (idle warning, end screen). */
void		 plain_tick(struct plain *pl, double now);
/* Whether staff asked the kiosk to exit. */
bool		 plain_quit(const struct plain *pl);
/* Whether a client's answers wait unsaved after a store failure. */
bool		 plain_unsaved(const struct plain *pl);
/* The current mode's name, for tests. */
const char	*plain_mode_name(const struct plain *pl);

#endif

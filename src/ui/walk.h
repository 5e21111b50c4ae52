/*
 * walk.h: the client's walk through the form, between the modes that
 * show its items: starting an intake, moving on, back, to an item from
 * the review, and sending it.  Each move asks the engine, then enters
 * the mode for the engine's new position (information screen, question
 * or review), so a mode never decides which mode comes next.
 */
#ifndef SMP_WALK_H
#define SMP_WALK_H

#include "kiosk.h"

/* Start an intake in the client's language; its first item. */
void	walk_begin(struct kiosk *k);
/* Choose the language again, mid-intake (F5, a tap on its key): the
   language screen, then back to the same page (walk_resume) in the one
   chosen; true if r asked for it (and the form has two languages). */
bool	walk_language(struct kiosk *k, const struct req *r);
/* Back to the page of the intake's position (after the language). */
void	walk_resume(struct kiosk *k);
/* Leave the current item forwards (acknowledging an agree screen; a
   question's answer must already be given to the engine). */
void	walk_next(struct kiosk *k);
/* Back one item. */
void	walk_back(struct kiosk *k);
/* From the review, to an item (the next "next" returns to the review). */
void	walk_jump(struct kiosk *k, int item);
/* Send the answers: complete, score, store; then the end screen. */
void	walk_finish(struct kiosk *k);
/* The client declined an agree screen: nothing they gave is kept (the
   intake stays only as abandoned); a kind end screen. */
void	walk_decline(struct kiosk *k);
/* The engine of the intake in progress. */
struct engine *walk_engine(const struct kiosk *k);
/* Title bar shared by the client's pages: title, progress. */
void	walk_top(struct kiosk *k, struct ui_page *p);
/* Up/Down and taps on the texts above the widget when they scroll
   (large text); true if r was used.  list: the widget is a list;
   at_top: its highlight is on its first entry or on none. */
bool	walk_window(struct kiosk *k, const struct req *r, bool list,
	    bool at_top);

#endif

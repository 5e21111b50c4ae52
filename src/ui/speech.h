/*
 * speech.h: spoken words through libespeak-ng, the only file that
 * includes it (scripts/layers.py).  Audio goes to the default output
 * (headphones at a kiosk); with a directory given (the test hook), each
 * utterance is written there instead, as NNN.wav with its words in
 * NNN.txt, so a test can check what was said, in which voice, and how
 * loud and long it is; DIR/events notes each utterance ("NNN say LANG
 * SECONDS") and each one stopped (F3) or cut by the next before its
 * sound would have ended ("NNN stop PLAYED", "NNN cut PLAYED").  The
 * hook is on only when SMP_SPEECH_WAV names the directory (tests); its
 * files are mode 0600, since an answer said on request (F4) may be a
 * name.  Without it nothing of what is said is written anywhere.
 */
#ifndef SMP_SPEECH_H
#define SMP_SPEECH_H

struct speech;

/* Start speech; wav_dir NULL: the default audio output.  NULL with
   *errp (caller frees) if it cannot start. */
struct speech	*speech_new(const char *wav_dir, char **errp);
/* Stop what is being said; NULL is fine. */
void		 speech_stop(struct speech *s);
/* Stop what is being said and say text (UTF-8) in language lang ("en",
   "es"); returns at once while the audio plays. */
void		 speech_say(struct speech *s, const char *lang,
		    const char *text);
/* Stop and free; NULL is fine. */
void		 speech_free(struct speech *s);

#endif

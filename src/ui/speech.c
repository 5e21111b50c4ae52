/*
 * speech.c: spoken words (see speech.h).  libespeak-ng synthesises a
 * screen's words in milliseconds and plays them on its own thread, so
 * the kiosk never waits for audio.
 */
#include <espeak-ng/speak_lib.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/xmalloc.h"
#include "speech.h"

struct speech {
	char		*dir;		/* test hook: utterances as files */
	int		 rate;		/* samples a second */
	int		 n;		/* utterances written */
	short		*pcm;		/* the utterance being written */
	size_t		 len, cap;
	double		 t0, secs;	/* test hook: when the last utterance
					   began "playing", and its length */
};

static struct speech *speech_cur;	/* the hook's collector (espeak's
					   callback has no context) */

/* espeak-ng hands over samples (test hook: kept for the WAV file). */
static int
speech_collect(short *wav, int n, espeak_EVENT *ev)
{
	struct speech	*s = speech_cur;

	(void)ev;
	if (s == NULL || wav == NULL || n <= 0)
		return 0;
	if (s->len + (size_t)n > s->cap) {
		s->cap = (s->len + (size_t)n) * 2;
		s->pcm = xreallocarray(s->pcm, s->cap, sizeof(*s->pcm));
	}
	memcpy(s->pcm + s->len, wav, (size_t)n * sizeof(*wav));
	s->len += (size_t)n;
	return 0;
}

/* Start speech. */
struct speech *
speech_new(const char *wav_dir, char **errp)
{
	struct speech	*s;
	int		 rate;

	rate = espeak_Initialize(wav_dir != NULL ? AUDIO_OUTPUT_SYNCHRONOUS :
	    AUDIO_OUTPUT_PLAYBACK, 200, NULL, 0);
	if (rate <= 0) {
		*errp = xstrdup("speech: espeak-ng could not start (is "
		    "espeak-ng-data installed?)");
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->rate = rate;
	if (wav_dir != NULL) {
		s->dir = xstrdup(wav_dir);
		speech_cur = s;
		espeak_SetSynthCallback(speech_collect);
	}
	return s;
}

/* Test hook: open DIR/name for writing (or appending), mode 0600 (an
   answer said on F4 may be a name); NULL on failure. */
static FILE *
speech_open(const struct speech *s, const char *name, bool append)
{
	char	*path = xasprintf("%s/%s", s->dir, name);
	int	 fd;
	FILE	*fp = NULL;

	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
	    (append ? O_APPEND : O_TRUNC), 0600);
	if (fd >= 0 && (fp = fdopen(fd, append ? "a" : "w")) == NULL)
		close(fd);
	free(path);
	return fp;
}

/* Monotonic seconds. */
static double
speech_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Test hook: note in DIR/events what playing would have done: "NNN say
 * LANG SECONDS" for each utterance, and "NNN stop|cut PLAYED" when F3
 * (stop) or the next utterance (cut) ends one before its sound has had
 * the time to play (synthesis itself is over at once).
 */
static void
speech_event(struct speech *s, const char *what, const char *lang)
{
	FILE	*fp;
	double	 played = speech_now() - s->t0;

	if (lang == NULL && (s->n == 0 || played >= s->secs))
		return;			/* nothing was playing */
	if ((fp = speech_open(s, "events", true)) == NULL)
		return;
	if (lang != NULL)
		fprintf(fp, "%03d %s %s %.2f\n", s->n, what, lang, s->secs);
	else
		fprintf(fp, "%03d %s %.2f\n", s->n - 1, what, played);
	fclose(fp);
	if (lang == NULL)
		s->secs = 0;		/* stopped: no longer playing */
}

/* Write a little-endian value of n bytes. */
static void
speech_le(FILE *fp, uint32_t v, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		fputc((int)((v >> (8 * i)) & 0xff), fp);
}

/* Test hook: the utterance as NNN.wav (16-bit mono) and NNN.txt. */
static void
speech_write(struct speech *s, const char *lang, const char *text)
{
	char		 name[32];
	FILE		*fp;
	uint32_t	 bytes = (uint32_t)(s->len * 2);
	size_t		 i;

	s->t0 = speech_now();
	s->secs = (double)s->len / s->rate;
	speech_event(s, "say", lang);
	snprintf(name, sizeof(name), "%03d.txt", s->n);
	if ((fp = speech_open(s, name, false)) != NULL) {
		fprintf(fp, "%s\n%s\n", lang, text);
		fclose(fp);
	}
	snprintf(name, sizeof(name), "%03d.wav", s->n++);
	if ((fp = speech_open(s, name, false)) != NULL) {
		fputs("RIFF", fp);
		speech_le(fp, 36 + bytes, 4);
		fputs("WAVEfmt ", fp);
		speech_le(fp, 16, 4);
		speech_le(fp, 1, 2);			/* PCM */
		speech_le(fp, 1, 2);			/* mono */
		speech_le(fp, (uint32_t)s->rate, 4);
		speech_le(fp, (uint32_t)s->rate * 2, 4);
		speech_le(fp, 2, 2);
		speech_le(fp, 16, 2);
		fputs("data", fp);
		speech_le(fp, bytes, 4);
		for (i = 0; i < s->len; i++)
			speech_le(fp, (uint32_t)(uint16_t)s->pcm[i], 2);
		fclose(fp);
	}
	s->len = 0;
}

/* Stop what is being said. */
void
speech_stop(struct speech *s)
{
	if (s == NULL)
		return;
	espeak_Cancel();
	if (s->dir != NULL)
		speech_event(s, "stop", NULL);
}

/* Say text in lang. */
void
speech_say(struct speech *s, const char *lang, const char *text)
{
	if (s == NULL || text == NULL || *text == '\0')
		return;
	espeak_Cancel();
	if (s->dir != NULL)
		speech_event(s, "cut", NULL);
	if (espeak_SetVoiceByName(lang) != EE_OK)
		(void)espeak_SetVoiceByName("en");
	espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
	    espeakCHARS_UTF8, NULL, NULL);
	if (s->dir != NULL) {		/* synchronous: all collected */
		speech_write(s, lang, text);
	}
}

/* Stop and free. */
void
speech_free(struct speech *s)
{
	if (s == NULL)
		return;
	espeak_Cancel();
	espeak_Terminate();
	if (speech_cur == s)
		speech_cur = NULL;
	free(s->dir);
	free(s->pcm);
	free(s);
}

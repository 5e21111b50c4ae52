/*
 * smp_i18n.h: the built-in phrases the engine and the kiosk show around a
 * form's own texts (buttons, validation messages), in several languages.
 *
 * A form may override any phrase ("phrase KEY LANG "text"" in the form
 * language); form_check() refuses a form that declares a language for which
 * some phrase has neither a built-in text nor an override.
 *
 * Phrases may hold placeholders "{name}", filled by i18n_format(); unknown
 * placeholders are left as written, so a clinic's typo cannot crash us.
 *
 * To add a phrase: add its key before PHRASE__COUNT, its name in
 * phrase_names[] and its text in every built-in table in i18n.c.
 */
#ifndef SMP_I18N_H
#define SMP_I18N_H

enum phrase {
	PH_NEXT,		/* button: go on */
	PH_BACK,		/* button: go back */
	PH_HELP,		/* button: show help */
	PH_DONE,		/* button: submit from review */
	PH_YES,			/* yes/no option */
	PH_NO,
	PH_AGREE_DEFAULT,	/* acknowledgement button when none given */
	PH_BEGIN,		/* welcome: "Press any key or tap to begin" */
	PH_CHOOSE_LANGUAGE,
	PH_PROGRESS,		/* "{n} of {m}" */
	PH_REVIEW_TITLE,
	PH_REVIEW_HINT,		/* how to change an answer */
	PH_NOT_ANSWERED,
	PH_STILL_THERE,		/* idle prompt; {seconds} */
	PH_ENLARGE,		/* terminal too small; {cols} {rows} */
	PH_THANKS,		/* end screen title */
	PH_END_SUMMARY,		/* end screen body, kind summary */
	PH_END_STOP,		/* end screen when a stop applies */
	PH_END_SCORE,		/* "Your suitability: {band}" */
	PH_PRACTITIONER,	/* "your practitioner will go through this" */
	PH_KEYS_CHOICE,		/* key bar for choice questions */
	PH_KEYS_MULTI,
	PH_KEYS_TEXT,
	PH_KEYS_SCREEN,
	PH_KEYS_REVIEW,
	PH_DATE_HINT,		/* "Day/month/year, e.g. 23/07/1985" */
	PH_DATE_ORDER,		/* how people write dates: dmy, mdy, ymd */
	PH_MONTH_HINT,		/* "Month/year, e.g. 03/2026" */
	PH_ERR_MONTH_SYNTAX,	/* a month-precision date misread */
	PH_PRINT_MONTH,		/* paper: month and year hint */
	PH_END_RECHECK,		/* end screen: "from {date}" */
	PH_ERR_REQUIRED,	/* validation messages from here on */
	PH_ERR_CHOICE,		/* not one of the options */
	PH_ERR_INTEGER,
	PH_ERR_DECIMAL,
	PH_ERR_MIN,		/* {min} */
	PH_ERR_MAX,		/* {max} */
	PH_ERR_RANGE,		/* {min} {max} */
	PH_ERR_TOO_LONG,	/* {max} characters */
	PH_ERR_PATTERN,		/* pattern failed and the form gave no message */
	PH_ERR_DATE_SYNTAX,
	PH_ERR_DATE_NO_SUCH_DAY,
	PH_ERR_AGREE,		/* acknowledgement needed */
	PH_ERR_INVALID,		/* generic: validate rule without message */
	PH_KEYS_LONGTEXT,	/* key bar for longtext (Enter = new line) */
	PH_DEMO_LEAVE,		/* demo welcome: how to leave the kiosk */
	PH_PRINT_REQUIRED,	/* paper: after a required question */
	PH_PRINT_CHOOSE_ONE,	/* paper: single choice hint */
	PH_PRINT_TICK_ALL,	/* paper: multi hint */
	PH_PRINT_ONLY_THIS,	/* paper: exclusive option */
	PH_PRINT_ANSWER_IF,	/* paper: {cond} */
	PH_PRINT_READ_IF,	/* paper: {cond} */
	PH_PRINT_SECTION_IF,	/* paper: {cond} */
	PH_PRINT_TEXT,		/* paper: text hint */
	PH_PRINT_LINES,		/* paper: longtext hint */
	PH_PRINT_MAXCHARS,	/* paper: {max} */
	PH_PRINT_WHOLE,		/* paper: integer hint */
	PH_PRINT_NUMBER,	/* paper: decimal hint */
	PH_PRINT_RANGE,		/* paper: {min} {max} */
	PH_PRINT_AT_LEAST,	/* paper: {min} */
	PH_PRINT_AT_MOST,	/* paper: {max} */
	PH_PRINT_DATE,		/* paper: date hint */
	PH_PRINT_SCALE,		/* paper: {min} {max} */
	PH_MORE,		/* more text below: how to scroll */
	PH_LIST_MORE,		/* list marker word: "▼ more" */
	PH_ART_FRONT,		/* the pictures' labels: the face side */
	PH_ART_BACK,		/* and the back of the head */
	PH_HELP_HINT,		/* a question has help: how to see it */
	PH_DECLINE,		/* agree screens: button to decline */
	PH_DECLINED,		/* end text after declining */
	PH_KEYS_AGREE,		/* key bar of an agree screen */
	PH_PASTE_CUT,		/* typed or pasted text cut: {max} */
	PH_WORDS_AGE,		/* conditions in words: age compared
				   with {n}, "|" between = != < <= > >= */
	PH_WORDS_NUMBER,	/* answer {q} compared with {n}, the same */
	PH_WORDS_CHOSE,		/* answered {options} to {q} */
	PH_WORDS_NOT_CHOSE,
	PH_WORDS_TICKED,	/* ticked {option} for {q} */
	PH_WORDS_NOT_TICKED,
	PH_WORDS_ANSWERED,	/* answered {q} */
	PH_WORDS_NOT_ANSWERED,
	PH_WORDS_AND,		/* "{a} and {b}" */
	PH_WORDS_OR,		/* "{a} or {b}" */
	PH_WORDS_OTHER,		/* a condition with no wording of its own */
	PH_LANGUAGE_NAME,	/* the language's own name: "Español" */
	PH_ASK_STAFF,		/* the store failed: "please ask staff" */
	/* Pictures (src/ui/picture.c): the legend's words, in the order of
	   enum picture_word, then the confirmation of a chosen picture. */
	PH_ART_FULL,		/* full hair */
	PH_ART_THINNER,
	PH_ART_SPARSE,
	PH_ART_BARE,
	PH_ART_EARS,		/* "( )" in a picture */
	PH_ART_VIEW_TOP,	/* caption: the head from above */
	PH_ART_VIEW_SIDE,
	PH_ART_VIEW_FRONT,	/* as in a mirror */
	PH_ART_VIEW_CLOSE,	/* the parting close up */
	PH_CONFIRM_TITLE,	/* "Is this like you?" */
	PH_CONFIRM_YES,
	PH_CONFIRM_AGAIN,
	PH_CONFIRM_UNSURE,
	PH_CONFIRM_UNSURE_TEXT,	/* what happens when not sure */
	PH_KEYS_CONFIRM,
	PH_COMPARE_HINT,	/* pictures side by side: how */
	PH_COMPARE_LEAVE,	/* and back to the list */
	PH_KEYS_COMPARE,
	PH_PLAIN_PROGRESS,	/* plain mode: "Question {n} of {m}" */
	PH_PLAIN_CHOOSE,	/* plain mode: how to answer a list */
	PH_PLAIN_MULTI,		/* plain mode: how to answer a multi */
	PH_PLAIN_TYPE,		/* plain mode: how to answer in words */
	PH_PLAIN_ENTER,		/* plain mode: how to go on */
	PH_PLAIN_WORDS,		/* plain mode: {back} {help} {repeat} */
	PH_PLAIN_KEEP,		/* plain mode: {answer} given before */
	PH_PLAIN_PICTURE,	/* plain mode: a picture in words: {text} */
	PH_PLAIN_UNKNOWN,	/* plain mode: an answer not understood */
	PH_WORD_BACK,		/* plain mode: the word for back */
	PH_WORD_HELP,		/* plain mode: the word for help */
	PH_WORD_REPEAT,		/* plain mode: the word to repeat */
	PH_KEYS_TEXT_SAY,	/* PH_KEYS_TEXT with speech: F4 reads the
				   answer typed */
	PH_KEYS_REVIEW_SAY,	/* PH_KEYS_REVIEW with speech, on an
				   identifier: F4 reads it */
	PH_PLAIN_LANG,		/* plain mode: type a language's {names}
				   to change to it */
	PHRASE__COUNT
};

/* The phrase's key as written in forms ("next", "err-required"...). */
const char	*i18n_phrase_name(enum phrase p);
/* Look a key up; -1 if unknown. */
int		 i18n_phrase_lookup(const char *name);
/* Built-in text of p in language "lang" (e.g. "es"), or NULL if none. */
const char	*i18n_builtin(enum phrase p, const char *lang);
/*
 * Replace each "{key}" in tmpl by its value from the NULL-terminated
 * key/value list (k1, v1, k2, v2, ..., NULL).  Returns a new string.
 */
char		*i18n_format(const char *tmpl, ...);

#endif

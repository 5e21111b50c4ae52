/*
 * form_int.h: private to form.c, form_parse.c and form_check.c: the state
 * of one parse, and a small open-addressing table from ids to indexes.
 */
#ifndef SMP_FORM_INT_H
#define SMP_FORM_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "form/form.h"
#include "form/lex.h"

/* A set of ids (borrowed strings) mapped to indexes; linear time to fill. */
struct idtab {
	struct idslot	*slots;	/* cap slots, key NULL when empty */
	size_t		 cap;	/* a power of two, or 0 */
	size_t		 n;	/* keys held */
};

struct idslot {
	const char	*key;	/* borrowed; must outlive the table */
	size_t		 len;
	int		 val;
};

void	 idtab_init(struct idtab *t);
void	 idtab_done(struct idtab *t);
/* The index stored for key[0..len), or -1. */
int	 idtab_find(const struct idtab *t, const char *key, size_t len);
/* Add key -> val; if key is there already, return its index instead. */
int	 idtab_add(struct idtab *t, const char *key, int val);

/* A picture reference, resolved once every picture is known. */
struct form_artref {
	char		*name;	/* owned */
	struct form_loc	 loc;	/* of the name */
	int		 q;	/* question index */
	int		 opt;	/* option index, or -1 for the question */
};

/* Where the parser is: the block later attribute lines belong to. */
enum form_pctx {
	PC_NONE,	/* nothing open (after "rules", or before "form") */
	PC_FORM,	/* form header */
	PC_SECTION,
	PC_SCREEN,
	PC_QUESTION,	/* a question, before its first option */
	PC_OPTION,	/* the last option of the last question */
	PC_RULE,
	PC_BAND
};

/* What a "message" line attaches to. */
enum form_psub {
	SUB_NONE,
	SUB_VALIDATE,
	SUB_PATTERN
};

struct form_parser {
	struct form	*f;
	struct diag	*d;
	size_t		 base;		/* diag_count() before we began */
	const char	*art_dir;	/* NULL: do not read pictures */
	const struct lex_line *ln;	/* the line being parsed */
	enum form_pctx	 ctx;
	enum form_psub	 sub;
	bool		 quiet;		/* current block's head was bad */
	bool		 seen_form;	/* a "form" line (or its error) */
	bool		 lang_warned;	/* reported texts before languages */
	bool		 bad_lines;	/* the lexer skipped lines */
	struct form_loc	 langs_loc;	/* the "languages" line */
	int		 lang_col[FORM_MAX_LANGS];
	int		 section;	/* current section, or -1 */
	size_t		 cap_items, cap_q, cap_scr, cap_sec, cap_rules,
			 cap_bands, cap_opts, cap_vals, cap_arts;
	struct idtab	 ids;		/* questions and screens -> item */
	struct idtab	 sections, rules, bands, options;
	struct form_artref *arts;
	size_t		 narts;
};

/* Is the error limit reached (stop parsing)? */
bool	 form_p_full(const struct form_parser *p);
/* Parse every line of f->source into the model (form_parse.c). */
void	 form_p_lines(struct form_parser *p);
/* Check the whole model: texts, references, expressions, pictures. */
void	 form_p_check(struct form_parser *p);
/* Load and attach pictures (form_art.c). */
void	 form_p_arts(struct form_parser *p);
/* Free one text's translations. */
void	 form_text_free(struct form_text *t);
/* Does t give a text in any language? */
bool	 form_text_given(const struct form_text *t);

#endif

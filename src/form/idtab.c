/*
 * idtab.c: a hash table from ids (borrowed strings) to indexes, used by
 * the parser to find duplicates and references in linear time, and kept
 * by each form for form_question()/form_screen() (see idtab.h).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"
#include "idtab.h"

/* FNV-1a over key[0..len). */
static size_t
idtab_hash(const char *key, size_t len)
{
	size_t	h = 2166136261u, i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	return h;
}

/* An empty table (allocates nothing) */
void
idtab_init(struct idtab *t)
{
	memset(t, 0, sizeof *t);
}

/* Free the slots; the keys are borrowed and stay */
void
idtab_done(struct idtab *t)
{
	free(t->slots);
	idtab_init(t);
}

/* The slot for key: where it is, or the empty slot where it would go. */
static struct idslot *
idtab_slot(const struct idtab *t, const char *key, size_t len)
{
	size_t		 i = idtab_hash(key, len) & (t->cap - 1);
	struct idslot	*s;

	for (;; i = (i + 1) & (t->cap - 1)) {
		s = &t->slots[i];
		if (s->key == NULL || (s->len == len &&
		    memcmp(s->key, key, len) == 0))
			return s;
	}
}

/* Look key[0..len) up */
int
idtab_find(const struct idtab *t, const char *key, size_t len)
{
	struct idslot	*s;

	if (t->cap == 0)
		return -1;
	s = idtab_slot(t, key, len);
	return s->key != NULL ? s->val : -1;
}

/* Double the table (or make its first 16 slots). */
static void
idtab_grow(struct idtab *t)
{
	struct idslot	*old = t->slots;
	size_t		 oldcap = t->cap, i;

	t->cap = oldcap ? oldcap * 2 : 16;
	t->slots = xcalloc(t->cap, sizeof *t->slots);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*idtab_slot(t, old[i].key, old[i].len) = old[i];
	free(old);
}

/* Insert key (borrowed), growing at half full */
int
idtab_add(struct idtab *t, const char *key, int val)
{
	struct idslot	*s;
	size_t		 len = strlen(key);

	if ((t->n + 1) * 2 > t->cap)
		idtab_grow(t);
	s = idtab_slot(t, key, len);
	if (s->key != NULL)
		return s->val;
	s->key = key;
	s->len = len;
	s->val = val;
	t->n++;
	return -1;
}

/*
 * idtab.h: ids mapped to indexes (open addressing, FNV-1a).  Keys are
 * borrowed and must outlive the table; idtab_done() frees only the slots.
 * Private to the form layer.
 */
#ifndef SMP_IDTAB_H
#define SMP_IDTAB_H

#include <stddef.h>

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

#endif

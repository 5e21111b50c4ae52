/* cmd_record.c: placeholder until its module lands (replaced by its owner). */
#include <stdio.h>

#include "smp_cmd.h"
#include "smp_util.h"

int
cmd_record(int argc, char **argv)
{
	(void)argc;
	fprintf(stderr, "smp-intake: %s: not built yet\n", argv[0]);
	return SMP_EXIT_SOFTWARE;
}

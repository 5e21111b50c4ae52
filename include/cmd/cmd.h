/*
 * smp_cmd.h: the sub-commands of smp-intake.  Each takes the arguments
 * after its name (argv[0] is the sub-command) and returns an exit status
 * (enum smp_exit).  Only sub-commands print; library modules return errors.
 */
#ifndef SMP_CMD_H
#define SMP_CMD_H

#include <sys/types.h>

int	cmd_check(int argc, char **argv);	/* validate forms */
int	cmd_print(int argc, char **argv);	/* form as plain text */
int	cmd_score(int argc, char **argv);	/* score an answers file */
int	cmd_record(int argc, char **argv);	/* store a paper intake */
int	cmd_list(int argc, char **argv);
int	cmd_show(int argc, char **argv);
int	cmd_export(int argc, char **argv);
int	cmd_stats(int argc, char **argv);
int	cmd_erase(int argc, char **argv);
int	cmd_audit(int argc, char **argv);
int	cmd_merge(int argc, char **argv);
int	cmd_kiosk(int argc, char **argv);
int	cmd_set_pin(int argc, char **argv);
int	cmd_sync(int argc, char **argv);	/* send to the server */
/* The kiosk's background sender (cmd_sync.c): start and stop it. */
pid_t	cmd_sync_spawn(const char *config, const char *db);
void	cmd_sync_stop(pid_t pid);

#endif

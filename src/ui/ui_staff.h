/*
 * smp_ui_staff.h: the staff menu's read-side screens (ui_staff_view.c):
 * today's intakes, one consultation, CSV export.  Internal to ui_*.
 */
#ifndef SMP_UI_STAFF_H
#define SMP_UI_STAFF_H

#include "ui_kiosk.h"

/* Append to the audit log as "staff" (detail: never personal data). */
void	staff_audit(struct ui *u, const char *action, const char *detail);
/* Load today's intakes and show them. */
void	staff_list_open(struct ui *u);
/* The list of today's intakes, or one consultation. */
void	staff_view_page(struct ui *u, struct ui_page *p);
void	staff_view_key(struct ui *u, const struct ui_key *k);
/* The export path prompt. */
void	staff_export_page(struct ui *u, struct ui_page *p);
void	staff_export_key(struct ui *u, const struct ui_key *k);

#endif

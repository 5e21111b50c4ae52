/*
 * ui_art.c: which picture text the terminal can show.  A UTF-8 locale gets
 * the Unicode art; anything else (TERM=vt100 consoles under LANG=C) gets
 * the ASCII twin every picture has.
 */
#include <langinfo.h>
#include <string.h>

#include "ui_draw.h"

/* Is the locale's character set UTF-8? */
bool
ui_locale_utf8(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

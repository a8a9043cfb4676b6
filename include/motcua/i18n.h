/* i18n.h — gettext shorthands used by every layer. */
#ifndef MOTCUA_I18N_H
#define MOTCUA_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif

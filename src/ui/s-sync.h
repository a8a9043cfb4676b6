/* s-sync.h — F7 sync by file: the screen (s-sync.c); the removable media
 * it offers are ui-media.h's, shared with the F9 file chooser and the
 * setup's catalog step. */
#ifndef MOTCUA_S_SYNC_H
#define MOTCUA_S_SYNC_H

#include "ui-media.h"

#endif

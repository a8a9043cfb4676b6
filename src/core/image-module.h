/* image-module.h — the boundary between the core and motcua-image.so, the
 * loadable module that holds every call to libjpeg, libpng and libtiff
 * made to check a file to attach (image-check.c).
 *
 * The program does not link those libraries: libtiff alone pulls ten
 * more (libstdc++ among them), and loading them at every start costs
 * more than they are used for; attach-type.c opens the module with
 * module_open (module.h) on the first image it checks.  Internal: the
 * module and attach-type.c include this header, nothing else does. */
#ifndef MOTCUA_IMAGE_MODULE_H
#define MOTCUA_IMAGE_MODULE_H

#include <stddef.h>
#include <stdint.h>

/* Raised whenever struct image_module changes: the loader refuses a
 * module built against another layout. */
#define IMAGE_MODULE_ABI 1

/* $(pkglibdir)/motcua-image.so once installed, beside the program (src/)
 * in a build tree. */
#define IMAGE_MODULE_FILE "motcua-image.so"

/* The one symbol the module exports, named IMAGE_MODULE_SYMBOL. */
struct image_module {
	int abi;	/* IMAGE_MODULE_ABI; first, as module.h requires */
	/* 0 when buf (n bytes) is a whole JPEG / PNG that its library reads
	 * to the end, else -1 */
	int (*jpeg_check)(const uint8_t *buf, size_t n);
	int (*png_check)(const uint8_t *buf, size_t n);
	/* 0 with *pages (1 … ATTACH_MAX_PAGES) when buf is a TIFF whose every
	 * directory and strip lies inside it, else -1 */
	int (*tiff_pages)(const uint8_t *buf, size_t n, int *pages);
};
#define IMAGE_MODULE_SYMBOL "motcua_image_module"

#endif

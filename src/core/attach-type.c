/* attach-type.c — what a file to attach is, from its bytes alone (attach.h):
 * the magic number says which of the four types it claims to be, then that
 * type's own library reads it from memory (libjpeg, libpng, libtiff, in
 * the image module, image-check.c; a PDF attach-pdf.c) and counts its
 * pages.  A file is refused
 * unless its library reads it, so a PNG renamed .pdf, or text renamed
 * .jpg, never reaches the store. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "motcua/attach.h"
#include "motcua/i18n.h"
#include "motcua/module.h"
#include "image-module.h"

static const struct {
	const char *name, *ext;
	const char *alt;	/* another extension it is known by, or NULL */
} types[] = {
	[ATTACH_PDF] = {"pdf", "pdf", NULL},
	[ATTACH_JPEG] = {"jpeg", "jpg", "jpeg"},
	[ATTACH_PNG] = {"png", "png", NULL},
	[ATTACH_TIFF] = {"tiff", "tif", "tiff"},
};

const char *
attach_type_name(enum attach_type t)
{
	return (unsigned)t < sizeof types / sizeof types[0] ? types[t].name : "?";
}

const char *
attach_type_ext(enum attach_type t)
{
	return (unsigned)t < sizeof types / sizeof types[0] ? types[t].ext : "bin";
}

int
attach_type_of_name(const char *name, enum attach_type *t)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	dot++;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcasecmp(dot, types[i].ext) == 0 ||
		    (types[i].alt != NULL && strcasecmp(dot, types[i].alt) == 0)) {
			*t = (enum attach_type)i;
			return 0;
		}
	return -1;
}

/* ---- the image module: libjpeg, libpng and libtiff (image-check.c) ---- */

/* A table of the right ABI with its functions set. */
static int
image_module_complete(const void *table)
{
	const struct image_module *m = table;

	return m->jpeg_check != NULL && m->png_check != NULL && m->tiff_pages != NULL;
}

/* The module, loaded on the first image checked and kept for the life of
 * the process (module.h); process-wide like the loader's own handle. */
static const struct image_module *image_loaded;

static const struct image_module *
image_module_get(struct mc_err *err)
{
	struct module_what what = {_("cannot check the file"), _("the image module"),
	    image_module_complete};

	if (image_loaded == NULL)
		image_loaded = module_open(IMAGE_MODULE_FILE, "MOTCUA_IMAGE_MODULE",
		    IMAGE_MODULE_SYMBOL, IMAGE_MODULE_ABI, &what, err);
	return image_loaded;
}

/* ---- which --------------------------------------------------------------- */

int
attach_detect(const uint8_t *buf, size_t n, enum attach_type *t, int *pages,
    struct mc_err *err)
{
	static const uint8_t png_magic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	const struct image_module *m;
	bool png = n >= 8 && memcmp(buf, png_magic, 8) == 0;
	bool jpeg = n >= 3 && buf[0] == 0xff && buf[1] == 0xd8 && buf[2] == 0xff;
	bool tiff = n >= 4 && (memcmp(buf, "II*", 4) == 0 || memcmp(buf, "MM\0*", 4) == 0 ||
	    memcmp(buf, "II+", 4) == 0 || memcmp(buf, "MM\0+", 4) == 0);

	/* the three image types are read by their libraries, in the module */
	if (png || jpeg || tiff) {
		if ((m = image_module_get(err)) == NULL)
			return -1;
		*pages = 1;
		if (png) {
			*t = ATTACH_PNG;
			if (m->png_check(buf, n) != 0)
				return err_set(err, MC_EINVAL, _("the file begins as a PNG image "
				    "but is not a readable one (damaged or cut short): scan or "
				    "save it again"));
			return 0;
		}
		if (jpeg) {
			*t = ATTACH_JPEG;
			if (m->jpeg_check(buf, n) != 0)
				return err_set(err, MC_EINVAL, _("the file begins as a JPEG image "
				    "but is not a readable one (damaged or cut short): scan or "
				    "save it again"));
			return 0;
		}
		*t = ATTACH_TIFF;
		if (m->tiff_pages(buf, n, pages) != 0)
			return err_set(err, MC_EINVAL, _("the file begins as a TIFF image but "
			    "its pages cannot be read (damaged, cut short or more than %d): "
			    "scan or save it again"), ATTACH_MAX_PAGES);
		return 0;
	}
	/* a PDF may have a few bytes before its header (the standard allows
	 * it within the first 1024) */
	for (size_t i = 0; i + 5 <= n && i < 1024; i++)
		if (memcmp(buf + i, "%PDF-", 5) == 0) {
			*t = ATTACH_PDF;
			return attach_pdf_pages(buf, n, pages, err);
		}
	return err_set(err, MC_EINVAL, _("the file is not a PDF, JPEG, PNG or TIFF "
	    "file (its content says so, whatever its name): only those are kept with "
	    "a dossier"));
}

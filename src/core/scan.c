/* scan.c — scanning through SANE: the scanners, the options, the pages;
 * the entry of the scan module, motcua-scan.so (scan-module.h), whose
 * table is at the end of the file.
 *
 * One SANE session per call (sane_init … sane_exit).  A page is read
 * whole into memory (its frames: one for Gray and interleaved RGB, three
 * for a three-pass Color scanner), made 8-bit or one-bit, compressed
 * (scan-page.c: JPEG through libjpeg, or the bitmap kept as it is), and
 * when the document is complete the pages are handed to the caller's
 * done() before SANE is shut down.  The core runs all this in a child
 * process (scan-child.c), which sends the pages to the program; there
 * scan-pdf.c puts them into one PDF and the core writes it through a
 * temporary renamed into place.  Nothing is written until every page is
 * in, so a failure or a cancel leaves no file.  See scan.h. */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sane/sane.h>
#include <sane/saneopts.h>

#include "motcua/i18n.h"
#include "motcua/scan.h"
#include "scan-int.h"
#include "scan-module.h"

/* The most bytes one frame may take (a colour A3 page at 600 dpi is
 * about 210 MB): past it the scan stops rather than exhaust memory. */
#define SCAN_FRAME_MAX ((size_t)512 * 1024 * 1024)

/* What a status means to the officer, and what to do.  `adf`: the
 * document comes from the feeder (no paper is then an empty feeder). */
static int
status_err(struct mc_err *err, SANE_Status st, int adf)
{
	switch (st) {
	case SANE_STATUS_DEVICE_BUSY:
		return err_set(err, MC_ECONFLICT, _("the scanner is busy (another program "
		    "is using it): wait until it is done, then try again"));
	case SANE_STATUS_JAMMED:
		return err_set(err, MC_EIO, _("the paper is jammed in the scanner: open "
		    "it, take the sheet out gently, then scan again"));
	case SANE_STATUS_COVER_OPEN:
		return err_set(err, MC_EIO, _("the scanner's cover is open: close it, "
		    "then scan again"));
	case SANE_STATUS_NO_DOCS:
		if (adf)
			return err_set(err, MC_EIO, _("there is no paper in the scanner's "
			    "feeder: put the pages in, then scan again"));
		return err_set(err, MC_EIO, _("the scanner found no document: put the "
		    "page on the glass, then scan again"));
	case SANE_STATUS_IO_ERROR:
		return err_set(err, MC_EIO, _("the scanner does not answer — check the "
		    "cable and the power, then try again"));
	case SANE_STATUS_NO_MEM:
		return err_set(err, MC_ENOMEM, _("the scanner ran out of memory: scan at "
		    "a lower resolution or fewer pages at a time"));
	case SANE_STATUS_ACCESS_DENIED:
		return err_set(err, MC_EIO, _("this account may not use the scanner: ask "
		    "whoever set up the PC to give it access (the group 'scanner'), then "
		    "try again"));
	case SANE_STATUS_CANCELLED:
		return err_set(err, MC_EIO, _("the scanner stopped the scan (its cancel "
		    "button?): scan again"));
	case SANE_STATUS_INVAL:
	case SANE_STATUS_UNSUPPORTED:
		return err_set(err, MC_EINVAL, _("the scanner refused the scan as set "
		    "(%s): choose another resolution, mode or source in the settings"),
		    sane_strstatus(st));
	default:
		return err_set(err, MC_EIO, _("the scanner failed (%s): try again; if it "
		    "goes on, switch it off and on"), sane_strstatus(st));
	}
}

static int
session_begin(struct mc_err *err)
{
	SANE_Int version;
	SANE_Status st = sane_init(&version, NULL);

	if (st != SANE_STATUS_GOOD)
		return err_set(err, MC_EIO, _("cannot start SANE, the scanner library: "
		    "%s"), sane_strstatus(st));
	return 0;
}

static void
copy_field(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src != NULL ? src : "");
}

static int
scanmod_devices(struct scan_device **out, size_t *n, struct mc_err *err)
{
	const SANE_Device **list;
	SANE_Status st;
	size_t count = 0;

	*out = NULL;
	*n = 0;
	if (session_begin(err))
		return -1;
	/* SANE_FALSE: network scanners too (saned, eSCL) */
	if ((st = sane_get_devices(&list, SANE_FALSE)) != SANE_STATUS_GOOD) {
		sane_exit();
		return status_err(err, st, 0);
	}
	while (list[count] != NULL)
		count++;
	if (count > 0 && (*out = calloc(count, sizeof **out)) == NULL) {
		sane_exit();
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < count; i++) {
		copy_field((*out)[i].name, sizeof (*out)[i].name, list[i]->name);
		copy_field((*out)[i].vendor, sizeof (*out)[i].vendor, list[i]->vendor);
		copy_field((*out)[i].model, sizeof (*out)[i].model, list[i]->model);
		copy_field((*out)[i].type, sizeof (*out)[i].type, list[i]->type);
	}
	*n = count;
	sane_exit();
	return 0;
}

/* ---- options --------------------------------------------------------- */

/* The number of the option called `name`, active and settable, or -1. */
static SANE_Int
option_find(SANE_Handle h, const char *name, const SANE_Option_Descriptor **desc)
{
	const SANE_Option_Descriptor *d = sane_get_option_descriptor(h, 0);
	SANE_Int count = 0;

	/* option 0 is the number of options */
	if (d == NULL || sane_control_option(h, 0, SANE_ACTION_GET_VALUE, &count, NULL) !=
	    SANE_STATUS_GOOD)
		return -1;
	for (SANE_Int i = 1; i < count; i++) {
		d = sane_get_option_descriptor(h, i);
		if (d != NULL && d->name != NULL && strcmp(d->name, name) == 0) {
			if (!SANE_OPTION_IS_ACTIVE(d->cap) || !SANE_OPTION_IS_SETTABLE(d->cap))
				return -1;
			*desc = d;
			return i;
		}
	}
	return -1;
}

/* The entry of a string option's list equal (case aside) to one of the
 * NULL-terminated `names`, or, with `part`, containing `part`; NULL. */
static const char *
list_pick(const SANE_Option_Descriptor *d, const char *const *names, const char *part)
{
	if (d->type != SANE_TYPE_STRING ||
	    d->constraint_type != SANE_CONSTRAINT_STRING_LIST)
		return NULL;
	for (const char *const *nm = names; *nm != NULL; nm++)
		for (const SANE_String_Const *s = d->constraint.string_list; *s != NULL; s++)
			if (strcasecmp(*s, *nm) == 0)
				return *s;
	if (part == NULL)
		return NULL;
	for (const SANE_String_Const *s = d->constraint.string_list; *s != NULL; s++) {
		char low[128];
		size_t k;

		for (k = 0; (*s)[k] != '\0' && k + 1 < sizeof low; k++)
			low[k] = (char)tolower((unsigned char)(*s)[k]);
		low[k] = '\0';
		if (strstr(low, part) != NULL)
			return *s;
	}
	return NULL;
}

static int
set_string(SANE_Handle h, SANE_Int opt, const SANE_Option_Descriptor *d, const char *v,
    struct mc_err *err)
{
	char buf[256];
	SANE_Status st;

	/* the value is written into a buffer of the option's size */
	if (d->size <= 0 || (size_t)d->size > sizeof buf || strlen(v) >= (size_t)d->size)
		return err_set(err, MC_EINVAL, _("the scanner refused the scan as set "
		    "(%s): choose another resolution, mode or source in the settings"), v);
	snprintf(buf, sizeof buf, "%s", v);
	if ((st = sane_control_option(h, opt, SANE_ACTION_SET_VALUE, buf, NULL)) !=
	    SANE_STATUS_GOOD)
		return status_err(err, st, 0);
	return 0;
}

/* A whole-number option (SANE_TYPE_INT or SANE_TYPE_FIXED) set to the
 * allowed value nearest `want`; the value it took is put in *got. */
static int
set_number(SANE_Handle h, SANE_Int opt, const SANE_Option_Descriptor *d, int want,
    double *got, struct mc_err *err)
{
	int fixed = d->type == SANE_TYPE_FIXED;
	SANE_Word w = fixed ? SANE_FIX((double)want) : want;
	SANE_Status st;

	if (d->type != SANE_TYPE_INT && !fixed)
		return err_set(err, MC_EINVAL, _("the scanner refused the scan as set "
		    "(%s): choose another resolution, mode or source in the settings"),
		    d->name);
	if (d->constraint_type == SANE_CONSTRAINT_RANGE) {
		if (w < d->constraint.range->min)
			w = d->constraint.range->min;
		if (w > d->constraint.range->max)
			w = d->constraint.range->max;
	} else if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST) {
		/* the list's first word is its length */
		const SANE_Word *l = d->constraint.word_list;
		SANE_Word best = w;
		long long gap = -1;

		for (SANE_Int i = 1; i <= l[0]; i++) {
			long long g = llabs((long long)l[i] - w);

			if (gap < 0 || g < gap) {
				gap = g;
				best = l[i];
			}
		}
		w = best;
	}
	if ((st = sane_control_option(h, opt, SANE_ACTION_SET_VALUE, &w, NULL)) !=
	    SANE_STATUS_GOOD)
		return status_err(err, st, 0);
	if (got == NULL)
		return 0;
	/* read back: the backend may have rounded it (SANE_INFO_INEXACT); the
	 * descriptor first, which a backend may want fetched again after a
	 * change (SANE_INFO_RELOAD_OPTIONS: the test backend refuses else) */
	if (sane_get_option_descriptor(h, opt) == NULL)
		return status_err(err, SANE_STATUS_INVAL, 0);
	if ((st = sane_control_option(h, opt, SANE_ACTION_GET_VALUE, &w, NULL)) !=
	    SANE_STATUS_GOOD)
		return status_err(err, st, 0);
	*got = fixed ? SANE_UNFIX(w) : (double)w;
	return 0;
}

/* Does the word-list option allow `v`? */
static int
list_has(const SANE_Option_Descriptor *d, SANE_Word v)
{
	if (d->constraint_type != SANE_CONSTRAINT_WORD_LIST)
		return d->constraint_type == SANE_CONSTRAINT_RANGE &&
		    v >= d->constraint.range->min && v <= d->constraint.range->max;
	for (SANE_Int i = 1; i <= d->constraint.word_list[0]; i++)
		if (d->constraint.word_list[i] == v)
			return 1;
	return 0;
}

static const char *const gray_names[] = {"Gray", "Grey", "Grayscale", "Greyscale",
	"True Gray", "8bit Gray", NULL};
static const char *const color_names[] = {"Color", "Colour", "24bit Color", "RGB", NULL};
static const char *const lineart_names[] = {"Lineart", "Binary", "Black & White",
	"Black and White", "Monochrome", NULL};
static const char *const flatbed_names[] = {"Flatbed", "Normal", NULL};
static const char *const adf_names[] = {"Automatic Document Feeder", "ADF",
	"ADF Front", NULL};

/* Source, mode, depth and resolution, in that order (each may change
 * which of the next are active).  *dpi: the resolution the scanner took. */
static int
options_set(SANE_Handle h, const struct scan_request *req, const char *dev, double *dpi,
    struct mc_err *err)
{
	const SANE_Option_Descriptor *d;
	const char *v;
	SANE_Int o;
	/* line art is one bit a sample where the depth can be chosen */
	int want_depth = req->mode == SCAN_LINEART ? 1 : 8;

	if ((o = option_find(h, SANE_NAME_SCAN_SOURCE, &d)) >= 0) {
		v = req->source == SCAN_ADF ? list_pick(d, adf_names, "feeder") :
		    list_pick(d, flatbed_names, "flatbed");
		if (v == NULL && req->source == SCAN_ADF)
			v = list_pick(d, adf_names, "adf");
		if (v == NULL && req->source == SCAN_ADF)
			return err_set(err, MC_EINVAL, _("the scanner '%s' has no document "
			    "feeder: put the page on the glass and set scan_source to flatbed"),
			    dev);
		/* a sheet-fed scanner has no flatbed: its own source, one sheet */
		if (v != NULL && set_string(h, o, d, v, err))
			return -1;
	} else if (req->source == SCAN_ADF)
		return err_set(err, MC_EINVAL, _("the scanner '%s' has no document feeder: "
		    "put the page on the glass and set scan_source to flatbed"), dev);
	if ((o = option_find(h, SANE_NAME_SCAN_MODE, &d)) >= 0) {
		v = list_pick(d, req->mode == SCAN_COLOR ? color_names : req->mode ==
		    SCAN_LINEART ? lineart_names : gray_names, NULL);
		/* no line-art mode: Gray at one bit if it can (SANE's test
		 * backend), else Gray thresholded (doc_add, scan-page.c) */
		if (v == NULL && req->mode == SCAN_LINEART)
			v = list_pick(d, gray_names, NULL);
		if (v != NULL && set_string(h, o, d, v, err))
			return -1;
	}
	if ((o = option_find(h, SANE_NAME_BIT_DEPTH, &d)) >= 0 && d->type == SANE_TYPE_INT) {
		if (want_depth == 1 && !list_has(d, 1))
			want_depth = 8;
		if (list_has(d, want_depth) && set_number(h, o, d, want_depth, NULL, err))
			return -1;
	}
	*dpi = req->resolution;
	if ((o = option_find(h, SANE_NAME_SCAN_RESOLUTION, &d)) >= 0 &&
	    set_number(h, o, d, req->resolution, dpi, err))
		return -1;
	if (*dpi < 1)
		*dpi = req->resolution;
	return 0;
}

/* ---- reading a page ---------------------------------------------------- */

struct reader {
	SANE_Handle h;
	const struct scan_request *req;
	int page;
	size_t bytes;		/* of this page so far, for progress */
};

/* One frame's bytes into *buf (malloc'd), its parameters into *p.
 * 0, -1 with err set, or SCAN_CANCELLED. */
static int
frame_read(struct reader *rd, SANE_Parameters *p, unsigned char **buf, size_t *len,
    struct mc_err *err)
{
	size_t cap, n = 0;
	unsigned char *b;
	SANE_Status st;

	*buf = NULL;
	*len = 0;
	if ((st = sane_get_parameters(rd->h, p)) != SANE_STATUS_GOOD)
		return status_err(err, st, rd->req->source == SCAN_ADF);
	if (p->bytes_per_line <= 0 || p->pixels_per_line <= 0)
		return err_set(err, MC_EIO, _("the scanner sent no image: try again; if it "
		    "goes on, switch it off and on"));
	/* a hand scanner does not know its height (lines = -1) */
	cap = p->lines > 0 ? (size_t)p->bytes_per_line * (size_t)p->lines : 1u << 20;
	if (cap > SCAN_FRAME_MAX || (b = malloc(cap)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	for (;;) {
		SANE_Int got = 0;

		if (rd->req->cancel != NULL && rd->req->cancel(rd->req->arg)) {
			free(b);
			return SCAN_CANCELLED;
		}
		if (n == cap) {
			unsigned char *nb;

			if (cap * 2 > SCAN_FRAME_MAX || (nb = realloc(b, cap * 2)) == NULL) {
				free(b);
				return err_set(err, MC_ENOMEM, _("out of memory"));
			}
			b = nb;
			cap *= 2;
		}
		st = sane_read(rd->h, b + n, (SANE_Int)(cap - n > 1u << 20 ? 1u << 20 : cap - n),
		    &got);
		if (st == SANE_STATUS_EOF)
			break;
		if (st != SANE_STATUS_GOOD) {
			free(b);
			return status_err(err, st, rd->req->source == SCAN_ADF);
		}
		n += (size_t)got;
		rd->bytes += (size_t)got;
		if (rd->req->progress != NULL)
			rd->req->progress(rd->req->arg, rd->page, rd->bytes);
	}
	*buf = b;
	*len = n;
	return 0;
}

/* 16-bit samples (the machine's byte order, SANE says) to 8, in place. */
static void
depth16_to_8(unsigned char *b, size_t *len)
{
	for (size_t i = 0; i + 1 < *len; i += 2) {
		uint16_t v;

		memcpy(&v, b + i, 2);
		b[i / 2] = (unsigned char)(v >> 8);
	}
	*len /= 2;
}

/* The page whose first frame sane_start has just begun: every frame read
 * and put together into *raw.  0, -1 with err set, or SCAN_CANCELLED. */
static int
page_read(struct reader *rd, struct raw *raw, struct mc_err *err)
{
	SANE_Parameters p;
	unsigned char *b;
	size_t len;
	int rc;

	memset(raw, 0, sizeof *raw);
	for (;;) {
		size_t bpl, lines;

		if ((rc = frame_read(rd, &p, &b, &len, err)) != 0)
			goto fail;
		bpl = (size_t)p.bytes_per_line;
		if (p.depth == 16) {
			depth16_to_8(b, &len);
			bpl /= 2;
		} else if (p.depth != 8 && !(p.depth == 1 && p.format == SANE_FRAME_GRAY)) {
			free(b);
			rc = err_set(err, MC_EINVAL, _("the scanner sends images motcua cannot "
			    "read (%d bits a sample): choose another mode in the settings"),
			    p.depth);
			goto fail;
		}
		lines = len / bpl;
		if (lines == 0) {
			free(b);
			rc = err_set(err, MC_EIO, _("the scanner sent no image: try again; if "
			    "it goes on, switch it off and on"));
			goto fail;
		}
		if (p.format == SANE_FRAME_GRAY || p.format == SANE_FRAME_RGB) {
			free(raw->p);
			raw->p = b;
			raw->len = len;
			raw->width = p.pixels_per_line;
			raw->height = (int)lines;
			raw->stride = bpl;
			raw->bits = p.depth == 1 ? 1 : 8;
			raw->channels = p.format == SANE_FRAME_RGB ? 3 : 1;
		} else {
			/* three-pass: one colour a frame, woven into RGB */
			int c = p.format == SANE_FRAME_RED ? 0 : p.format == SANE_FRAME_GREEN ?
			    1 : 2;

			if (raw->p == NULL) {
				raw->width = p.pixels_per_line;
				raw->height = (int)lines;
				raw->channels = 3;
				raw->bits = 8;
				raw->stride = (size_t)raw->width * 3;
				raw->len = raw->stride * (size_t)raw->height;
				if ((raw->p = calloc(1, raw->len)) == NULL) {
					free(b);
					rc = err_set(err, MC_ENOMEM, _("out of memory"));
					goto fail;
				}
			}
			for (size_t y = 0; y < lines && y < (size_t)raw->height; y++)
				for (size_t x = 0; x < (size_t)raw->width && x < bpl; x++)
					raw->p[y * raw->stride + x * 3 + (size_t)c] = b[y * bpl + x];
			free(b);
		}
		if (p.last_frame)
			return 0;
		if ((rc = sane_start(rd->h)) != SANE_STATUS_GOOD) {
			rc = status_err(err, (SANE_Status)rc, rd->req->source == SCAN_ADF);
			goto fail;
		}
	}
fail:
	free(raw->p);
	raw->p = NULL;
	return rc;
}

/* ---- the whole scan ------------------------------------------------------ */

/* The name of the first scanner SANE finds, into dev[n]. */
static int
first_device(char *dev, size_t n, struct mc_err *err)
{
	const SANE_Device **list;
	SANE_Status st = sane_get_devices(&list, SANE_FALSE);

	if (st != SANE_STATUS_GOOD)
		return status_err(err, st, 0);
	if (list[0] == NULL)
		return err_set(err, MC_ENOTFOUND, _("no scanner was found: check that it is "
		    "plugged in and switched on, then try again"));
	snprintf(dev, n, "%s", list[0]->name);
	return 0;
}

/* The pages, from the open scanner h, into *d.  0, -1 with err set, or
 * SCAN_CANCELLED. */
static int
pages_read(SANE_Handle h, const struct scan_request *req, double dpi, struct doc *d,
    struct mc_err *err)
{
	int adf = req->source == SCAN_ADF;
	int max = req->max_pages > 0 && req->max_pages < SCAN_MAX_PAGES ? req->max_pages :
	    SCAN_MAX_PAGES;
	struct reader rd = {.h = h, .req = req};

	for (int page = 1; page <= max; page++) {
		struct raw raw;
		SANE_Status st;
		int rc;

		if (req->cancel != NULL && req->cancel(req->arg))
			return SCAN_CANCELLED;
		st = sane_start(h);
		/* the feeder is empty: the document is complete */
		if (st == SANE_STATUS_NO_DOCS && adf && page > 1)
			return 0;
		if (st != SANE_STATUS_GOOD)
			return status_err(err, st, adf);
		rd.page = page;
		rd.bytes = 0;
		if (req->progress != NULL)
			req->progress(req->arg, page, 0);
		if ((rc = page_read(&rd, &raw, err)) != 0)
			return rc;
		if (doc_add(d, &raw, req->mode, dpi, err))
			return -1;
		if (!adf)
			return 0;
	}
	return 0;
}

static int
scanmod_pages(const struct scan_request *req, scan_done_fn done, void *arg,
    struct mc_err *err)
{
	struct doc d = {0};
	char dev[sizeof req->device];
	SANE_Handle h;
	SANE_Status st;
	double dpi = req->resolution;
	int rc;

	if (req->resolution < 75 || req->resolution > 600) {
		rc = err_set(err, MC_EINVAL, _("a scan's resolution is 75 to 600 dpi, not "
		    "%d"), req->resolution);
		done(arg, rc, NULL, 0, err);
		return rc;
	}
	if (session_begin(err)) {
		done(arg, -1, NULL, 0, err);
		return -1;
	}
	snprintf(dev, sizeof dev, "%s", req->device);
	if (dev[0] == '\0' && first_device(dev, sizeof dev, err)) {
		done(arg, -1, NULL, 0, err);
		sane_exit();
		return -1;
	}
	if ((st = sane_open(dev, &h)) != SANE_STATUS_GOOD) {
		/* SANE's answer to a name no backend knows */
		if (st == SANE_STATUS_INVAL)
			rc = err_set(err, MC_ENOTFOUND, _("there is no scanner '%s': check "
			    "that it is plugged in and switched on, or choose another in the "
			    "settings (scan_device)"), dev);
		else
			rc = status_err(err, st, req->source == SCAN_ADF);
		done(arg, rc, NULL, 0, err);
		sane_exit();
		return rc;
	}
	rc = options_set(h, req, dev, &dpi, err);
	if (rc == 0)
		rc = pages_read(h, req, dpi, &d, err);
	if (rc == SCAN_CANCELLED)
		err_set(err, MC_EIO, _("the scan was cancelled: nothing was kept"));
	else if (rc == 0)
		rc = (int)d.n;
	/* the outcome first: what follows may hang in a backend (SANE's test
	 * backend cancels its reader thread asynchronously, and one cancelled
	 * inside malloc leaves the allocator locked for the whole process) */
	done(arg, rc, d.pg, rc > 0 ? d.n : 0, err);
	/* ends the scan (the spec asks it after the last frame, and it stops
	 * one cut short) */
	sane_cancel(h);
	sane_close(h);
	sane_exit();
	doc_free(&d);
	return rc;
}

/* What scan-load.c looks up by SCAN_MODULE_SYMBOL (the module is built
 * with hidden visibility: this is all it exports). */
__attribute__((visibility("default"))) extern const struct scan_module motcua_scan_module;
const struct scan_module motcua_scan_module = {
	.abi = SCAN_MODULE_ABI,
	.devices = scanmod_devices,
	.pages = scanmod_pages,
	.pdf_make = scanmod_pdf_make,
};

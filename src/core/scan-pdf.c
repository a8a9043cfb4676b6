/* scan-pdf.c — scanned pages as one PDF, with cairo's PDF surface.
 *
 * The only cairo code of the scan module (motcua-scan.so), kept apart so
 * that it can move with the other cairo code (pdf.c) wherever that goes.  A Gray or Color
 * page is a JPEG attached to an image surface with
 * cairo_surface_set_mime_data: cairo then writes the JPEG into the PDF
 * as it is (DCTDecode) and never looks at the surface's own pixels
 * (which pixman allocates zeroed, so they cost address space, not
 * memory written).  A
 * Lineart page is a one-bit stencil painted black on the white page,
 * which cairo keeps at one bit a pixel, compressed losslessly. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "motcua/i18n.h"
#include "motcua/scan.h"
#include "scan-int.h"

struct sink {
	unsigned char *p;
	size_t len, cap;
};

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;

	if (s->len + len > s->cap) {
		size_t cap = s->cap ? s->cap : 65536;
		unsigned char *p;

		while (cap < s->len + len)
			cap *= 2;
		if ((p = realloc(s->p, cap)) == NULL)
			return CAIRO_STATUS_NO_MEMORY;
		s->p = p;
		s->cap = cap;
	}
	memcpy(s->p + s->len, data, len);
	s->len += len;
	return CAIRO_STATUS_SUCCESS;
}

/* SANE's bitmap rows (first pixel in the top bit of a byte) as cairo's
 * A1 surface: cairo packs pixels into 32-bit words in the machine's
 * order, so on a little-endian machine the first pixel is the low bit of
 * each byte and every byte's bits are reversed. */
static cairo_surface_t *
bitmap_surface(const struct scan_page *pg)
{
	static const uint32_t one = 1;
	int little = *(const unsigned char *)&one == 1;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A1, pg->width,
	    pg->height);
	size_t row = ((size_t)pg->width + 7) / 8;
	unsigned char *dst;
	int stride;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		return s;
	cairo_surface_flush(s);
	dst = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < pg->height; y++) {
		const unsigned char *src = pg->bits + (size_t)y * pg->stride;
		unsigned char *d = dst + (size_t)y * (size_t)stride;

		memset(d, 0, (size_t)stride);
		for (size_t i = 0; i < row; i++) {
			unsigned char b = src[i];

			if (little) {
				b = (unsigned char)((b & 0xF0) >> 4 | (b & 0x0F) << 4);
				b = (unsigned char)((b & 0xCC) >> 2 | (b & 0x33) << 2);
				b = (unsigned char)((b & 0xAA) >> 1 | (b & 0x55) << 1);
			}
			d[i] = b;
		}
		/* the padding bits past the last pixel stay clear */
		if (pg->width % 8 != 0) {
			unsigned keep = (unsigned)pg->width % 8;
			unsigned char mask = little ? (unsigned char)((1u << keep) - 1) :
			    (unsigned char)(0xFFu << (8 - keep));

			d[row - 1] &= mask;
		}
	}
	cairo_surface_mark_dirty(s);
	return s;
}

static cairo_status_t
draw_page(cairo_t *cr, const struct scan_page *pg)
{
	cairo_surface_t *img;
	cairo_status_t st;

	if (pg->jpeg != NULL) {
		img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pg->width, pg->height);
		if ((st = cairo_surface_status(img)) == CAIRO_STATUS_SUCCESS)
			st = cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, pg->jpeg,
			    pg->jpeg_len, NULL, NULL);
	} else {
		img = bitmap_surface(pg);
		st = cairo_surface_status(img);
	}
	if (st == CAIRO_STATUS_SUCCESS) {
		cairo_save(cr);
		/* one pixel is 72/dpi points */
		cairo_scale(cr, 72.0 / pg->dpi, 72.0 / pg->dpi);
		if (pg->jpeg != NULL) {
			cairo_set_source_surface(cr, img, 0, 0);
			cairo_paint(cr);
		} else {
			cairo_set_source_rgb(cr, 0, 0, 0);
			cairo_mask_surface(cr, img, 0, 0);
		}
		cairo_restore(cr);
		cairo_show_page(cr);
		st = cairo_status(cr);
	}
	cairo_surface_destroy(img);
	return st;
}

int
scanmod_pdf_make(const struct scan_page *pages, size_t n, unsigned char **out,
    size_t *out_len, struct mc_err *err)
{
	struct sink sk = {0};
	cairo_surface_t *surf;
	cairo_status_t st = CAIRO_STATUS_SUCCESS;
	cairo_t *cr;

	*out = NULL;
	*out_len = 0;
	if (n == 0)
		return err_set(err, MC_EINVAL, _("the scan gave no page"));
	surf = cairo_pdf_surface_create_for_stream(sink_write, &sk,
	    pages[0].width * 72.0 / pages[0].dpi, pages[0].height * 72.0 / pages[0].dpi);
	cr = cairo_create(surf);
	for (size_t i = 0; i < n && st == CAIRO_STATUS_SUCCESS; i++) {
		/* each page its own size: a feeder may take sheets of several */
		cairo_pdf_surface_set_size(surf, pages[i].width * 72.0 / pages[i].dpi,
		    pages[i].height * 72.0 / pages[i].dpi);
		st = draw_page(cr, &pages[i]);
	}
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		free(sk.p);
		if (st == CAIRO_STATUS_NO_MEMORY)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		return err_set(err, MC_EIO, _("cannot make the scan's PDF: %s"),
		    cairo_status_to_string(st));
	}
	*out = sk.p;
	*out_len = sk.len;
	return 0;
}

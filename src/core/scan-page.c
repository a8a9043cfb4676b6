/* scan-page.c — a scanned page made ready for the PDF: Gray and Color
 * compressed as JPEG by libjpeg, Lineart kept (or made, by a threshold)
 * one bit a pixel.  See scan-int.h. */
#include "config.h"

#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "motcua/i18n.h"
#include "scan-int.h"

/* JPEG quality of Gray and Color pages: text stays sharp at 200 dpi and a
 * page is some tens of kilobytes. */
#define SCAN_JPEG_QUALITY 80

/* libjpeg reports a failure by calling error_exit, which must not
 * return: it jumps back into page_jpeg.  Everything libjpeg changes
 * lives in this block on the heap, reached through a pointer that does
 * not change after setjmp, so that its values are known after the jump. */
struct jpeg_job {
	struct jpeg_compress_struct ci;
	struct jpeg_error_mgr mgr;
	jmp_buf jb;
	unsigned char *out;
	unsigned long out_len;
};

static void
jpeg_fail_exit(j_common_ptr ci)
{
	struct jpeg_job *job = (struct jpeg_job *)(void *)((char *)ci -
	    offsetof(struct jpeg_job, ci));

	longjmp(job->jb, 1);
}

/* raw (8-bit) as a JPEG into *out (malloc'd), *out_len. */
static int
page_jpeg(const struct raw *raw, double dpi, unsigned char **out, size_t *out_len,
    struct mc_err *err)
{
	struct jpeg_job *job = calloc(1, sizeof *job);

	if (job == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	job->ci.err = jpeg_std_error(&job->mgr);
	job->mgr.error_exit = jpeg_fail_exit;
	if (setjmp(job->jb) != 0) {
		jpeg_destroy_compress(&job->ci);
		free(job->out);
		free(job);
		return err_set(err, MC_ENOMEM, _("cannot compress the scanned page: out of "
		    "memory"));
	}
	jpeg_create_compress(&job->ci);
	jpeg_mem_dest(&job->ci, &job->out, &job->out_len);
	job->ci.image_width = (JDIMENSION)raw->width;
	job->ci.image_height = (JDIMENSION)raw->height;
	job->ci.input_components = raw->channels;
	job->ci.in_color_space = raw->channels == 3 ? JCS_RGB : JCS_GRAYSCALE;
	jpeg_set_defaults(&job->ci);
	jpeg_set_quality(&job->ci, SCAN_JPEG_QUALITY, TRUE);
	/* the resolution, for whoever takes the image out of the PDF */
	job->ci.density_unit = 1;
	job->ci.X_density = job->ci.Y_density = (UINT16)(dpi + 0.5);
	jpeg_start_compress(&job->ci, TRUE);
	while (job->ci.next_scanline < job->ci.image_height) {
		JSAMPROW row = raw->p + (size_t)job->ci.next_scanline * raw->stride;

		jpeg_write_scanlines(&job->ci, &row, 1);
	}
	jpeg_finish_compress(&job->ci);
	jpeg_destroy_compress(&job->ci);
	*out = job->out;
	*out_len = job->out_len;
	free(job);
	return 0;
}

/* Lineart from 8-bit samples: darker than half is black. */
static int
page_threshold(struct raw *raw, struct mc_err *err)
{
	size_t stride = ((size_t)raw->width + 7) / 8;
	unsigned char *bits = calloc((size_t)raw->height, stride);

	if (bits == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	for (size_t y = 0; y < (size_t)raw->height; y++)
		for (size_t x = 0; x < (size_t)raw->width; x++) {
			const unsigned char *px = raw->p + y * raw->stride + x *
			    (size_t)raw->channels;
			unsigned lum = raw->channels == 3 ? (299u * px[0] + 587u * px[1] +
			    114u * px[2]) / 1000u : px[0];

			if (lum < 128)
				bits[y * stride + x / 8] |= (unsigned char)(0x80u >> (x % 8));
		}
	free(raw->p);
	raw->p = bits;
	raw->stride = stride;
	raw->bits = 1;
	raw->channels = 1;
	return 0;
}

void
doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->own[i]);
	free(d->pg);
	free(d->own);
	memset(d, 0, sizeof *d);
}

int
doc_add(struct doc *d, struct raw *raw, enum scan_mode mode, double dpi,
    struct mc_err *err)
{
	struct scan_page pg = {.width = raw->width, .height = raw->height, .dpi = dpi};
	unsigned char *own;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		struct scan_page *np = realloc(d->pg, cap * sizeof *np);
		unsigned char **no;

		if (np != NULL)
			d->pg = np;
		if (np == NULL || (no = realloc(d->own, cap * sizeof *no)) == NULL) {
			free(raw->p);
			raw->p = NULL;
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
		d->own = no;
		d->cap = cap;
	}
	if (mode == SCAN_LINEART && raw->bits == 8 && page_threshold(raw, err)) {
		free(raw->p);
		raw->p = NULL;
		return -1;
	}
	if (raw->bits == 1) {
		pg.bits = own = raw->p;
		pg.stride = raw->stride;
	} else {
		int rc = page_jpeg(raw, dpi, &own, &pg.jpeg_len, err);

		free(raw->p);
		if (rc != 0) {
			raw->p = NULL;
			return -1;
		}
		pg.jpeg = own;
	}
	raw->p = NULL;
	d->pg[d->n] = pg;
	d->own[d->n] = own;
	d->n++;
	return 0;
}

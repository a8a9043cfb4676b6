/* image-check.c — the image module (motcua-image.so, image-module.h):
 * libjpeg, libpng and libtiff read a file to attach from memory, to the
 * end, and say whether it is whole and, for a TIFF, how many pages it
 * has.  In a module of its own so that the program does not load those
 * libraries (and the ~10 under libtiff, libstdc++ among them) at every
 * start: attach-type.c opens it on the first file it checks. */
#include "config.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>
#include <tiffio.h>

#include "motcua/attach.h"
#include "image-module.h"

/* ---- JPEG: libjpeg reads the header from memory --------------------------- */

/* libjpeg reports a fatal error by calling error_exit, which must not
 * return: it jumps back to the reader. */
struct jpeg_fail {
	struct jpeg_error_mgr mgr;
	jmp_buf back;
};

static void
jpeg_fail_exit(j_common_ptr c)
{
	struct jpeg_fail *f = (struct jpeg_fail *)c->err;

	longjmp(f->back, 1);
}

/* and its warnings are not printed: they are counted (num_warnings),
 * and a file with any (a premature end, a corrupt marker) is damaged */
static void
jpeg_quiet(j_common_ptr c)
{
	(void)c;
}

/* The whole image is decoded, one line at a time into one line's room:
 * a file cut short or damaged anywhere is found, in bounded memory. */
static int
jpeg_check(const uint8_t *buf, size_t n)
{
	struct jpeg_decompress_struct d;
	struct jpeg_fail f;
	JSAMPLE *volatile line = NULL;	/* kept across the longjmp */

	memset(&d, 0, sizeof d);
	d.err = jpeg_std_error(&f.mgr);
	f.mgr.error_exit = jpeg_fail_exit;
	f.mgr.output_message = jpeg_quiet;
	if (setjmp(f.back) != 0) {
		free(line);
		jpeg_destroy_decompress(&d);
		return -1;
	}
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, buf, (unsigned long)n);
	if (jpeg_read_header(&d, TRUE) != JPEG_HEADER_OK || d.image_width == 0 ||
	    d.image_height == 0 || !jpeg_start_decompress(&d))
		longjmp(f.back, 1);
	if ((line = malloc((size_t)d.output_width * (size_t)d.output_components)) == NULL)
		longjmp(f.back, 1);
	while (d.output_scanline < d.output_height) {
		JSAMPROW row = line;

		/* a file cut short warns at once and would then be made up
		 * of grey lines: stop at the first warning */
		if (jpeg_read_scanlines(&d, &row, 1) != 1 || f.mgr.num_warnings > 0)
			longjmp(f.back, 1);
	}
	if (!jpeg_finish_decompress(&d) || f.mgr.num_warnings > 0)
		longjmp(f.back, 1);
	free(line);
	jpeg_destroy_decompress(&d);
	return 0;
}

/* ---- PNG: libpng reads the header from memory ----------------------------- */

struct mem {
	const uint8_t *p;
	size_t n, at;
};

static void
png_mem_read(png_structp png, png_bytep out, size_t len)
{
	struct mem *m = png_get_io_ptr(png);

	if (len > m->n - m->at)
		png_error(png, "truncated");
	memcpy(out, m->p + m->at, len);
	m->at += len;
}

/* libpng's errors are not printed: an error jumps back to the reader
 * (a handler that returned would have libpng print it first) */
static void
png_fail(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static void
png_quiet(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

/* The whole image is read, row by row into one row's room (each pass of
 * an interlaced one), to its end chunk: a file cut short or whose data
 * fails its checksums is found, in bounded memory. */
static int
png_check(const uint8_t *buf, size_t n)
{
	png_structp png;
	png_infop info = NULL;
	struct mem m = {buf, n, 0};
	volatile int ok = -1;	/* kept across the longjmp */
	png_bytep volatile row = NULL;

	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail, png_quiet);
	if (png == NULL)
		return -1;
	if ((info = png_create_info_struct(png)) == NULL) {
		png_destroy_read_struct(&png, NULL, NULL);
		return -1;
	}
	if (setjmp(png_jmpbuf(png)) == 0) {
		int passes;
		png_uint_32 h;

		png_set_read_fn(png, &m, png_mem_read);
		png_read_info(png, info);
		h = png_get_image_height(png, info);
		if (png_get_image_width(png, info) > 0 && h > 0) {
			passes = png_set_interlace_handling(png);
			png_read_update_info(png, info);
			if ((row = malloc(png_get_rowbytes(png, info))) != NULL) {
				for (int p = 0; p < passes; p++)
					for (png_uint_32 y = 0; y < h; y++)
						png_read_row(png, row, NULL);
				png_read_end(png, NULL);
				ok = 0;
			}
		}
	}
	free(row);
	png_destroy_read_struct(&png, &info, NULL);
	return ok;
}

/* ---- TIFF: libtiff counts the directories, from memory -------------------- */

static tmsize_t
tiff_read(thandle_t h, void *out, tmsize_t len)
{
	struct mem *m = h;
	size_t left = m->n - m->at;
	size_t k = len < 0 ? 0 : (size_t)len < left ? (size_t)len : left;

	memcpy(out, m->p + m->at, k);
	m->at += k;
	return (tmsize_t)k;
}

static tmsize_t
tiff_write(thandle_t h, void *in, tmsize_t len)
{
	(void)h;
	(void)in;
	(void)len;
	return -1;	/* read only */
}

static toff_t
tiff_seek(thandle_t h, toff_t off, int whence)
{
	struct mem *m = h;
	uint64_t base = whence == SEEK_CUR ? m->at : whence == SEEK_END ? m->n : 0;

	/* an offset past the end is where libtiff will find nothing to read */
	if (off > UINT64_MAX - base)
		return (toff_t)-1;
	base += off;
	m->at = base > m->n ? m->n : (size_t)base;
	return base;
}

static int
tiff_close(thandle_t h)
{
	(void)h;
	return 0;
}

static toff_t
tiff_size(thandle_t h)
{
	return ((struct mem *)h)->n;
}

static void
tiff_quiet(const char *module, const char *fmt, va_list ap)
{
	(void)module;
	(void)fmt;
	(void)ap;
}

/* Do the directory's strips (or tiles) lie inside the file?  A TIFF cut
 * short keeps its directories and loses its pictures. */
static bool
data_inside(TIFF *t, size_t n)
{
	bool tiled = TIFFIsTiled(t) != 0;
	uint32_t parts = tiled ? TIFFNumberOfTiles(t) : TIFFNumberOfStrips(t);
	uint64_t *offs = NULL, *counts = NULL;

	if (parts == 0 ||
	    !TIFFGetField(t, tiled ? TIFFTAG_TILEOFFSETS : TIFFTAG_STRIPOFFSETS, &offs) ||
	    !TIFFGetField(t, tiled ? TIFFTAG_TILEBYTECOUNTS : TIFFTAG_STRIPBYTECOUNTS,
	    &counts) || offs == NULL || counts == NULL)
		return false;
	for (uint32_t i = 0; i < parts; i++)
		if (counts[i] == 0 || offs[i] > n || counts[i] > n - offs[i])
			return false;
	return true;
}

/* Is the directory at `off` whole, up to and with its pointer to the next
 * one?  libtiff takes a pointer cut off by the end of the file for "no
 * more", which would make a file cut after a page a shorter good one. */
static bool
dir_whole(const uint8_t *buf, size_t n, uint64_t off)
{
	bool le = buf[0] == 'I', big = buf[2] == 0x2b || buf[3] == 0x2b;
	size_t width = big ? 8 : 2;
	uint64_t count = 0, end;

	if (off > n || n - off < width)
		return false;
	for (size_t i = 0; i < width; i++)
		count |= (uint64_t)buf[off + (le ? i : width - 1 - i)] << (8 * i);
	if (count > 65535)
		return false;
	end = off + width + count * (big ? 20 : 12) + (big ? 8 : 4);
	return end <= n;
}

static int
tiff_pages(const uint8_t *buf, size_t n, int *pages)
{
	struct mem m = {buf, n, 0};
	TIFFErrorHandler old_err, old_warn;
	TIFF *t;
	int count = 0, bad = 0;

	/* libtiff reports through process-wide handlers: silenced while it
	 * reads this file, then put back */
	old_err = TIFFSetErrorHandler(tiff_quiet);
	old_warn = TIFFSetWarningHandler(tiff_quiet);
	t = TIFFClientOpen("attachment", "rm", &m, tiff_read, tiff_write, tiff_seek,
	    tiff_close, tiff_size, NULL, NULL);
	if (t != NULL) {
		/* each directory read in turn (libtiff refuses a loop of
		 * directories); each must be an image whose data is in the
		 * file, and a directory that says another follows must be
		 * followed by one that can be read */
		for (;;) {
			uint32_t w = 0, h = 0;

			if (!TIFFGetField(t, TIFFTAG_IMAGEWIDTH, &w) ||
			    !TIFFGetField(t, TIFFTAG_IMAGELENGTH, &h) || w == 0 || h == 0 ||
			    ++count > ATTACH_MAX_PAGES || !data_inside(t, n) ||
			    !dir_whole(buf, n, TIFFCurrentDirOffset(t))) {
				bad = 1;
				break;
			}
			if (TIFFLastDirectory(t))
				break;
			if (TIFFReadDirectory(t) != 1) {
				bad = 1;
				break;
			}
		}
		TIFFClose(t);
	}
	TIFFSetErrorHandler(old_err);
	TIFFSetWarningHandler(old_warn);
	if (t == NULL || bad || count == 0)
		return -1;
	*pages = count;
	return 0;
}

/* The module's one export (built with hidden visibility: this is all
 * it exports). */
__attribute__((visibility("default"))) extern const struct image_module motcua_image_module;
const struct image_module motcua_image_module = {
	.abi = IMAGE_MODULE_ABI,
	.jpeg_check = jpeg_check,
	.png_check = png_check,
	.tiff_pages = tiff_pages,
};

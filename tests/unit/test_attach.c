/* test_attach.c — what a file to attach is (attach_detect) and how many
 * pages it has, against real files made here by the libraries themselves
 * (libjpeg, libpng, libtiff; PDFs written by hand) and hostile ones: every
 * cut of a file short, a page tree's /Count huge or false, loops and depth
 * in the tree, objects posing inside a stream, references to nothing. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jpeglib.h>
#include <png.h>
#include <tiffio.h>

#include "motcua/attach.h"
#include "tap.h"

/* ---- files made by their libraries --------------------------------------- */

static uint8_t *
make_jpeg(size_t *n)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	unsigned char *out = NULL, row[16 * 3];
	unsigned long len = 0;

	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &out, &len);
	c.image_width = 16;
	c.image_height = 16;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_start_compress(&c, TRUE);
	for (int i = 0; i < 48; i++)
		row[i] = (unsigned char)(i * 5);
	while (c.next_scanline < c.image_height) {
		JSAMPROW r = row;

		jpeg_write_scanlines(&c, &r, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	*n = len;
	return out;
}

struct grow {
	uint8_t *p;
	size_t n;
};

static void
png_put(png_structp png, png_bytep data, size_t len)
{
	struct grow *g = png_get_io_ptr(png);
	uint8_t *np = realloc(g->p, g->n + len);

	if (np == NULL)
		abort();
	memcpy(np + g->n, data, len);
	g->p = np;
	g->n += len;
}

static void
png_flush_none(png_structp png)
{
	(void)png;
}

static uint8_t *
make_png(size_t *n)
{
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png_create_info_struct(png);
	struct grow g = {NULL, 0};
	png_byte row[8 * 3];

	for (int i = 0; i < 24; i++)
		row[i] = (png_byte)(i * 9);
	png_set_write_fn(png, &g, png_put, png_flush_none);
	png_set_IHDR(png, info, 8, 8, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < 8; y++)
		png_write_row(png, row);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	*n = g.n;
	return g.p;
}

static uint8_t *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	uint8_t *b;
	long len;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (b = malloc((size_t)len + 1)) == NULL ||
	    fread(b, 1, (size_t)len, f) != (size_t)len)
		abort();
	fclose(f);
	*n = (size_t)len;
	return b;
}

static uint8_t *
make_tiff(int pages, size_t *n)
{
	char path[] = "/tmp/test_attach-XXXXXX";
	int fd = mkstemp(path);
	TIFF *t;
	uint8_t line[8];
	uint8_t *b;

	if (fd < 0)
		abort();
	close(fd);
	if ((t = TIFFOpen(path, "w")) == NULL)
		abort();
	memset(line, 0x80, sizeof line);
	for (int p = 0; p < pages; p++) {
		TIFFSetField(t, TIFFTAG_IMAGEWIDTH, 8);
		TIFFSetField(t, TIFFTAG_IMAGELENGTH, 8);
		TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
		TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 1);
		TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
		TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
		TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, 8);
		for (int y = 0; y < 8; y++)
			TIFFWriteScanline(t, line, (uint32_t)y, 0);
		TIFFWriteDirectory(t);
	}
	TIFFClose(t);
	b = slurp(path, n);
	unlink(path);
	return b;
}

/* ---- PDFs by hand ---------------------------------------------------------- */

/* A PDF of these objects (printf-style, one "N 0 obj … endobj" each,
 * given in full), ended by a trailer naming root 1 and %%EOF. */
static uint8_t *
make_pdf(size_t *n, const char *objects, const char *trailer)
{
	size_t cap = strlen(objects) + 256;
	char *b = malloc(cap);

	if (b == NULL)
		abort();
	*n = (size_t)snprintf(b, cap, "%%PDF-1.4\n%s\nxref\n0 1\n0000000000 65535 f \n"
	    "%s\nstartxref\n0\n%%%%EOF\n", objects, trailer != NULL ? trailer :
	    "trailer\n<< /Size 9 /Root 1 0 R >>");
	return (uint8_t *)b;
}

#define CATALOG "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
#define PAGE(n) #n " 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"

/* detect: 0 and (type, pages), or -1 */
static int
detect(const uint8_t *b, size_t n, enum attach_type *t, int *pages, char *why, size_t nwhy)
{
	struct mc_err err;
	int rc = attach_detect(b, n, t, pages, &err);

	snprintf(why, nwhy, "%s", rc != 0 ? err.msg : "");
	return rc;
}

static void
is_file(const uint8_t *b, size_t n, enum attach_type want, int want_pages, const char *what)
{
	enum attach_type t = ATTACH_PDF;
	int pages = -1;
	char why[512];
	int rc = detect(b, n, &t, &pages, why, sizeof why);

	ok(rc == 0 && t == want && pages == want_pages, "%s: %s, %d pages", what,
	    attach_type_name(want), want_pages);
	if (rc != 0)
		diag(why);
	else if (pages != want_pages)
		printf("#   got %d pages\n", pages);
}

static void
refused(const uint8_t *b, size_t n, const char *expect, const char *what)
{
	enum attach_type t;
	int pages;
	char why[512];
	int rc = detect(b, n, &t, &pages, why, sizeof why);

	ok(rc != 0 && (expect == NULL || strstr(why, expect) != NULL), "%s: refused%s%s",
	    what, expect != NULL ? " — " : "", expect != NULL ? expect : "");
	if (rc == 0)
		printf("#   taken as %s, %d pages\n", attach_type_name(t), pages);
	else if (expect != NULL && strstr(why, expect) == NULL)
		diag(why);
}

/* Every cut of b short of its end (but those that keep it whole: a cut
 * after `whole` bytes) is refused; returns how many were taken. */
static int
cuts_taken(const uint8_t *b, size_t n, size_t whole)
{
	int taken = 0;

	for (size_t len = 0; len < whole && len < n; len++) {
		enum attach_type t;
		int pages;
		char why[512];
		uint8_t *copy = malloc(len > 0 ? len : 1);

		/* a copy of its own length, so that ASan sees any read past it */
		memcpy(copy, b, len);
		if (detect(copy, len, &t, &pages, why, sizeof why) == 0) {
			if (taken++ == 0)
				printf("#   a cut at %zu bytes was taken\n", len);
		}
		free(copy);
	}
	return taken;
}

int
main(void)
{
	uint8_t *b;
	size_t n;
	char objs[4096];
	enum attach_type t;

	/* ---- names ---- */
	ok(attach_type_of_name("Scan.PDF", &t) == 0 && t == ATTACH_PDF, ".PDF: pdf");
	ok(attach_type_of_name("a.jpeg", &t) == 0 && t == ATTACH_JPEG, ".jpeg: jpeg");
	ok(attach_type_of_name("a.jpg", &t) == 0 && t == ATTACH_JPEG, ".jpg: jpeg");
	ok(attach_type_of_name("a.tif", &t) == 0 && t == ATTACH_TIFF, ".tif: tiff");
	ok(attach_type_of_name("a.TIFF", &t) == 0 && t == ATTACH_TIFF, ".TIFF: tiff");
	ok(attach_type_of_name("a.png", &t) == 0 && t == ATTACH_PNG, ".png: png");
	ok(attach_type_of_name("a.txt", &t) != 0, ".txt: none");
	ok(attach_type_of_name("png", &t) != 0, "no extension: none");
	ok(attach_type_of_name("a.pdf.exe", &t) != 0, "the last extension counts");

	/* ---- JPEG ---- */
	b = make_jpeg(&n);
	is_file(b, n, ATTACH_JPEG, 1, "a JPEG made by libjpeg");
	is_int(cuts_taken(b, n, n - 2), 0, "a JPEG: every cut short of its end marker refused");
	free(b);

	/* ---- PNG ---- */
	b = make_png(&n);
	is_file(b, n, ATTACH_PNG, 1, "a PNG made by libpng");
	/* IEND's 12 bytes are the end: a cut inside them loses the end chunk */
	is_int(cuts_taken(b, n, n), 0, "a PNG: every cut refused");
	b[n / 2] ^= 0x55;
	refused(b, n, "PNG", "a PNG with a byte changed in its data (CRC)");
	free(b);

	/* ---- TIFF ---- */
	b = make_tiff(1, &n);
	is_file(b, n, ATTACH_TIFF, 1, "a TIFF of one page made by libtiff");
	free(b);
	b = make_tiff(4, &n);
	is_file(b, n, ATTACH_TIFF, 4, "a TIFF of four pages: libtiff's directory count");
	is_int(cuts_taken(b, n, n), 0, "a TIFF: every cut refused");
	{
		/* the first directory's "next" pointing back at itself: a loop */
		uint8_t loop[] = {'I', 'I', 42, 0, 8, 0, 0, 0,
			/* 2 entries: width 1, length 1 */
			2, 0, 0x00, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0,
			0x01, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0,
			8, 0, 0, 0};
		refused(loop, sizeof loop, "TIFF", "a TIFF whose directories loop");
	}
	free(b);

	/* ---- PDF ---- */
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    PAGE(3), NULL);
	is_file(b, n, ATTACH_PDF, 1, "a PDF of one page");
	is_int(cuts_taken(b, n, n - 6), 0, "a PDF: every cut before %%EOF refused");
	free(b);
	/* a tree two deep, with comments, strings and a hex string about */
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [4 0 R 5 0 R] % comment\n"
	    "/Count 3 /Title (a (nested) string \\) with obj) /ID <0a0b> >> endobj\n"
	    "4 0 obj << /Type /Pages /Kids [6 0 R 7 0 R] /Count 2 >> endobj\n"
	    "5 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << >> >> >> endobj\n"
	    PAGE(6) PAGE(7), NULL);
	is_file(b, n, ATTACH_PDF, 3, "a PDF of a tree two deep");
	free(b);
	/* the bytes a PDF may have before its header */
	{
		uint8_t *c;
		size_t m;

		b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> "
		    "endobj\n" PAGE(3), NULL);
		c = malloc(n + 10);
		memcpy(c, "junk\r\n    ", 10);
		memcpy(c + 10, b, n);
		m = n + 10;
		is_file(c, m, ATTACH_PDF, 1, "a PDF with bytes before its header");
		free(c);
		free(b);
	}
	/* /Count as an indirect object, /Kids as one */
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids 8 0 R /Count 9 0 R >> "
	    "endobj\n" PAGE(3) PAGE(4) "8 0 obj [3 0 R 4 0 R] endobj\n9 0 obj 2 endobj\n",
	    NULL);
	is_file(b, n, ATTACH_PDF, 2, "a PDF whose /Kids and /Count are indirect");
	free(b);
	/* an incremental update: the later object 2 wins */
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    PAGE(3) PAGE(4) "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n",
	    NULL);
	is_file(b, n, ATTACH_PDF, 2, "an incremental update: the later definition counts");
	free(b);
	/* an object inside a stream's data is data */
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    PAGE(3) "5 0 obj << /Length 60 >>\nstream\n2 0 obj << /Type /Pages /Kids [] "
	    "/Count 0 >> endobj\nendstream\nendobj\n", NULL);
	is_file(b, n, ATTACH_PDF, 1, "an object posing inside a stream is not read");
	free(b);
	/* an xref stream's /Root (no trailer keyword) */
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    PAGE(3), "9 0 obj << /Type /XRef /Root 1 0 R /Size 10 /Length 0 >>\nstream\n"
	    "\nendstream\nendobj");
	is_file(b, n, ATTACH_PDF, 1, "a PDF with an xref stream's /Root");
	free(b);

	/* hostile PDFs */
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 2147483648 >> "
	    "endobj\n" PAGE(3), NULL);
	refused(b, n, "2147483648 pages", "a huge /Count");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count "
	    "99999999999999999999999 >> endobj\n" PAGE(3), NULL);
	refused(b, n, "no page tree", "a /Count of more digits than a number has");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count -1 >> endobj\n"
	    PAGE(3), NULL);
	refused(b, n, "no page tree", "a negative /Count");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 0 >> endobj\n"
	    PAGE(3), NULL);
	refused(b, n, "0 pages", "a /Count of 0");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 7 >> endobj\n"
	    PAGE(3), NULL);
	refused(b, n, "does not agree", "a /Count that is not its leaves");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n",
	    NULL);
	refused(b, n, "no page tree", "a tree whose root is its own kid");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [4 0 R] /Count 1 >> endobj\n"
	    "4 0 obj << /Type /Pages /Kids [5 0 R] /Count 1 >> endobj\n"
	    "5 0 obj << /Type /Pages /Kids [4 0 R] /Count 1 >> endobj\n", NULL);
	refused(b, n, "no page tree", "a loop of two nodes under the root");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R 3 0 R] /Count 2 >> "
	    "endobj\n" PAGE(3), NULL);
	refused(b, n, "no page tree", "a page listed twice");
	free(b);
	{
		/* a chain of 40 /Pages nodes: deeper than any real tree */
		size_t used = (size_t)snprintf(objs, sizeof objs, "%s", CATALOG);

		for (int i = 2; i < 42; i++)
			used += (size_t)snprintf(objs + used, sizeof objs - used, "%d 0 obj << /Type "
			    "/Pages /Kids [%d 0 R] /Count 1 >> endobj\n", i, i + 1);
		snprintf(objs + used, sizeof objs - used, "42 0 obj << /Type /Page >> endobj\n");
		b = make_pdf(&n, objs, NULL);
		refused(b, n, "no page tree", "a tree 40 deep");
		free(b);
	}
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n",
	    NULL);
	refused(b, n, "no page tree", "a kid that is no object");
	free(b);
	b = make_pdf(&n, "1 0 obj << /Type /Catalog >> endobj\n", NULL);
	refused(b, n, "no page tree", "a catalog without /Pages");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    PAGE(3), "trailer\n<< /Size 9 >>");
	refused(b, n, "no page tree", "no /Root anywhere");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /T (open /Type /Pages /Kids [3 0 R] /Count 1 "
	    ">> endobj\n" PAGE(3), NULL);
	refused(b, n, "no page tree", "a string never closed");
	free(b);
	b = make_pdf(&n, "5 0 obj << /Type /ObjStm /N 3 /First 10 /Length 8 >>\nstream\n"
	    "xxxxxxxx\nendstream\nendobj\n", "9 0 obj << /Type /XRef /Root 1 0 R >>\nstream\n"
	    "\nendstream\nendobj");
	refused(b, n, "no page tree", "objects inside a compressed object stream");
	free(b);
	b = make_pdf(&n, CATALOG "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    PAGE(3) "5 0 obj << /Length 99 >>\nstream\nnever ends", NULL);
	refused(b, n, "no page tree", "a stream that never ends");
	free(b);
	{
		/* nested arrays deeper than the reader goes */
		size_t used = (size_t)snprintf(objs, sizeof objs, "%s2 0 obj << /X ", CATALOG);

		for (int i = 0; i < 200; i++)
			objs[used++] = '[';
		snprintf(objs + used, sizeof objs - used, " >> endobj\n");
		b = make_pdf(&n, objs, NULL);
		refused(b, n, "no page tree", "values nested 200 deep");
		free(b);
	}

	/* ---- what is none of them ---- */
	refused((const uint8_t *)"hello, world\n", 13, "not a PDF, JPEG, PNG or TIFF",
	    "text");
	refused((const uint8_t *)"", 0, "not a PDF, JPEG, PNG or TIFF", "nothing");
	refused((const uint8_t *)"\xff\xd8\xff", 3, "JPEG", "a JPEG's magic alone");
	refused((const uint8_t *)"\x89PNG\r\n\x1a\n", 8, "PNG", "a PNG's magic alone");
	refused((const uint8_t *)"II*\0\xff\xff\xff\x7f", 8, "TIFF",
	    "a TIFF whose first directory is past the end");
	refused((const uint8_t *)"%PDF-1.7\n%%EOF\n", 15, "no page tree", "a PDF's header and end alone");

	/* ---- a file_added body, as the importer of bundles checks it ---- */
	{
		sqlite3 *db;
		struct mc_err err;
		static const char good[] = "{\"document\":2,\"doc_name\":\"Tờ khai\",\"result\":"
		    "false,\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f0"
		    "0a08\",\"type\":\"pdf\",\"pages\":3,\"bytes\":5123,\"source\":\"scan\","
		    "\"name\":\"scan.pdf\"}";
		static const struct {
			const char *from, *to, *what;
		} bad[] = {
			{"\"document\":2", "\"document\":0", "document 0"},
			{"\"document\":2", "\"document\":\"2\"", "a document as text"},
			{"\"result\":false", "\"result\":1", "a result that is no boolean"},
			{"9f86d0", "9F86D0", "a sha256 in capitals"},
			{"9f86d0", "../../", "a sha256 that climbs folders"},
			{"0a08\"", "0a0\"", "a sha256 too short"},
			{"\"pdf\"", "\"exe\"", "a type not of the four"},
			{"\"pages\":3", "\"pages\":0", "no pages"},
			{"\"pages\":3", "\"pages\":10001", "more pages than a document has"},
			{"\"bytes\":5123", "\"bytes\":-1", "bytes below zero"},
			{"\"scan\"", "\"email\"", "a source not scan or attach"},
			{"\"scan.pdf\"", "\"\"", "an empty name"},
			{",\"name\":\"scan.pdf\"", "", "no name"},
			{"\"name\"", "\"name\":\"x\",\"extra\"", "an extra field"},
			{"{", "[", "not an object"},
		};

		ok(sqlite3_open(":memory:", &db) == SQLITE_OK, "(a database for the JSON functions)");
		ok(attach_body_check(db, good, &err) == 0, "a body as attach_add writes it: taken");
		{
			char nulldoc[sizeof good + 8];
			const char *at = strstr(good, "2,\"doc_name\":\"Tờ khai\"");

			snprintf(nulldoc, sizeof nulldoc, "%.*snull,\"doc_name\":null%s",
			    (int)(at - good), good, at + strlen("2,\"doc_name\":\"Tờ khai\""));
			ok(attach_body_check(db, nulldoc, &err) == 0, "the dossier as a whole "
			    "(document null): taken");
		}
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			char body[512];
			const char *at = strstr(good, bad[i].from);

			snprintf(body, sizeof body, "%.*s%s%s", (int)(at - good), good, bad[i].to,
			    at + strlen(bad[i].from));
			ok(attach_body_check(db, body, &err) != 0 && strstr(err.msg, "not one motcua "
			    "records") != NULL, "a body with %s: refused", bad[i].what);
		}
		ok(attach_body_check(db, "not json", &err) != 0, "not JSON: refused");
		sqlite3_close(db);
	}
	return tap_done();
}

/* test_scan.c — the scan module against SANE's own `test` backend,
 * through scan.h as callers use it: the module, motcua-scan.so, is
 * opened from $MOTCUA_SCAN_MODULE (make check sets it), and a missing
 * one is the first thing checked.
 *
 * No physical scanner: SANE_CONFIG_DIR points at a private folder whose
 * dll.conf names only `test`, so no other backend is probed, and whose
 * test.conf says what the test scanner does (its picture, the status
 * its sane_read returns).  SANE reads both at each sane_init, and every
 * scan is its own SANE session, so a test rewrites test.conf before the
 * scan it is for.  The PDFs are read back with poppler's pdfinfo,
 * pdfimages and pdftoppm. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/scan.h"
#include "motcua/setting.h"
#include "tap.h"
#include "station.h"

static char sane_dir[128];

/* test.conf: the test scanner's picture, the status its reads give, and
 * `extra` lines (later lines win: "three-pass true"). */
static void
sane_conf_extra(const char *picture, const char *status, const char *extra)
{
	char p[192];
	FILE *f;

	snprintf(p, sizeof p, "%s/test.conf", sane_dir);
	if ((f = fopen(p, "w")) == NULL)
		bail("test.conf", strerror(errno));
	fprintf(f, "number_of_devices 2\nmode Gray\ndepth 8\nhand-scanner false\n"
	    "three-pass false\nthree-pass-order RGB\nresolution_min 1.0\n"
	    "resolution_max 1200.0\nresolution_quant 1.0\nresolution 50.0\n"
	    "test-picture \"%s\"\ninvert-endianess false\nread-limit false\n"
	    "read-limit-size 1\nread-delay false\nread-delay-duration 1000\n"
	    "read-status-code \"%s\"\nfuzzy-parameters false\nppl-loss 0\n"
	    "non-blocking false\nselect-fd false\nenable-test-options false\n"
	    "geometry_min 0.0\ngeometry_max 200.0\ngeometry_quant 1.0\n"
	    "tl_x 0.0\ntl_y 0.0\nbr_x 80.0\nbr_y 100.0\n%s", picture, status, extra);
	if (fclose(f) != 0)
		bail("test.conf", strerror(errno));
}

static void
sane_conf(const char *picture, const char *status)
{
	sane_conf_extra(picture, status, "");
}

static void
sane_dll(const char *backends)
{
	char p[192];
	FILE *f;

	snprintf(p, sizeof p, "%s/dll.conf", sane_dir);
	if ((f = fopen(p, "w")) == NULL || fputs(backends, f) == EOF || fclose(f) != 0)
		bail("dll.conf", strerror(errno));
}

/* The first line of a command's output that starts with `prefix`, after
 * the prefix, into buf; "" when none. */
static void
cmd_line(const char *cmd, const char *prefix, char *buf, size_t n)
{
	char line[512];
	FILE *p = popen(cmd, "r");

	buf[0] = '\0';
	if (p == NULL)
		bail("popen", cmd);
	while (fgets(line, sizeof line, p) != NULL)
		if (buf[0] == '\0' && strncmp(line, prefix, strlen(prefix)) == 0) {
			snprintf(buf, n, "%s", line + strlen(prefix));
			buf[strcspn(buf, "\n")] = '\0';
		}
	pclose(p);
}

static int
pdf_pages(const char *path)
{
	char cmd[256], v[64];

	snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null", path);
	cmd_line(cmd, "Pages:", v, sizeof v);
	return v[0] ? atoi(v) : -1;
}

/* Page 1's size in points. */
static void
pdf_size(const char *path, double *w, double *h)
{
	char cmd[256], v[128];

	*w = *h = -1;
	snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null", path);
	cmd_line(cmd, "Page size:", v, sizeof v);
	if (sscanf(v, " %lf x %lf", w, h) != 2)
		*w = *h = -1;
}

/* The first image of page `page`, as pdfimages -list says: pixels,
 * colour ("gray", "rgb"), bits a component, encoding ("jpeg", "image"). */
struct img {
	int width, height, bpc;
	char type[16], color[16], enc[16];
};

static int
pdf_image(const char *path, int page, struct img *im)
{
	char cmd[256], line[512];
	FILE *p;
	int found = 0;

	memset(im, 0, sizeof *im);
	snprintf(cmd, sizeof cmd, "pdfimages -list '%s' 2>/dev/null", path);
	if ((p = popen(cmd, "r")) == NULL)
		bail("popen", cmd);
	while (fgets(line, sizeof line, p) != NULL) {
		int pg, num, comp;

		if (!found && sscanf(line, "%d %d %15s %d %d %15s %d %d %15s", &pg, &num,
		    im->type, &im->width, &im->height, im->color, &comp, &im->bpc,
		    im->enc) == 9 && pg == page)
			found = 1;
	}
	pclose(p);
	return found;
}

/* Page 1 drawn by pdftoppm at 10 dpi in grey: how many of its pixels are
 * dark (< 64) and how many light (> 192); -1 if it could not be drawn. */
static int
pdf_tones(const char *path, long *dark, long *light)
{
	char cmd[384], out[160], pgm[192];
	int w, h, maxv, c;
	FILE *f;

	*dark = *light = 0;
	snprintf(out, sizeof out, "%s/render", test_dir);
	snprintf(cmd, sizeof cmd, "pdftoppm -f 1 -l 1 -r 10 -gray -singlefile '%s' '%s' "
	    "2>/dev/null", path, out);
	if (system(cmd) != 0)
		return -1;
	snprintf(pgm, sizeof pgm, "%s.pgm", out);
	if ((f = fopen(pgm, "rb")) == NULL)
		return -1;
	if (fscanf(f, "P5 %d %d %d", &w, &h, &maxv) != 3 || fgetc(f) == EOF) {
		fclose(f);
		return -1;
	}
	while ((c = fgetc(f)) != EOF) {
		if (c < 64)
			(*dark)++;
		else if (c > 192)
			(*light)++;
	}
	fclose(f);
	unlink(pgm);
	return 0;
}

static int
file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* Hidden files in the scans folder besides `keep`: the temporaries
 * privfile.h writes are ".NAME.XXXXXX". */
static int
stray_files(const char *keep)
{
	char cmd[256], v[32];

	snprintf(cmd, sizeof cmd, "ls -A '%s/scans' | grep '^\\.' | grep -vxc '%s'",
	    test_dir, keep != NULL ? keep : "");
	cmd_line(cmd, "", v, sizeof v);
	return atoi(v);
}

static struct scan_request
request(const char *dev, enum scan_mode mode, enum scan_source src)
{
	struct scan_request r;

	memset(&r, 0, sizeof r);
	snprintf(r.device, sizeof r.device, "%s", dev);
	r.resolution = 200;
	r.mode = mode;
	r.source = src;
	return r;
}

struct watch {
	int calls, last_page, stop_at_page;
	size_t last_bytes;
	int grew;		/* bytes grew within a page at least once */
	int polls, stop_after_polls;
};

static void
watch_progress(void *arg, int page, size_t bytes)
{
	struct watch *w = arg;

	w->calls++;
	if (page == w->last_page && bytes > w->last_bytes)
		w->grew = 1;
	w->last_page = page;
	w->last_bytes = bytes;
}

static int
watch_cancel(void *arg)
{
	struct watch *w = arg;

	w->polls++;
	if (w->stop_after_polls > 0 && w->polls >= w->stop_after_polls)
		return 1;
	return w->stop_at_page > 0 && w->last_page >= w->stop_at_page;
}

/* The scan module (motcua-scan.so) missing or another file in its place:
 * every call that needs it says which file and what to do, writes
 * nothing, and the settings, which need no module, are still read.  Run
 * first: the module, once loaded, stays loaded for the process. */
static void
test_no_module(void)
{
	const char *pdf = test_path("scans/no-module.pdf");
	const char *env = getenv("MOTCUA_SCAN_MODULE");
	const char *other = getenv("MOTCUA_PDF_MODULE");
	struct scan_request r = request("test:0", SCAN_GRAY, SCAN_FLATBED);
	char module[192], want[320];
	unsigned char *out;
	struct scan_device *d;
	struct mc_err err;
	size_t n;

	/* copied: the setenv below may free the string getenv pointed at */
	snprintf(module, sizeof module, "%s", env != NULL ? env : "");
	if (setenv("MOTCUA_SCAN_MODULE", test_path("no/motcua-scan.so"), 1) != 0)
		bail("setenv", strerror(errno));
	snprintf(want, sizeof want, "cannot scan: the scan module %s cannot be loaded (",
	    test_path("no/motcua-scan.so"));
	ok(scan_devices(&d, &n, &err) == -1 && d == NULL && n == 0,
	    "no scan module: no device list");
	ok(err.kind == MC_EIO && strncmp(err.msg, want, strlen(want)) == 0,
	    "which names the file: %s", err.msg);
	ok(strstr(err.msg, "; reinstall motcua, or set MOTCUA_SCAN_MODULE to the file") != NULL,
	    "and says what to do");
	ok(scan_document(&r, pdf, &err) == -1 && strncmp(err.msg, want, strlen(want)) == 0,
	    "no scan module: no scan, the same sentence");
	ok(access(pdf, F_OK) != 0, "no file is written");
	ok(scan_pdf_make(NULL, 0, &out, &n, &err) == -1 && out == NULL &&
	    strncmp(err.msg, want, strlen(want)) == 0, "nor a PDF made");
	ok(scan_request_from_settings(NULL, &r, &err) == 0 && r.resolution == 200,
	    "the settings need no module");

	/* a loadable file that is not the scan module: the PDF module */
	if (other != NULL && other[0] != '\0') {
		if (setenv("MOTCUA_SCAN_MODULE", other, 1) != 0)
			bail("setenv", strerror(errno));
		snprintf(want, sizeof want, "cannot scan: %s is not the scan module of this "
		    "motcua %s; reinstall motcua", other, PACKAGE_VERSION);
		ok(scan_devices(&d, &n, &err) == -1, "another module: no device list");
		is_str(err.msg, want, "and says the file is not the scan module");
	} else {
		printf("ok %d - # SKIP MOTCUA_PDF_MODULE not set\n", ++tap_n);
		printf("ok %d - # SKIP MOTCUA_PDF_MODULE not set\n", ++tap_n);
	}

	if (module[0] != '\0' ? setenv("MOTCUA_SCAN_MODULE", module, 1) != 0 :
	    unsetenv("MOTCUA_SCAN_MODULE") != 0)
		bail("setenv", strerror(errno));
}

static void
test_devices(void)
{
	struct scan_device *d;
	struct mc_err err;
	size_t n;

	ok(scan_devices(&d, &n, &err) == 0, "the devices are listed");
	is_int((long long)n, 2, "the test backend's two devices (test.conf)");
	if (n == 2) {
		is_str(d[0].name, "test:0", "the first is test:0");
		is_str(d[1].name, "test:1", "the second is test:1");
		is_str(d[0].vendor, "Noname", "its vendor");
		is_str(d[0].model, "frontend-tester", "its model");
		is_str(d[0].type, "virtual device", "its type");
	}
	free(d);
}

static void
test_flatbed(void)
{
	const char *pdf = test_path("scans/flatbed.pdf");
	struct scan_request r = request("test:0", SCAN_GRAY, SCAN_FLATBED);
	struct watch w = {0};
	struct mc_err err;
	struct stat sb;
	struct img im;
	double pw, ph;
	long dark, light;
	int n, rc;

	sane_conf("Solid white", "Default");
	r.progress = watch_progress;
	r.cancel = watch_cancel;
	r.arg = &w;
	n = scan_document(&r, pdf, &err);
	is_int(n, 1, "a flatbed gives one page%s%s", n < 0 ? ": " : "", n < 0 ? err.msg : "");
	ok(stat(pdf, &sb) == 0 && S_ISREG(sb.st_mode), "the PDF is there");
	is_int(sb.st_mode & 07777, 0600, "it is 0600");
	is_int(stray_files("flatbed.pdf"), 0, "no temporary is left beside it");
	is_int(pdf_pages(pdf), 1, "pdfinfo reads one page");
	ok(pdf_image(pdf, 1, &im), "pdfimages finds its image");
	is_str(im.enc, "jpeg", "a Gray page is a JPEG");
	is_str(im.color, "gray", "in grey");
	is_int(im.bpc, 8, "8 bits");
	/* 80 × 100 mm at 200 dpi (test.conf's scan area) */
	ok(im.width >= 629 && im.width <= 630 && im.height >= 787 && im.height <= 788,
	    "the image is the scanned pixels: %d × %d", im.width, im.height);
	pdf_size(pdf, &pw, &ph);
	ok(pw > 0 && fabs(pw - im.width * 72.0 / 200) < 0.01 &&
	    fabs(ph - im.height * 72.0 / 200) < 0.01,
	    "the page is the image at 200 dpi: %.2f × %.2f pt", pw, ph);
	ok(fabs(pw - 80 / 25.4 * 72) < 1 && fabs(ph - 100 / 25.4 * 72) < 1,
	    "which is the scan area, 80 × 100 mm");
	/* the surface cairo was given is black: a white page shows the JPEG
	 * is what the PDF draws */
	rc = pdf_tones(pdf, &dark, &light);
	ok(rc == 0 && dark == 0 && light > 0, "pdftoppm draws it white, as scanned (%ld dark, %ld light)", dark, light);
	ok(sb.st_size < 40000, "a white page is small: %lld bytes", (long long)sb.st_size);
	is_int(w.last_page, 1, "progress told page 1");
	ok(w.grew && w.last_bytes >= 629u * 787u, "and the bytes as they came (%zu)",
	    w.last_bytes);
	ok(w.polls > 0, "the cancel callback was asked");

	/* a scan over an existing file replaces it whole */
	sane_conf("Solid black", "Default");
	n = scan_document(&r, pdf, &err);
	is_int(n, 1, "a second scan to the same path");
	rc = pdf_tones(pdf, &dark, &light);
	ok(rc == 0 && light == 0 && dark > 0, "the file is the new scan (black: %ld dark)",
	    dark);
}

static void
test_adf(void)
{
	const char *pdf = test_path("scans/adf.pdf");
	struct scan_request r = request("test:0", SCAN_GRAY, SCAN_ADF);
	struct watch w = {0};
	struct mc_err err;
	int n;

	sane_conf("Grid", "Default");
	r.progress = watch_progress;
	r.arg = &w;
	n = scan_document(&r, pdf, &err);
	/* the test backend's feeder is empty after 10 sheets */
	is_int(n, 10, "the feeder's ten pages%s%s", n < 0 ? ": " : "", n < 0 ? err.msg : "");
	is_int(pdf_pages(pdf), 10, "one PDF of ten pages");
	is_int(w.last_page, 10, "progress told each page, up to 10");

	r.max_pages = 3;
	n = scan_document(&r, test_path("scans/limit.pdf"), &err);
	is_int(n, 3, "the page limit stops a feeder that goes on");
	is_int(pdf_pages(test_path("scans/limit.pdf")), 3, "three pages in the PDF");

	r = request("test:0", SCAN_GRAY, SCAN_ADF);
	r.cancel = watch_cancel;
	r.progress = watch_progress;
	memset(&w, 0, sizeof w);
	w.stop_at_page = 3;
	r.arg = &w;
	n = scan_document(&r, test_path("scans/adf-cancel.pdf"), &err);
	is_int(n, SCAN_CANCELLED, "Esc on page 3 cancels the scan");
	ok(strstr(err.msg, "cancelled") != NULL, "and says so: %s", err.msg);
	ok(!file_exists(test_path("scans/adf-cancel.pdf")), "the two pages done are not kept");
}

static void
test_color_lineart(void)
{
	const char *pdf = test_path("scans/color.pdf");
	struct scan_request r = request("test:0", SCAN_COLOR, SCAN_FLATBED);
	struct mc_err err;
	struct img im;
	long dark, light;
	int n, rc;

	sane_conf("Color pattern", "Default");
	n = scan_document(&r, pdf, &err);
	is_int(n, 1, "a Color page%s%s", n < 0 ? ": " : "", n < 0 ? err.msg : "");
	ok(pdf_image(pdf, 1, &im), "its image");
	is_str(im.enc, "jpeg", "a JPEG");
	is_str(im.color, "rgb", "in colour");

	/* a three-pass scanner sends red, green and blue as three frames */
	pdf = test_path("scans/three-pass.pdf");
	sane_conf_extra("Color pattern", "Default", "three-pass true\n");
	n = scan_document(&r, pdf, &err);
	is_int(n, 1, "a three-pass Color page%s%s", n < 0 ? ": " : "", n < 0 ? err.msg : "");
	rc = pdf_image(pdf, 1, &im);
	ok(rc && strcmp(im.color, "rgb") == 0 && im.width >= 629 && im.width <= 630,
	    "its frames woven into one colour image (%s, %d wide)", im.color, im.width);

	/* a hand scanner does not say how long the page is (lines = -1) */
	pdf = test_path("scans/hand.pdf");
	r = request("test:0", SCAN_GRAY, SCAN_FLATBED);
	sane_conf_extra("Grid", "Default", "hand-scanner true\n");
	n = scan_document(&r, pdf, &err);
	is_int(n, 1, "a hand scanner's page%s%s", n < 0 ? ": " : "", n < 0 ? err.msg : "");
	rc = pdf_image(pdf, 1, &im);
	/* its fixed width is 11 cm: 866 pixels at 200 dpi */
	ok(rc && im.width >= 866 && im.width <= 867 && im.height > 0,
	    "its height from the data (%d × %d)", im.width, im.height);

	pdf = test_path("scans/lineart.pdf");
	r = request("test:0", SCAN_LINEART, SCAN_FLATBED);
	r.resolution = 300;
	sane_conf("Grid", "Default");
	n = scan_document(&r, pdf, &err);
	is_int(n, 1, "a Lineart page%s%s", n < 0 ? ": " : "", n < 0 ? err.msg : "");
	ok(pdf_image(pdf, 1, &im), "its image");
	is_int(im.bpc, 1, "one bit a pixel");
	ok(strcmp(im.enc, "jpeg") != 0, "not a JPEG (lossless: %s)", im.enc);
	ok(im.width >= 944 && im.width <= 945, "at 300 dpi: %d pixels wide", im.width);
	/* the grid's squares are 10 mm: at 10 dpi both tones show */
	rc = pdf_tones(pdf, &dark, &light);
	ok(rc == 0 && dark > 0 && light > 0, "pdftoppm draws the grid black on white (%ld dark, %ld light)", dark, light);
	/* SANE's one bit is black: a black page stays black, not inverted */
	sane_conf("Solid black", "Default");
	n = scan_document(&r, pdf, &err);
	rc = pdf_tones(pdf, &dark, &light);
	ok(n == 1 && rc == 0 && dark > 0 && light == 0,
	    "a black Lineart page is drawn black (%ld dark, %ld light)", dark, light);
	sane_conf("Solid white", "Default");
	n = scan_document(&r, pdf, &err);
	rc = pdf_tones(pdf, &dark, &light);
	ok(n == 1 && rc == 0 && dark == 0 && light > 0,
	    "a white one white (%ld dark, %ld light)", dark, light);
}

static void
test_errors(void)
{
	static const struct {
		const char *status, *says;
		enum mc_errkind kind;
	} cases[] = {
		{"SANE_STATUS_JAMMED", "jammed", MC_EIO},
		{"SANE_STATUS_NO_DOCS", "no document", MC_EIO},
		{"SANE_STATUS_COVER_OPEN", "cover", MC_EIO},
		{"SANE_STATUS_IO_ERROR", "does not answer", MC_EIO},
		{"SANE_STATUS_DEVICE_BUSY", "busy", MC_ECONFLICT},
	};
	const char *pdf = test_path("scans/err.pdf");
	struct scan_request r = request("test:0", SCAN_GRAY, SCAN_FLATBED);
	struct mc_err err;
	char buf[16] = "";
	FILE *f;
	int n;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sane_conf("Solid white", cases[i].status);
		n = scan_document(&r, pdf, &err);
		is_int(n, -1, "%s: the scan fails", cases[i].status);
		ok(strstr(err.msg, cases[i].says) != NULL, "and says '%s': %s",
		    cases[i].says, err.msg);
		is_int(err.kind, cases[i].kind, "of its kind");
		ok(!file_exists(pdf), "no file is left");
		is_int(stray_files(NULL), 0, "nor a temporary");
	}
	/* the feeder: no paper at all is an error, not an empty document */
	sane_conf("Solid white", "SANE_STATUS_NO_DOCS");
	r.source = SCAN_ADF;
	n = scan_document(&r, pdf, &err);
	is_int(n, -1, "an empty feeder fails");
	ok(strstr(err.msg, "feeder") != NULL, "and says to put the pages in: %s", err.msg);

	/* a failed scan leaves the file that was there alone */
	if ((f = fopen(pdf, "w")) == NULL || fputs("before", f) == EOF || fclose(f) != 0)
		bail("err.pdf", strerror(errno));
	sane_conf("Solid white", "SANE_STATUS_JAMMED");
	r.source = SCAN_FLATBED;
	n = scan_document(&r, pdf, &err);
	is_int(n, -1, "a jam over an existing file");
	if ((f = fopen(pdf, "r")) == NULL || fgets(buf, sizeof buf, f) == NULL)
		buf[0] = '\0';
	if (f != NULL)
		fclose(f);
	is_str(buf, "before", "leaves it as it was");
	unlink(pdf);

	sane_conf("Solid white", "Default");
	r = request("nosuch:0", SCAN_GRAY, SCAN_FLATBED);
	n = scan_document(&r, pdf, &err);
	is_int(n, -1, "an unknown device fails");
	is_int(err.kind, MC_ENOTFOUND, "as not found");
	ok(strstr(err.msg, "no scanner 'nosuch:0'") != NULL, "and names it: %s", err.msg);
	r = request("test:7", SCAN_GRAY, SCAN_FLATBED);
	n = scan_document(&r, pdf, &err);
	ok(n == -1 && err.kind == MC_ENOTFOUND, "a device the backend has not: %s", err.msg);
	ok(!file_exists(pdf), "no file for either");

	r = request("test:0", SCAN_GRAY, SCAN_FLATBED);
	r.resolution = 1200;
	n = scan_document(&r, pdf, &err);
	ok(n == -1 && err.kind == MC_EINVAL, "a resolution past 600 is refused: %s",
	    err.msg);
}

/* The cancel asked in the middle of a page: the child stops (or is
 * stopped), nothing is kept.  And a scanner that sends nothing for the
 * request's silence_ms is given up as not answering: the test backend
 * waits 200 ms before each block it sends ("read-delay"). */
static void
test_cancel_silence(void)
{
	const char *pdf = test_path("scans/cancel.pdf");
	struct scan_request r = request("test:0", SCAN_GRAY, SCAN_FLATBED);
	struct watch w = {0};
	struct mc_err err;
	int n;

	sane_conf("Solid white", "Default");
	r.cancel = watch_cancel;
	r.progress = watch_progress;
	w.stop_after_polls = 3;
	r.arg = &w;
	n = scan_document(&r, pdf, &err);
	is_int(n, SCAN_CANCELLED, "a cancel in the middle of a page");
	ok(w.last_bytes > 0, "came after some data (%zu bytes)", w.last_bytes);
	ok(strstr(err.msg, "cancelled") != NULL, "and says so: %s", err.msg);
	ok(!file_exists(pdf), "no file is left");
	is_int(stray_files(NULL), 0, "nor a temporary");

	sane_conf_extra("Solid white", "Default",
	    "read-delay true\nread-delay-duration 200000\n");
	r = request("test:0", SCAN_GRAY, SCAN_FLATBED);
	r.silence_ms = 50;
	n = scan_document(&r, pdf, &err);
	is_int(n, -1, "a scanner silent past the limit: the scan fails");
	ok(strstr(err.msg, "has sent nothing for 1 second ") != NULL,
	    "as not answering: %s", err.msg);
	ok(!file_exists(pdf), "no file is left");
	is_int(stray_files(NULL), 0, "nor a temporary");

	/* the same slow scanner within the limit (the default, 90 s) scans */
	r.silence_ms = 0;
	n = scan_document(&r, pdf, &err);
	is_int(n, 1, "the same scanner, given the time, scans its page");
	unlink(pdf);
	sane_conf("Solid white", "Default");
}

static void
test_default_device(void)
{
	const char *pdf = test_path("scans/first.pdf");
	struct scan_request r = request("", SCAN_GRAY, SCAN_FLATBED);
	struct scan_device *d;
	struct mc_err err;
	size_t nd;
	int n;

	sane_conf("Solid white", "Default");
	n = scan_document(&r, pdf, &err);
	is_int(n, 1, "no device named: the first one found scans");
	unlink(pdf);

	sane_dll("# nothing\n");
	ok(scan_devices(&d, &nd, &err) == 0 && nd == 0, "no backend: no device");
	free(d);
	n = scan_document(&r, pdf, &err);
	ok(n == -1 && err.kind == MC_ENOTFOUND, "and a scan says so: %s", err.msg);
	sane_dll("test\n");
}

static void
test_settings(void)
{
	struct scan_request r;
	struct mc_err err;
	sqlite3 *db;

	ok(scan_request_from_settings(NULL, &r, &err) == 0, "the defaults");
	is_str(r.device, "", "device: the first found");
	is_int(r.resolution, 200, "200 dpi");
	is_int(r.mode, SCAN_GRAY, "Gray");
	is_int(r.source, SCAN_FLATBED, "flatbed");

	db = station_new("a.db", 1);
	ok(setting_set(db, "truong", "scan_device", "test:1", &err) == 0 &&
	    setting_set(db, "truong", "scan_resolution", "300", &err) == 0 &&
	    setting_set(db, "truong", "scan_mode", "lineart", &err) == 0 &&
	    setting_set(db, "truong", "scan_source", "adf", &err) == 0, "the four set");
	ok(scan_request_from_settings(db, &r, &err) == 0, "read back");
	is_str(r.device, "test:1", "the device");
	is_int(r.resolution, 300, "the resolution");
	is_int(r.mode, SCAN_LINEART, "Lineart");
	is_int(r.source, SCAN_ADF, "the feeder");
	ok(setting_set(db, "truong", "scan_resolution", "601", &err) == -1,
	    "601 dpi is refused");
	ok(setting_set(db, "truong", "scan_resolution", "74", &err) == -1,
	    "74 dpi is refused");
	ok(setting_set(db, "truong", "scan_mode", "Color", &err) == -1,
	    "a mode is written in small letters");
	ok(setting_set(db, "truong", "scan_source", "feeder", &err) == -1,
	    "the feeder is adf");
	ok(setting_set(db, "truong", "scan_device", "test:0\n", &err) == -1,
	    "a device name has no control character");
	ok(setting_set(db, "lan", "scan_device", "test:0", &err) == -1,
	    "an officer does not choose the scanner");
	ok(scan_request_from_settings(db, &r, &err) == 0 && r.resolution == 300 &&
	    strcmp(r.device, "test:1") == 0, "the refusals changed nothing");
	db_close(db);
}

int
main(void)
{
	char scans[192];

	test_dir_make("scan");
	snprintf(sane_dir, sizeof sane_dir, "%s/sane", test_dir);
	snprintf(scans, sizeof scans, "%s/scans", test_dir);
	if (mkdir(sane_dir, 0700) != 0 || mkdir(scans, 0700) != 0)
		bail("mkdir", strerror(errno));
	sane_dll("test\n");
	sane_conf("Solid black", "Default");
	/* before the first sane_init: SANE reads only this folder (no ':'
	 * at the end, which would add the system's /etc/sane.d) */
	if (setenv("SANE_CONFIG_DIR", sane_dir, 1) != 0)
		bail("setenv", strerror(errno));
	test_no_module();
	test_devices();
	test_flatbed();
	test_adf();
	test_color_lineart();
	test_errors();
	test_cancel_silence();
	test_default_device();
	test_settings();
	test_dir_remove();
	return tap_done();
}

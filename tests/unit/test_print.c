/* test_print.c — the printing back ends: the ESC/POS byte stream of a
 * slip (init, code page, CP1258 text, QR, cut, paper width), the file and
 * command back ends, slip_print through each, the print settings. */
#include "config.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/print.h"
#include "motcua/setting.h"
#include "motcua/slip.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"
#include "tap.h"

static char dir[] = "/tmp/motcua-test-print.XXXXXX";
static char dbpath[256];

static void
bail(const char *what, const struct mc_err *err)
{
	printf("Bail out! %s: %s\n", what, err->msg);
	exit(1);
}

static char *
slurp(const char *path, size_t *n)
{
	static char buf[1 << 20];
	FILE *f = fopen(path, "rb");

	*n = 0;
	if (f == NULL)
		return NULL;
	*n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[*n] = '\0';
	return buf;
}

static void
write_file(const char *path, const char *text, int mode)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0 || chmod(path, mode) != 0) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
}

static int
contains(const unsigned char *h, size_t hn, const void *needle, size_t nn)
{
	for (size_t i = 0; i + nn <= hn; i++)
		if (memcmp(h + i, needle, nn) == 0)
			return 1;
	return 0;
}

static size_t
occurs(const unsigned char *h, size_t hn, const void *needle, size_t nn)
{
	size_t k = 0;

	for (size_t i = 0; i + nn <= hn; i++)
		if (memcmp(h + i, needle, nn) == 0)
			k++;
	return k;
}

/* Walk the ESC/POS stream: skip the commands, convert each printed line
 * back from CP1258 and measure it.  Returns the widest line in columns,
 * or -1 if the stream holds a command this test does not know. */
static long
widest_printed(const unsigned char *p, size_t n, long *lines)
{
	iconv_t cd = iconv_open("UTF-8", "CP1258");
	size_t i = 0;
	long w = 0;

	*lines = 0;
	while (i < n) {
		if (p[i] == 0x1B) {		/* ESC @, ESC t n, ESC a n */
			i += p[i + 1] == '@' ? 2 : 3;
		} else if (p[i] == 0x1D && p[i + 1] == 'V') {	/* GS V 66 0 */
			i += 4;
		} else if (p[i] == 0x1D && p[i + 1] == '(') {	/* GS ( k pL pH … */
			i += 5 + p[i + 3] + 256u * p[i + 4];
		} else if (p[i] < 0x20 && p[i] != '\n') {
			iconv_close(cd);
			return -1;
		} else {
			const unsigned char *nl = memchr(p + i, '\n', n - i);
			size_t len = nl != NULL ? (size_t)(nl - (p + i)) : n - i;
			char in[512], out[1024], *ip = in, *op = out;
			size_t il = len, ol = sizeof out - 1;

			memcpy(in, p + i, len < sizeof in ? len : sizeof in - 1);
			iconv(cd, NULL, NULL, NULL, NULL);
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
			    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
				iconv_close(cd);
				return -1;
			}
			*op = '\0';
			{
				char *nfc = vntext_nfc(out, NULL);
				long cw = nfc != NULL ? (long)vntext_width(nfc) : 999;

				free(nfc);
				if (cw > w)
					w = cw;
			}
			(*lines)++;
			i += len + (nl != NULL);
		}
	}
	iconv_close(cd);
	return w;
}

static const unsigned char init52[] = {0x1B, '@', 0x1B, 't', 52};
static const unsigned char cut[] = {0x1D, 'V', 66, 0};

static void
test_stream(void)
{
	struct print_opts o;
	struct print_buf b;
	struct mc_err err;
	const char *code = "000.17.22.H56-261120-0001";
	/* "Nguyễn Văn Ánh": ễ is ê + the tilde byte DE in CP1258 */
	static const unsigned char want[] = {
		0x1B, '@', 0x1B, 't', 52,
		'N', 'g', 'u', 'y', 0xEA, 0xDE, 'n', ' ', 'V', 0xE3, 'n', ' ', 0xC1, 'n', 'h',
		'\n',
		0x1B, 'a', 1,
		0x1D, '(', 'k', 4, 0, 49, 65, 50, 0,
		0x1D, '(', 'k', 3, 0, 49, 67, 6,
		0x1D, '(', 'k', 3, 0, 49, 69, 49,
		0x1D, '(', 'k', 28, 0, 49, 80, 48,
		'0', '0', '0', '.', '1', '7', '.', '2', '2', '.', 'H', '5', '6', '-',
		'2', '6', '1', '1', '2', '0', '-', '0', '0', '0', '1',
		0x1D, '(', 'k', 3, 0, 49, 81, 48,
		'\n',
		0x1B, 'a', 0,
		0x1D, 'V', 66, 0,
	};
	long lines;

	memset(&o, 0, sizeof o);
	o.backend = PRINT_ESCPOS;
	o.codepage = 52;
	o.columns = 48;
	o.qr = true;
	ok(print_escpos("Nguyễn Văn Ánh\n", code, &o, &b, &err) == 0, "escpos: a line");
	ok(b.len == sizeof want && memcmp(b.p, want, sizeof want) == 0,
	    "escpos: exact bytes: ESC @, ESC t 52, CP1258 text, QR (model 2, size 6, "
	    "level M, store, print), cut");
	print_buf_free(&b);

	/* decomposed input gives the same bytes */
	ok(print_escpos("Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A\xCC\x81nh\n", code, &o, &b,
	    &err) == 0 && b.len == sizeof want && memcmp(b.p, want, sizeof want) == 0,
	    "escpos: NFD input normalised first");
	print_buf_free(&b);

	/* no QR without the setting; a clone's code page number */
	o.qr = false;
	o.codepage = 94;
	ok(print_escpos("Ánh", code, &o, &b, &err) == 0 && b.len == 5 + 4 + 4 &&
	    memcmp(b.p, "\x1B@\x1Bt\x5E\xC1nh\n\x1DV\x42\0", 13) == 0,
	    "escpos: no QR when escpos_qr is 0; ESC t 94");
	print_buf_free(&b);

	/* two pages: a cut after each */
	o.codepage = 52;
	ok(print_escpos("a\n\fb\n", NULL, &o, &b, &err) == 0 &&
	    occurs(b.p, b.len, cut, sizeof cut) == 2 &&
	    memcmp(b.p + b.len - 4, cut, 4) == 0, "escpos: a form feed cuts the paper");
	print_buf_free(&b);

	/* a long line wraps on words within the paper */
	o.columns = 32;
	ok(print_escpos("Nội dung yêu cầu giải quyết: Đăng ký khai sinh có yếu tố nước "
	    "ngoài tại Ủy ban nhân dân xã Mỹ An\n", NULL, &o, &b, &err) == 0,
	    "escpos: a long line");
	ok(widest_printed(b.p, b.len, &lines) <= 32 && lines == 4,
	    "escpos: wrapped to 32 columns (%ld lines)", lines);
	print_buf_free(&b);

	/* refusals: never a wrong letter */
	ok(print_escpos("dòng 1\nLê 中\n", NULL, &o, &b, &err) != 0 &&
	    strstr(err.msg, "line 2: '中' cannot be printed with code page 52") != NULL,
	    "escpos: an unprintable character refused, line named: %s", err.msg);
	o.codepage = 30;
	ok(print_escpos("a", NULL, &o, &b, &err) != 0 && strstr(err.msg, "TCVN-3") != NULL,
	    "escpos: code page 30 needs TCVN3 in iconv: %s", err.msg);
	o.codepage = 0;
	ok(print_escpos("a", NULL, &o, &b, &err) != 0, "escpos: code page 0 refused");
}

static void
test_slip(sqlite3 *db, const char *code)
{
	struct print_opts o;
	struct print_buf b;
	struct mc_err err;
	char *text;
	long w, lines;
	/* "GIẤY TIẾP NHẬN HỒ SƠ" in CP1258: Ấ = Â + acute (EC), Ế = Ê + EC,
	 * Ậ = Â + dot (F2), Ồ = Ô + grave (CC), Ơ = D5 */
	static const unsigned char title[] = "GI\xC2\xECY TI\xCA\xECP NH\xC2\xF2N H\xD4\xCC S\xD5";
	unsigned char store[64];

	memset(&o, 0, sizeof o);
	o.backend = PRINT_ESCPOS;
	o.codepage = 52;
	o.qr = true;
	store[0] = 0x1D, store[1] = '(', store[2] = 'k';
	store[3] = (unsigned char)(strlen(code) + 3), store[4] = 0;
	store[5] = 49, store[6] = 80, store[7] = 48;
	memcpy(store + 8, code, strlen(code));

	for (int pass = 0; pass < 2; pass++) {
		int cols = pass == 0 ? 32 : 48;

		if (setting_set(db, "truong", "paper_width", cols == 32 ? "58" : "80", &err))
			bail("paper_width", &err);
		o.columns = cols;
		text = slip_render_layout(db, dbpath, SLIP_RECEIPT, code, SLIP_LAYOUT_RECEIPT,
		    &err);
		ok(text != NULL, "%d columns: Mẫu 01 in the receipt layout", cols);
		if (text == NULL) {
			printf("# %s\n", err.msg);
			continue;
		}
		ok(print_escpos(text, code, &o, &b, &err) == 0, "%d columns: ESC/POS stream",
		    cols);
		free(text);
		ok(b.len > 5 && memcmp(b.p, init52, 5) == 0, "%d columns: starts ESC @, ESC t 52",
		    cols);
		ok(contains(b.p, b.len, title, sizeof title - 1),
		    "%d columns: the title in CP1258 bytes", cols);
		/* Trần Thị Bích Ngọc: í is one byte (ED), the other tones follow their vowel */
		ok(contains(b.p, b.len, "Tr\xE2\xCC" "n Thi\xF2 B\xED" "ch Ngo\xF2" "c", 21),
		    "%d columns: the applicant in CP1258 bytes", cols);
		is_int((long long)occurs(b.p, b.len, store, 8 + strlen(code)), 2,
		    "%d columns: the QR of the code on each copy", cols);
		is_int((long long)occurs(b.p, b.len, cut, sizeof cut), 2,
		    "%d columns: two copies, two cuts", cols);
		ok(memcmp(b.p + b.len - 4, cut, 4) == 0, "%d columns: ends with the cut", cols);
		w = widest_printed(b.p, b.len, &lines);
		ok(w > 0 && w <= cols && lines > 30,
		    "%d columns: no line longer than the paper (widest %ld, %ld lines)",
		    cols, w, lines);
		ok(w >= cols - 2, "%d columns: the layout uses the paper (widest %ld)", cols, w);
		print_buf_free(&b);
	}
}

int
main(void)
{
	struct mc_unit u;
	struct catalog_stats cs;
	struct mc_err err;
	struct mc_calendar *cal;
	struct mc_receipt r;
	struct mc_receipt_out out;
	char path[512], out_path[512], script[512], saved[1024], code[64];
	const char *text = "Giấy tiếp nhận\nNguyễn Văn Ánh\n";
	sqlite3 *db;
	size_t n;
	char *got, *slip;

	test_stream();

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(dbpath, sizeof dbpath, "%s/a.db", dir);
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "000.17.22.H56");
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	u.station = 1;
	if (db_open(dbpath, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    catalog_import_json(db, NULL, catalog_sample_json, &cs, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    unit_officer_add(db, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err) ||
	    calendar_open(db, &cal, &err))
		bail("setup", &err);
	memset(&r, 0, sizeof r);
	r.procedure = "1.001022";
	r.applicant.name = "Trần Thị Bích Ngọc";
	r.applicant.id = "087184000123";
	r.applicant.phone = "0912345678";
	r.applicant.address = "Ấp Tân Hòa, xã Mỹ An, tỉnh Đồng Tháp, một địa chỉ rất dài "
	    "để xuống dòng";
	r.docs = "all";
	r.officer = "lan";
	tap_now("2026-11-20 16:10");	/* the clock says the receipt's moment */
	if (date_parse_time("2026-11-20 16:10", &r.at) != 0 ||
	    dossier_receive(db, cal, &r, &out, &err))
		bail("receive", &err);
	snprintf(code, sizeof code, "%s", out.code);
	printf("# code %s\n", code);

	/* ---- settings and their checks */
	{
		char v[64];

		ok(setting_get(db, "print_backend", v, sizeof v) == 0 &&
		    strcmp(v, "command") == 0, "print_backend defaults to command");
		ok(setting_get(db, "escpos_codepage", v, sizeof v) == 0 && strcmp(v, "52") == 0,
		    "escpos_codepage defaults to 52");
		ok(setting_set(db, "truong", "paper_width", "100", &err) != 0 &&
		    strstr(err.msg, "58") != NULL, "paper_width 100 refused: %s", err.msg);
		ok(setting_set(db, "truong", "escpos_codepage", "abc", &err) != 0,
		    "escpos_codepage abc refused: %s", err.msg);
		ok(setting_set(db, "truong", "escpos_codepage", "300", &err) != 0,
		    "escpos_codepage 300 refused");
		ok(setting_set(db, "truong", "escpos_codepage", "30", &err) != 0 &&
		    strstr(err.msg, "TCVN-3") != NULL, "escpos_codepage 30 refused here: %s",
		    err.msg);
		ok(setting_set(db, "truong", "print_backend", "usb", &err) != 0,
		    "print_backend usb refused");
		ok(setting_set(db, "truong", "escpos_qr", "yes", &err) != 0, "escpos_qr yes refused");
		ok(setting_set(db, "truong", "print_device", "", &err) != 0, "empty print_device refused");
		ok(setting_get(db, "paper_width", v, sizeof v) == 0 && strcmp(v, "80") == 0 &&
		    setting_get(db, "escpos_codepage", v, sizeof v) == 0 && strcmp(v, "52") == 0,
		    "the refused values left the settings unchanged");
		ok(setting_set(db, "truong", "escpos_codepage", "94", &err) == 0 &&
		    setting_set(db, "truong", "escpos_codepage", "52", &err) == 0,
		    "escpos_codepage 94 and 52 accepted");
	}

	/* ---- the ESC/POS stream of a real slip */
	test_slip(db, code);

	/* ---- the file back end */
	snprintf(out_path, sizeof out_path, "%s/printed.txt", dir);
	if (setting_set(db, "truong", "print_backend", "file", &err) ||
	    setting_set(db, "truong", "print_device", out_path, &err))
		bail("settings", &err);
	ok(print_send(db, dbpath, NULL, text, NULL, &err) == 0, "file: sent");
	got = slurp(out_path, &n);
	is_str(got, text, "file: the document written as is");
	snprintf(path, sizeof path, "%s/nodir/x.txt", dir);
	ok(setting_set(db, "truong", "print_device", path, &err) == 0 &&
	    print_send(db, dbpath, NULL, text, NULL, &err) != 0 &&
	    strstr(err.msg, "printing failed") != NULL, "file: a bad path fails: %s", err.msg);

	/* ---- the command back end: a script copying its input */
	snprintf(script, sizeof script, "%s/fakelp", dir);
	{
		char body[1024];

		snprintf(body, sizeof body, "#!/bin/sh\necho chatter\ncat > '%s/stdin.txt'\n"
		    "printf '%%s' \"$1\" > '%s/arg.txt'\n", dir, dir);
		write_file(script, body, 0700);
	}
	if (setting_set(db, "truong", "print_backend", "command", &err) ||
	    setting_set(db, "truong", "print_command", script, &err))
		bail("settings", &err);
	snprintf(path, sizeof path, "%s/doc.txt", dir);
	write_file(path, text, 0600);
	ok(print_send(db, dbpath, path, NULL, NULL, &err) == 0, "command: ran");
	snprintf(out_path, sizeof out_path, "%s/stdin.txt", dir);
	is_str(slurp(out_path, &n), text, "command: the document on its standard input");
	snprintf(out_path, sizeof out_path, "%s/arg.txt", dir);
	is_str(slurp(out_path, &n), path, "command: the file as its last argument");
	snprintf(out_path, sizeof out_path, "%s/print.log", dir);
	ok((got = slurp(out_path, &n)) != NULL && strstr(got, "chatter") != NULL,
	    "command: its output in print.log beside the database");
	{
		/* a command that never reads its input is no error */
		static char big[300000];

		memset(big, 'x', sizeof big - 1);
		ok(setting_set(db, "truong", "print_command", "true", &err) == 0 &&
		    print_send(db, dbpath, NULL, big, NULL, &err) == 0,
		    "command: one that ignores its input succeeds");
	}
	ok(setting_set(db, "truong", "print_command", "false", &err) == 0 &&
	    print_send(db, dbpath, path, NULL, NULL, &err) != 0 &&
	    strstr(err.msg, "printing failed (false exited with status 1") != NULL,
	    "command: a failure reported: %s", err.msg);
	ok(setting_set(db, "truong", "print_command", "/nonexistent/lp", &err) == 0 &&
	    print_send(db, dbpath, path, NULL, NULL, &err) != 0 &&
	    strstr(err.msg, "cannot run /nonexistent/lp") != NULL,
	    "command: a missing command reported: %s", err.msg);

	/* ---- slip_print through the ESC/POS back end: the receipt layout
	 * even when the A5 text was saved */
	if ((slip = slip_render(db, dbpath, SLIP_RECEIPT, code, &err)) == NULL)
		bail("render", &err);
	snprintf(path, sizeof path, "mau01-%s", code);
	if (slip_save(dbpath, path, slip, saved, sizeof saved, &err))
		bail("save", &err);
	free(slip);
	snprintf(out_path, sizeof out_path, "%s/escpos.bin", dir);
	if (setting_set(db, "truong", "print_backend", "escpos", &err) ||
	    setting_set(db, "truong", "print_device", out_path, &err) ||
	    setting_set(db, "truong", "paper_width", "58", &err) ||
	    setting_set(db, "truong", "escpos_qr", "1", &err))
		bail("settings", &err);
	ok(slip_print(db, saved, &err) == 0, "slip_print escpos: printed");
	got = slurp(out_path, &n);
	{
		long lines, w = got != NULL ?
		    widest_printed((unsigned char *)got, n, &lines) : -1;

		ok(got != NULL && n > 5 && memcmp(got, init52, 5) == 0,
		    "slip_print escpos: ESC @, ESC t 52");
		ok(w > 0 && w <= 32, "slip_print escpos: the 58 mm receipt layout (widest %ld)",
		    w);
		ok(got != NULL && contains((unsigned char *)got, n, code, strlen(code)),
		    "slip_print escpos: the QR holds the code");
	}
	/* the file back end prints the saved text as it is */
	snprintf(out_path, sizeof out_path, "%s/copy.txt", dir);
	ok(setting_set(db, "truong", "print_backend", "file", &err) == 0 &&
	    setting_set(db, "truong", "print_device", out_path, &err) == 0 &&
	    slip_print(db, saved, &err) == 0, "slip_print file: printed");
	{
		size_t n2;
		char *a = strdup(slurp(saved, &n2) != NULL ? slurp(saved, &n2) : "");

		is_str(slurp(out_path, &n), a, "slip_print file: the saved slip");
		free(a);
	}

	calendar_close(cal);
	db_close(db);
	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			diag("cannot remove the test folder");
	}
	return tap_done();
}

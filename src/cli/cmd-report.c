/* cmd-report.c — motcua report summary | logbook | officer | portal. */
#include "config.h"

#include <limits.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/csv.h"
#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/pdf.h"
#include "motcua/privfile.h"
#include "motcua/report.h"
#include "motcua/slip.h"
#include "motcua/vocab.h"
#include "motcua/vntext.h"

static int
bad_date(void)
{
	return cli_error(_("a date is not valid: write it as DD/MM/YYYY, DDMMYYYY or "
	    "YYYY-MM-DD"));
}

struct opts {
	int from, to;
	const char *format, *encoding;
};

/* The options of a report of a period, its dates read. */
static int
parse_period(const struct cli_args *a, struct opts *o)
{
	memset(o, 0, sizeof *o);
	o->format = cli_has(a, "format") ? cli_arg(a, "format") : "text";
	o->encoding = cli_arg(a, "encoding");
	if (cli_read_day(cli_arg(a, "from"), &o->from, NULL) != 0 ||
	    cli_read_day(cli_arg(a, "to"), &o->to, NULL) != 0)
		return bad_date();
	return 0;
}

/* Write the CSV bytes, or fail naming the row. */
static int
csv_out(struct csv *c)
{
	if (fwrite(c->data, 1, c->len, stdout) != c->len)
		return cli_error(_("cannot write the output"));
	return 0;
}

/* The CSV's columns: the counts, one per choice of the citizen's rating
 * (report_rating), the rate, then the digitisation counts and rates
 * (report.h; added after the others, so the earlier columns keep their
 * places). */
#define FIXED_COLUMNS 12
#define DIGIT_COLUMNS 4
#define MAX_COLUMNS (FIXED_COLUMNS + MC_CHOICES_MAX + 1 + DIGIT_COLUMNS)

static const char *const digit_columns[DIGIT_COLUMNS] = {
	"digitised", "digitised_rate", "results_digitised", "results_digitised_rate",
};

static const char *const fixed_columns[FIXED_COLUMNS] = {
	"carried_over", "received_new", "received_online", "resolved_early",
	"resolved_on_time", "resolved_late", "in_progress_within", "in_progress_overdue",
	"guided", "refused", "withdrawn", "paused",
};

static size_t
nratings(void)
{
	return report_rating() != NULL ? vocab_nchoices(report_rating()) : 0;
}

static size_t
columns(const char **out)
{
	size_t n = 0;

	for (; n < FIXED_COLUMNS; n++)
		out[n] = fixed_columns[n];
	for (size_t i = 0; i < nratings(); i++)
		out[n++] = report_rating()->choices[i].value;
	out[n++] = "on_time_rate";
	for (size_t i = 0; i < DIGIT_COLUMNS; i++)
		out[n++] = digit_columns[i];
	return n;
}

/* A rate as the CSV and the text give it: "92.31", or `none`. */
static const char *
rate_text(bool has, double rate, const char *none, char buf[24])
{
	if (has)
		snprintf(buf, 24, "%.2f", rate);
	else
		snprintf(buf, 24, "%s", none);
	return buf;
}

static size_t
nums(const struct report_row *r, char v[MAX_COLUMNS][24])
{
	const long long x[FIXED_COLUMNS] = {r->carried_over, r->received_new,
	    r->received_online, r->resolved_early, r->resolved_on_time, r->resolved_late,
	    r->in_progress_within, r->in_progress_overdue, r->guided, r->refused,
	    r->withdrawn, r->paused};
	size_t n = 0;

	for (; n < FIXED_COLUMNS; n++)
		snprintf(v[n], 24, "%lld", x[n]);
	for (size_t i = 0; i < nratings(); i++)
		snprintf(v[n++], 24, "%lld", r->rating[i]);
	rate_text(r->has_rate, r->on_time_rate, "", v[n++]);
	snprintf(v[n++], 24, "%lld", r->digitised);
	rate_text(r->has_digitised, r->digitised_rate, "", v[n++]);
	snprintf(v[n++], 24, "%lld", r->results_digitised);
	rate_text(r->has_results_digitised, r->results_digitised_rate, "", v[n++]);
	return n;
}

static int
summary_csv(const struct report_summary *s, const char *encoding)
{
	struct csv c;
	struct mc_err err;
	const char *cells[MAX_COLUMNS + 1];
	char v[MAX_COLUMNS][24];
	size_t n;
	int rc = 0;

	if (csv_begin(&c, encoding, &err) != 0)
		return cli_fail(&err);
	cells[0] = _("Field");
	n = columns(cells + 1);
	if (csv_row(&c, cells, n + 1, &err) != 0)
		rc = cli_fail(&err);
	for (size_t k = 0; k <= s->nfields && rc == 0; k++) {
		const struct report_row *r = k < s->nfields ? &s->fields[k] : &s->total;

		n = nums(r, v);
		cells[0] = k < s->nfields ? r->field : _("Total");
		for (size_t i = 0; i < n; i++)
			cells[i + 1] = v[i];
		if (csv_row(&c, cells, n + 1, &err) != 0)
			rc = cli_fail(&err);
	}
	if (rc == 0)
		rc = csv_out(&c);
	csv_free(&c);
	return rc;
}

/* The indicators the province scores (report.h) under the table: the
 * stopped dossiers, the satisfaction rate overall and per officer, the
 * dossiers' digitisation rate (summary_digitised has both, per field). */
static void
summary_indicators(const struct report_summary *s)
{
	char rate[24], digitised[24];

	printf(_("Stopped: %lld   Satisfaction rate: %s%% (%lld of %lld rated)   "
	    "Digitised: %s%%\n"), s->total.stopped, rate_text(s->total.has_satisfaction,
	    s->total.satisfaction_rate, "-", rate), s->total.pleased, s->total.rated,
	    rate_text(s->total.has_digitised, s->total.digitised_rate, "-", digitised));
	for (size_t i = 0; i < s->nofficers; i++) {
		const struct report_officer_rating *o = &s->officers[i];

		printf("  ");
		cli_pad(stdout, o->officer, 12);
		printf(" ");
		cli_pad(stdout, o->full_name, 28);
		/* TRANSLATORS: one officer's satisfaction: the rate, then how
		 * many were satisfied of how many rated */
		printf(_(" %6.2f%% (%lld of %lld rated)\n"), o->satisfaction_rate, o->pleased,
		    o->rated);
	}
}

/* One table of the summary: its rows (by field, or by deciding body)
 * under `first`, then the total. */
static void
summary_table(const char *first, const struct report_row *rows, size_t n,
    const struct report_row *total)
{
	/* TRANSLATORS: column headings of the summary, 6 columns each */
	const char *heads[] = {_("Carry"), _("New"), _("Early"), _("OnTime"), _("Late"),
	    _("InTime"), _("Overdu"), _("Withdr"), _("OnTime%")};

	cli_pad(stdout, first, 30);
	/* right-aligned by display width: a Vietnamese heading has more bytes */
	for (int i = 0; i < 9; i++) {
		int w = i == 8 ? 7 : 6;
		for (int k = (int)vntext_width(heads[i]); k < w; k++)
			putchar(' ');
		printf(" %s", heads[i]);
	}
	putchar('\n');
	for (size_t k = 0; k <= n; k++) {
		const struct report_row *r = k < n ? &rows[k] : total;
		char rate[16] = "-";

		if (r->has_rate)
			snprintf(rate, sizeof rate, "%.2f", r->on_time_rate);
		cli_pad(stdout, k < n ? r->field : _("Total"), 30);
		printf(" %6lld %6lld %6lld %6lld %6lld %6lld %6lld %6lld %7s\n", r->carried_over,
		    r->received_new, r->resolved_early, r->resolved_on_time, r->resolved_late,
		    r->in_progress_within, r->in_progress_overdue, r->withdrawn, rate);
	}
}

/* The digitisation per field and in total (Circular 01/2023, report.h):
 * the new dossiers, of them digitised, the rate; the results of the
 * period, of them digitised, the rate. */
static void
summary_digitised(const struct report_summary *s)
{
	/* TRANSLATORS: column headings of the digitisation table, 6 columns
	 * each (the rates 7): new dossiers, of them digitised, the rate;
	 * results (resolved), of them digitised, the rate */
	const char *heads[] = {_("New"), _("Digit."), _("Rate%"), _("Resolv"), _("Digit."),
	    _("Rate%")};

	cli_pad(stdout, _("Digitised (Circular 01/2023)"), 30);
	for (int i = 0; i < 6; i++) {
		int w = i == 2 || i == 5 ? 7 : 6;
		for (int k = (int)vntext_width(heads[i]); k < w; k++)
			putchar(' ');
		printf(" %s", heads[i]);
	}
	putchar('\n');
	for (size_t k = 0; k <= s->nfields; k++) {
		const struct report_row *r = k < s->nfields ? &s->fields[k] : &s->total;
		char a[24], b[24];

		cli_pad(stdout, k < s->nfields ? r->field : _("Total"), 30);
		printf(" %6lld %6lld %7s %6lld %6lld %7s\n", r->received_new, r->digitised,
		    rate_text(r->has_digitised, r->digitised_rate, "-", a),
		    r->resolved_early + r->resolved_on_time + r->resolved_late,
		    r->results_digitised, rate_text(r->has_results_digitised,
		    r->results_digitised_rate, "-", b));
	}
}

static void
summary_text(const struct report_summary *s)
{
	summary_table(_("Field"), s->fields, s->nfields, &s->total);
	printf(_("Guided (not received): %lld   Refused: %lld   Paused: %lld\n"),
	    s->total.guided, s->total.refused, s->total.paused);
	printf(_("New by channel: handed in %lld   by post %lld   online %lld\n"),
	    s->total.received_new - s->total.received_post - s->total.received_online,
	    s->total.received_post, s->total.received_online);
	/* "Satisfaction: very satisfied 3, satisfied 1, not satisfied 0":
	 * each choice of the rating with its label */
	printf("%s", _("Satisfaction:"));
	for (size_t i = 0; i < nratings(); i++)
		printf("%s %s %lld", i > 0 ? "," : "", _(report_rating()->choices[i].label),
		    s->total.rating[i]);
	putchar('\n');
	summary_indicators(s);
	/* the same figures by the body that decides (catalog.h): what this
	 * unit decides, and what it forwards to each other body */
	putchar('\n');
	summary_table(_("Deciding body"), s->bodies, s->nbodies, &s->total);
	putchar('\n');
	summary_digitised(s);
}

static int
run_summary(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct report_summary s;
	struct mc_err err;
	struct opts o;
	sqlite3 *db;
	int rc = 0;

	if (parse_period(a, &o) != 0)
		return 1;
	if (strcmp(o.format, "text") != 0 && strcmp(o.format, "csv") != 0 &&
	    strcmp(o.format, "json") != 0)
		return cli_error(_("unknown format '%s': use text, csv or json"), o.format);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (report_summary(db, o.from, o.to, &s, &err) != 0)
		return cli_fail(&err);
	if (strcmp(o.format, "json") == 0) {
		char *j = report_summary_json(db, &s, &err);

		rc = j != NULL ? (printf("%s\n", j), 0) : cli_fail(&err);
		free(j);
	} else if (strcmp(o.format, "csv") == 0) {
		rc = summary_csv(&s, o.encoding);
	} else {
		summary_text(&s);
	}
	report_summary_free(&s);
	return rc;
}

struct logbook_out {
	struct csv *csv;
	int rc;
};

static int
logbook_row(const struct report_logbook_row *r, void *arg)
{
	struct logbook_out *lo = arg;
	char n[16], sets[16];
	struct mc_err err;

	snprintf(n, sizeof n, "%lld", r->n);
	snprintf(sets, sizeof sets, "%d", r->sets);
	if (lo->csv != NULL) {
		const char *cells[] = {n, r->code, r->procedure, sets, r->applicant, r->contact,
		    r->agency, r->received, r->due, r->transferred, r->result, r->returned, "",
		    r->note, r->book};
		if (csv_row(lo->csv, cells, 15, &err) != 0) {
			lo->rc = cli_fail(&err);
			return 1;
		}
		return 0;
	}
	printf("%3lld  %s  %s  %s\n     %s — %s\n     %s: %s  %s: %s  %s: %s  %s: %s  %s: %s  %s: %s%s%s\n",
	    r->n, r->code, r->received, r->applicant, r->procedure, r->contact,
	    _("book"), r->book,
	    _("due"), r->due, _("sent"), r->transferred[0] ? r->transferred : "-",
	    _("result"), r->result[0] ? r->result : "-", _("returned"),
	    r->returned[0] ? r->returned : "-", _("agency"), r->agency,
	    r->note[0] ? "  " : "", r->note);
	return 0;
}

/* The logbook as PDF (form 7, A4 landscape): to FILE, else saved beside
 * the database as reports/logbook-FROM-TO.pdf and its path printed. */
static int
logbook_pdf(struct cli_ctx *ctx, sqlite3 *db, const struct opts *o, const char *out)
{
	struct pdf_buf b;
	struct mc_err err;
	char dbp[4096], file[64], saved[PATH_MAX + 64];
	int rc = 0;

	if (out != NULL && out[0] == '\0')
		return cli_error(_("--out needs a file name"));
	if (out == NULL && cli_db_path(ctx, dbp, sizeof dbp) == NULL)
		return 1;
	if (slip_logbook_pdf(db, o->from, o->to, &b, &err) != 0)
		return cli_fail(&err);
	if (out != NULL) {
		if (privfile_write(out, (const char *)b.p, b.len, &err) != 0)
			rc = cli_fail(&err);
		pdf_buf_free(&b);
		return rc;
	}
	{
		int y1, m1, d1, y2, m2, d2;

		date_ymd(o->from, &y1, &m1, &d1);
		date_ymd(o->to, &y2, &m2, &d2);
		snprintf(file, sizeof file, "logbook-%04d%02d%02d-%04d%02d%02d.pdf", y1, m1, d1,
		    y2, m2, d2);
	}
	if (slip_save_file(dbp, "reports", file, (const char *)b.p, b.len, saved, sizeof saved,
	    &err) != 0)
		rc = cli_fail(&err);
	else if (printf("%s\n", saved) < 0)
		rc = cli_error(_("cannot write to standard output"));
	pdf_buf_free(&b);
	return rc;
}

static int
run_logbook(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct logbook_out lo = {NULL, 0};
	struct csv c;
	struct mc_err err;
	struct opts o;
	sqlite3 *db;
	int rc;

	if (parse_period(a, &o) != 0)
		return 1;
	if (strcmp(o.format, "text") != 0 && strcmp(o.format, "csv") != 0 &&
	    strcmp(o.format, "pdf") != 0)
		return cli_error(_("unknown format '%s': use text, csv or pdf"), o.format);
	if (cli_arg(a, "out") != NULL && strcmp(o.format, "pdf") != 0)
		return cli_error(_("--out is for --format pdf: the text and the CSV go to "
		    "standard output"));
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (strcmp(o.format, "pdf") == 0)
		return logbook_pdf(ctx, db, &o, cli_arg(a, "out"));
	if (strcmp(o.format, "csv") == 0) {
		/* Mẫu 06 columns */
		const char *head[] = {"TT", "Mã hồ sơ", "Tên TTHC", "Số lượng hồ sơ (bộ)",
		    "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại",
		    "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả",
		    "Chuyển hồ sơ đến cơ quan giải quyết", "Nhận kết quả", "Trả kết quả",
		    "Ký nhận", "Ghi chú", "Quyển số"};
		if (csv_begin(&c, o.encoding, &err) != 0)
			return cli_fail(&err);
		if (csv_row(&c, head, 15, &err) != 0) {
			csv_free(&c);
			return cli_fail(&err);
		}
		lo.csv = &c;
	}
	rc = report_logbook(db, o.from, o.to, logbook_row, &lo, &err);
	if (rc != 0)
		rc = cli_fail(&err);
	else if (lo.rc != 0)
		rc = lo.rc;
	else if (lo.csv != NULL)
		rc = csv_out(&c);
	if (lo.csv != NULL)
		csv_free(&c);
	return rc;
}

static int
officer_row(const struct report_officer_row *r, void *arg)
{
	(void)arg;
	printf("%-16s %8lld %8lld %8lld %12lld  %s\n", r->officer, r->receipts, r->returns,
	    r->guided, r->fees, r->full_name);
	return 0;
}

static int
run_officer(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_err err;
	sqlite3 *db;
	int day;

	if (cli_read_day(cli_arg(a, "date"), &day, NULL) != 0)
		return bad_date();
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	/* TRANSLATORS: column headings of `motcua report officer` */
	printf("%-16s %8s %8s %8s %12s  %s\n", _("officer"), _("received"), _("returned"),
	    _("guided"), _("fees (VND)"), _("name"));
	return report_officer(db, day, officer_row, NULL, &err) ? cli_fail(&err) : 0;
}

/* The export for the national portal: core makes the whole text; it goes
 * to standard output or, with --out, to FILE through a temporary renamed
 * into place (privfile.h), as `slip --out` writes: FILE is then either as
 * it was or the whole export, born 0600 (it holds citizens' names). */
static int
run_portal(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *out = cli_arg(a, "out");
	struct mc_err err;
	sqlite3 *db;
	char *doc, *text;
	int from, to, rc = 0;

	if (out != NULL && out[0] == '\0')
		return cli_usage(a);
	if (cli_read_day(cli_arg(a, "from"), &from, NULL) != 0 ||
	    cli_read_day(cli_arg(a, "to"), &to, NULL) != 0)
		return bad_date();
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if ((doc = report_portal(db, from, to, &err)) == NULL)
		return cli_fail(&err);
	if (out == NULL) {
		if (printf("%s\n", doc) < 0 || fflush(stdout) != 0)
			rc = cli_error(_("cannot write to standard output"));
		free(doc);
		return rc;
	}
	/* the file ends with a newline, as standard output does */
	if ((text = malloc(strlen(doc) + 2)) == NULL) {
		free(doc);
		return cli_error(_("out of memory"));
	}
	snprintf(text, strlen(doc) + 2, "%s\n", doc);
	free(doc);
	if (privfile_write(out, text, strlen(text), &err) != 0)
		rc = cli_fail(&err);
	free(text);
	return rc;
}

static const struct cli_opt period_opts[] = {
	{"from", "DATE", N_("the first day of the period (DD/MM/YYYY, DDMMYYYY or "
	    "YYYY-MM-DD)"), CLI_REQUIRED, 0},
	{"to", "DATE", N_("the last day of the period"), CLI_REQUIRED, 0},
	CLI_OPT_END,
};
static const struct cli_opt summary_format[] = {
	{"format", "text|csv|json", N_("how to write it (default: text)"), 0, 0},
	CLI_OPT_END,
};
static const struct cli_opt logbook_format[] = {
	{"format", "text|csv|pdf", N_("how to write it (default: text; pdf: form 7 on A4 "
	    "landscape, saved in the reports folder unless --out)"), 0, 0},
	{"out", "FILE", N_("--format pdf: write the PDF to FILE"), 0, 0},
	CLI_OPT_END,
};
static const struct cli_opt encoding_opt[] = {
	{"encoding", "E", N_("CSV: utf-8 (the default), cp1258, tcvn or viscii"),
	    0, 0},
	CLI_OPT_END,
};
static const struct cli_opt portal_out[] = {
	{"out", "FILE", N_("write it to FILE (replaced whole) instead of standard output"),
	    0, 0},
	CLI_OPT_END,
};
static const struct cli_opt day_opt[] = {
	{"date", "DATE", N_("the day (DD/MM/YYYY, DDMMYYYY or YYYY-MM-DD)"), CLI_REQUIRED, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "summary", .opts = {period_opts, summary_format, encoding_opt},
	    .run = run_summary},
	{.word = "logbook", .opts = {period_opts, logbook_format, encoding_opt},
	    .run = run_logbook},
	{.word = "officer", .opts = {day_opt}, .run = run_officer},
	{.word = "portal", .opts = {period_opts, portal_out}, .run = run_portal},
	CLI_FORM_END,
};

const struct cli_cmd cmd_report = {
	.name = "report",
	.summary = N_("The figures of a period, the logbook, each officer's day, the export for "
	    "the national portal."),
	.forms = forms,
};

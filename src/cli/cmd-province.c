/* cmd-province.c — motcua province init | load | report | late: the
 * province's PostgreSQL database (province.h).  The province store is
 * the database --db names, a station's database of the province office
 * (motcua init), which trusts the communes' stations (motcua station
 * trust). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/csv.h"
#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/province.h"
#include "motcua/report.h"
#include "motcua/vocab.h"

static struct province *
connect_pg(const struct cli_args *a)
{
	struct province *p;
	struct mc_err err;

	if (province_open(cli_arg(a, "pg"), &p, &err) != 0) {
		cli_fail(&err);
		return NULL;
	}
	return p;
}

static int
run_init(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct province *p;
	struct mc_err err;
	int applied, version, rc = 0;

	(void)ctx;
	if ((p = connect_pg(a)) == NULL)
		return 1;
	if (province_init(p, &applied, &version, &err) != 0)
		rc = cli_fail(&err);
	else if (applied == 0)
		printf(_("The province database is set up already (version %d): nothing to do.\n"),
		    version);
	else
		printf(_("The province database is set up (version %d).\n"), version);
	province_close(p);
	return rc;
}

static int
loaded(const char *file, const struct province_load *r, const struct mc_err *err, void *arg)
{
	(void)arg;
	if (r == NULL) {
		cli_fail(err);
		return 0;	/* one bad file does not stop the others */
	}
	if (r->sync.events_new == 0 && r->events == 0)
		printf(_("%s: nothing new (all %lld events were already here)\n"), file,
		    r->sync.events_known);
	else
		printf(_("%s: %lld new events, %lld dossiers written to the province database "
		    "(%d communes)\n"), file, r->events, r->dossiers, r->communes);
	return 0;
}

static int
run_load(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_officer me;
	struct province *p;
	struct mc_err err;
	sqlite3 *db;
	int failed = 0;

	if ((db = cli_login_for(ctx, a, MC_ACT_IMPORT, &me)) == NULL ||
	    (p = connect_pg(a)) == NULL)
		return 1;
	if (province_ready(p, &err) != 0) {
		province_close(p);
		return cli_fail(&err);
	}
	for (int i = 0; i < a->argc; i++)
		if (province_load(p, db, me.username, a->argv[i], loaded, NULL, &err) != 0)
			failed++;
	province_close(p);
	return failed > 0 ? 1 : 0;
}

/* ---- the report -------------------------------------------------------- */

#define FIXED 15
#define MAX_COLS (FIXED + MC_CHOICES_MAX + 8)

/* The columns as the station's `report summary --format csv` has them
 * (cmd-report.c: the counts, the ratings, the rate, the digitisation's
 * four), then what the province adds. */
static const char *const fixed_cols[12] = {
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
head(const char **out)
{
	size_t n = 0;

	for (; n < 12; n++)
		out[n] = fixed_cols[n];
	for (size_t i = 0; i < nratings(); i++)
		out[n++] = report_rating()->choices[i].value;
	out[n++] = "on_time_rate";
	out[n++] = "digitised";
	out[n++] = "digitised_rate";
	out[n++] = "results_digitised";
	out[n++] = "results_digitised_rate";
	out[n++] = "stopped";
	out[n++] = "received_post";
	out[n++] = "satisfaction_rate";
	return n;
}

static size_t
cells(const struct report_row *r, char v[MAX_COLS][24])
{
	const long long x[12] = {r->carried_over, r->received_new, r->received_online,
	    r->resolved_early, r->resolved_on_time, r->resolved_late, r->in_progress_within,
	    r->in_progress_overdue, r->guided, r->refused, r->withdrawn, r->paused};
	size_t n = 0;

	for (; n < 12; n++)
		snprintf(v[n], 24, "%lld", x[n]);
	for (size_t i = 0; i < nratings(); i++)
		snprintf(v[n++], 24, "%lld", r->rating[i]);
	if (r->has_rate)
		snprintf(v[n++], 24, "%.2f", r->on_time_rate);
	else
		v[n++][0] = '\0';
	snprintf(v[n++], 24, "%lld", r->digitised);
	if (r->has_digitised)
		snprintf(v[n++], 24, "%.2f", r->digitised_rate);
	else
		v[n++][0] = '\0';
	snprintf(v[n++], 24, "%lld", r->results_digitised);
	if (r->has_results_digitised)
		snprintf(v[n++], 24, "%.2f", r->results_digitised_rate);
	else
		v[n++][0] = '\0';
	snprintf(v[n++], 24, "%lld", r->stopped);
	snprintf(v[n++], 24, "%lld", r->received_post);
	if (r->has_satisfaction)
		snprintf(v[n++], 24, "%.2f", r->satisfaction_rate);
	else
		v[n++][0] = '\0';
	return n;
}

static const char *
by_heading(enum province_by by)
{
	return by == PROVINCE_BY_COMMUNE ? _("Commune") : by == PROVINCE_BY_FIELD ?
	    _("Field") : _("Procedure");
}

static int
report_csv(const struct province_report *s, const char *encoding)
{
	const char *row[MAX_COLS + 2];
	char v[MAX_COLS][24];
	bool named = s->by != PROVINCE_BY_FIELD;
	size_t base = named ? 2 : 1, n;
	struct mc_err err;
	struct csv c;
	int rc = 0;

	if (csv_begin(&c, encoding, &err) != 0)
		return cli_fail(&err);
	row[0] = by_heading(s->by);
	row[1] = _("Name");
	n = head(row + base);
	if (csv_row(&c, row, n + base, &err) != 0)
		rc = cli_fail(&err);
	for (size_t k = 0; k <= s->nrows && rc == 0; k++) {
		const struct province_row *pr = k < s->nrows ? &s->rows[k] : NULL;

		n = cells(pr != NULL ? &pr->r : &s->total, v);
		row[0] = pr != NULL ? pr->key : _("Total");
		row[1] = pr != NULL ? pr->name : "";
		for (size_t i = 0; i < n; i++)
			row[base + i] = v[i];
		if (csv_row(&c, row, n + base, &err) != 0)
			rc = cli_fail(&err);
	}
	if (rc == 0 && fwrite(c.data, 1, c.len, stdout) != c.len)
		rc = cli_error(_("cannot write the output"));
	csv_free(&c);
	return rc;
}

static void
row_obj(const char *key, const char *kv, const char *name, const struct report_row *r)
{
	const char *h[MAX_COLS];
	char v[MAX_COLS][24];
	size_t n = head(h);

	(void)cells(r, v);
	putchar('{');
	if (key != NULL) {
		printf("\"%s\":", key);
		cli_jstr(stdout, kv);
		if (name != NULL) {
			fputs(",\"name\":", stdout);
			if (name[0] != '\0')
				cli_jstr(stdout, name);
			else
				fputs("null", stdout);
		}
		putchar(',');
	}
	for (size_t i = 0; i < n; i++)
		printf("%s\"%s\":%s", i ? "," : "", h[i], v[i][0] != '\0' ? v[i] : "null");
	putchar('}');
}

static void
report_as_json(const struct province_report *s)
{
	char from[MC_DATE_LEN], to[MC_DATE_LEN];
	const char *key = s->by == PROVINCE_BY_COMMUNE ? "commune" : s->by == PROVINCE_BY_FIELD ?
	    "field" : "procedure";

	date_format(s->from, from);
	date_format(s->to, to);
	printf("{\"from\":\"%s\",\"to\":\"%s\",\"by\":\"%s\",\"total\":", from, to, key);
	row_obj(NULL, NULL, NULL, &s->total);
	fputs(",\"rows\":[", stdout);
	for (size_t i = 0; i < s->nrows; i++) {
		if (i > 0)
			putchar(',');
		row_obj(key, s->rows[i].key, s->by != PROVINCE_BY_FIELD ? s->rows[i].name : NULL,
		    &s->rows[i].r);
	}
	fputs("]}\n", stdout);
}

static void
text_rate(char *buf, size_t n, bool has, double rate)
{
	if (has)
		snprintf(buf, n, "%.2f%%", rate);
	else
		snprintf(buf, n, "-");
}

static void
text_row(const char *label, const struct report_row *r)
{
	char rate[16], sat[16];

	text_rate(rate, sizeof rate, r->has_rate, r->on_time_rate);
	text_rate(sat, sizeof sat, r->has_satisfaction, r->satisfaction_rate);
	printf("%6lld %6lld %6lld %6lld %6lld %6lld %6lld %8s %8s  ", r->carried_over,
	    r->received_new, r->resolved_early, r->resolved_on_time, r->resolved_late,
	    r->in_progress_within, r->in_progress_overdue, rate, sat);
	cli_wrap(stdout, label);
}

static void
report_text(const struct province_report *s)
{
	char from[MC_DATE_LEN], to[MC_DATE_LEN];

	date_format(s->from, from);
	date_format(s->to, to);
	printf(_("Province figures (Biểu 06) from %s to %s, by %s\n"), from, to,
	    by_heading(s->by));
	/* the columns: carried over, new, resolved early / on time / late, in
	 * progress within time / overdue, the rates */
	printf("%6s %6s %6s %6s %6s %6s %6s %8s %8s  %s\n", _("Carry"), _("New"), _("Early"),
	    _("OnTime"), _("Late"), _("InTime"), _("Over"), _("OnTime%"), _("Satis%"),
	    by_heading(s->by));
	for (size_t i = 0; i < s->nrows; i++) {
		char label[800];

		if (s->rows[i].name[0] != '\0')
			snprintf(label, sizeof label, "%s (%s)", s->rows[i].key, s->rows[i].name);
		else
			snprintf(label, sizeof label, "%s", s->rows[i].key[0] != '\0' ?
			    s->rows[i].key : "-");
		text_row(label, &s->rows[i].r);
	}
	text_row(_("Total"), &s->total);
	printf(_("Guided (not received): %lld   Refused: %lld   Withdrawn: %lld   "
	    "Stopped: %lld   Paused: %lld\n"), s->total.guided, s->total.refused,
	    s->total.withdrawn, s->total.stopped, s->total.paused);
	/* the digitisation rates of the whole (Circular 01/2023; report.h) */
	printf(_("Digitised: %lld of %lld new dossiers (%.2f%%), %lld of %lld results "
	    "(%.2f%%)\n"), s->total.digitised, s->total.received_new,
	    s->total.digitised_rate, s->total.results_digitised,
	    s->total.resolved_early + s->total.resolved_on_time + s->total.resolved_late,
	    s->total.results_digitised_rate);
}

static int
read_by(const char *s, enum province_by *by)
{
	if (s == NULL || strcmp(s, "commune") == 0)
		*by = PROVINCE_BY_COMMUNE;
	else if (strcmp(s, "field") == 0)
		*by = PROVINCE_BY_FIELD;
	else if (strcmp(s, "procedure") == 0)
		*by = PROVINCE_BY_PROCEDURE;
	else
		return cli_error(_("unknown grouping '%s': use commune, field or procedure"), s);
	return 0;
}

static int
bad_date(void)
{
	return cli_error(_("a date is not valid: write it as DD/MM/YYYY, DDMMYYYY or "
	    "YYYY-MM-DD"));
}

static int
run_report(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *format = cli_has(a, "format") ? cli_arg(a, "format") : "text";
	struct province_report s;
	enum province_by by;
	struct province *p;
	struct mc_err err;
	int from, to, rc = 0;

	(void)ctx;
	if (cli_read_day(cli_arg(a, "from"), &from, NULL) != 0 ||
	    cli_read_day(cli_arg(a, "to"), &to, NULL) != 0)
		return bad_date();
	if (read_by(cli_arg(a, "by"), &by) != 0)
		return 1;
	if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0 &&
	    strcmp(format, "json") != 0)
		return cli_error(_("unknown format '%s': use text, csv or json"), format);
	if ((p = connect_pg(a)) == NULL)
		return 1;
	if (province_report(p, from, to, by, &s, &err) != 0) {
		province_close(p);
		return cli_fail(&err);
	}
	province_close(p);
	if (strcmp(format, "csv") == 0)
		rc = report_csv(&s, cli_arg(a, "encoding"));
	else if (strcmp(format, "json") == 0)
		report_as_json(&s);
	else
		report_text(&s);
	province_report_free(&s);
	return rc;
}

static int
run_late(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct province_report s;
	struct province *p;
	struct mc_err err;
	struct mc_time now;
	char day[MC_DATE_LEN];
	int at, limit = 10;

	(void)ctx;
	date_now(&now);
	at = now.jdn;
	if (cli_has(a, "at") && cli_read_day(cli_arg(a, "at"), &at, NULL) != 0)
		return bad_date();
	if (cli_has(a, "limit")) {
		char *end;
		long v = strtol(cli_arg(a, "limit"), &end, 10);

		if (*end != '\0' || v < 1 || v > 100000)
			return cli_error(_("--limit must be a number from 1 to 100000"));
		limit = (int)v;
	}
	if ((p = connect_pg(a)) == NULL)
		return 1;
	if (province_late(p, at, limit, &s, &err) != 0) {
		province_close(p);
		return cli_fail(&err);
	}
	province_close(p);
	date_format(at, day);
	if (s.nrows == 0)
		printf(_("No commune has an overdue dossier at the end of %s.\n"), day);
	else
		printf(_("The communes with the most overdue dossiers at the end of %s "
		    "(commune, overdue, in progress, name):\n"), day);
	for (size_t i = 0; i < s.nrows; i++) {
		const struct report_row *r = &s.rows[i].r;

		/* the first columns are the format: scripts read the code and count */
		printf("%-16s %6lld %6lld  %s\n", s.rows[i].key, r->in_progress_overdue,
		    r->in_progress_within + r->in_progress_overdue, s.rows[i].name);
	}
	province_report_free(&s);
	return 0;
}

static const struct cli_opt pg_opt[] = {
	{"pg", "CONNINFO", N_("the province's PostgreSQL database: a libpq connection "
	    "string or postgresql:// URI"), CLI_REQUIRED, 0},
	CLI_OPT_END,
};
static const struct cli_opt report_opts[] = {
	{"from", "DATE", N_("the first day of the period (DD/MM/YYYY, DDMMYYYY or "
	    "YYYY-MM-DD)"), CLI_REQUIRED, 0},
	{"to", "DATE", N_("the last day of the period"), CLI_REQUIRED, 0},
	{"by", "commune|field|procedure", N_("one row per commune (the default), field or "
	    "procedure"), 0, 0},
	{"format", "text|csv|json", N_("how to write it (default: text)"), 0, 0},
	{"encoding", "E", N_("CSV: utf-8 (the default), cp1258, tcvn or viscii"), 0, 0},
	CLI_OPT_END,
};
static const struct cli_opt late_opts[] = {
	{"at", "DATE", N_("the day whose end counts (default: today)"), 0, 0},
	{"limit", "N", N_("at most N communes (default: 10)"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "init", .opts = {pg_opt}, .run = run_init},
	{.word = "load", .args = "FILE...", .opts = {pg_opt, cli_group_password},
	    .run = run_load},
	{.word = "report", .opts = {pg_opt, report_opts}, .run = run_report},
	{.word = "late", .opts = {pg_opt, late_opts}, .run = run_late},
	CLI_FORM_END,
};

const struct cli_cmd cmd_province = {
	.name = "province",
	.summary = N_("The province's PostgreSQL database: set it up, load the communes' "
	    "bundles into it (verified by this station's import), the province's figures "
	    "and the communes most late."),
	.forms = forms,
};

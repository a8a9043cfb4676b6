/* s-report-out.c — F6 reports: the summary as a CSV file in the reports
 * folder beside the database (UTF-8 with a byte order mark, so that a
 * spreadsheet opens the Vietnamese names right; CRLF line ends; one
 * header row, a row per field, the total last), and the table as text,
 * saved among the slips and sent to the printer.
 * The cells go through the shared CSV writer (csv.h); the printing
 * through slip_print, hence the print back end of the station. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/csv.h"
#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/slip.h"
#include "s-report.h"

void
rp_file_stem(const struct st_report *s, char *buf, size_t n)
{
	char from[MC_DATE_LEN], to[MC_DATE_LEN];

	date_format(s->from, from);
	date_format(s->to, to);
	snprintf(buf, n, "report-%s_%s", from, to);
}

/* One row of figures: the field's name, then every column; a rate
 * that does not exist (nothing resolved, nobody rated) is left empty. */
static int
csv_line(struct csv *c, const struct report_row *r, struct mc_err *err)
{
	char v[RP_NCOLS][32];
	const char *cells[RP_NCOLS + 1];

	cells[0] = r->field[0] != '\0' ? r->field : _("Total");
	for (int i = 0; i < RP_NCOLS; i++) {
		rp_col_value(r, i, v[i], sizeof v[i]);
		cells[i + 1] = strcmp(v[i], "—") == 0 ? "" : v[i];
	}
	return csv_row(c, cells, RP_NCOLS + 1, err);
}

/* The whole CSV in c (UTF-8 with its byte order mark). */
static int
csv_build(struct csv *c, const struct st_report *s, struct mc_err *err)
{
	const char *head[RP_NCOLS + 1];

	if (csv_begin(c, "utf-8", err) != 0)
		return -1;
	head[0] = _("Field");
	for (int i = 0; i < RP_NCOLS; i++)
		head[i + 1] = rp_col_long(i);
	if (csv_row(c, head, RP_NCOLS + 1, err) != 0)
		goto fail;
	for (size_t i = 0; i < s->sum.nfields; i++)
		if (csv_line(c, &s->sum.fields[i], err) != 0)
			goto fail;
	if (csv_line(c, &s->sum.total, err) != 0)
		goto fail;
	return 0;
fail:
	csv_free(c);
	return -1;
}

/* Into the reports folder beside the database, through a temporary file
 * (slip_save_file): a file is there whole or not at all. */
int
rp_export_csv(struct ui *u, const struct st_report *s, char *path, size_t n,
    struct mc_err *err)
{
	char stem[64], file[80];
	struct csv c;
	int rc;

	path[0] = '\0';
	if (csv_build(&c, s, err) != 0)
		return -1;
	rp_file_stem(s, stem, sizeof stem);
	snprintf(file, sizeof file, "%s.csv", stem);
	rc = slip_save_file(u->db_path, "reports", file, c.data, c.len, path, n, err);
	csv_free(&c);
	return rc;
}

int
rp_print(struct ui *u, const struct st_report *s, char *path, size_t n,
    struct mc_err *err)
{
	char stem[64], *text = rp_table_text(u, s, 80);
	int rc;

	path[0] = '\0';
	if (text == NULL)
		return err_set(err, MC_ENOMEM, "%s", _("out of memory"));
	rp_file_stem(s, stem, sizeof stem);
	rc = slip_save(u->db_path, stem, text, path, n, err);
	free(text);
	if (rc != 0)
		return -1;
	return slip_print(u->db, path, err);
}

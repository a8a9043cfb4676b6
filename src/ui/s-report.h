/* s-report.h — F6 reports: the state the screen (s-report.c) shares with
 * its views and outputs (s-report-view.c: the table's columns, the table
 * and the two bar charts on screen, the table as text; s-report-ind.c:
 * the page of indicators; s-report-out.c: CSV export and printing). */
#ifndef MOTCUA_S_REPORT_H
#define MOTCUA_S_REPORT_H

#include "motcua/report.h"
#include "ui-int.h"

enum rp_period { RP_MONTH, RP_LAST_MONTH, RP_QUARTER, RP_YEAR, RP_CUSTOM, RP_COUNT };
enum rp_view { RV_TABLE, RV_RATE, RV_WEEKS, RV_COUNT };

/* One week of the period (Monday to Sunday, cut to the period). */
struct rp_week {
	int from, to;
	long long received;
};

struct st_report {
	enum rp_period period;
	int from, to;			/* JDNs, both included */
	bool loaded;
	struct report_summary sum;
	enum rp_view view;
	bool indic;			/* the page of indicators (i) instead */
	size_t top;			/* first row shown */
	int col;			/* first column of figures shown (table) */
	struct rp_week *weeks;		/* loaded when the weekly chart is shown */
	size_t nweeks;
	bool weeks_loaded;
	bool editing;			/* custom dates: the fields have the focus */
	int focus;			/* 0 from, 1 to */
	struct w_field f[2];
	unsigned gen;
};

/* The table's columns of figures, beside the field's name. */
#define RP_NCOLS 21
#define RP_COLW 7		/* columns of screen per figure */
/* The group above a column ("Received"), its own short label ("new"),
 * its label in full (CSV), all translated. */
const char *rp_col_group(int c);
const char *rp_col_short(int c);
const char *rp_col_long(int c);
/* True if column c starts its group (where the group label goes). */
bool rp_col_group_start(int c);
/* The figure of row r in column c: "12", "87.5", "—" (no rate). */
void rp_col_value(const struct report_row *r, int c, char *buf, size_t n);
/* "a.b" from a share: locale-independent, one decimal. */
void rp_fmt_pct(double v, char *buf, size_t n);

/* Draw the views (s-report-view.c) from row y0, height h. */
void rp_draw_table(struct st_report *s, int y0, int h);
void rp_draw_rate(struct st_report *s, int y0, int h);
void rp_draw_weeks(struct st_report *s, int y0, int h);
/* The page of indicators (s-report-ind.c) from row y0, height h, from
 * line s->top; and how many lines it takes at COLS. */
void rp_draw_ind(struct st_report *s, int y0, int h);
size_t rp_ind_rows(const struct st_report *s);
/* Rows of the current view, for scrolling. */
size_t rp_view_rows(const struct st_report *s);
/* The table as plain text, in blocks of columns that fit `width`
 * (malloc'd; NULL when out of memory). */
char *rp_table_text(struct ui *u, const struct st_report *s, int width);

/* s-report-out.c: "report-2026-11-01_2026-11-30" */
void rp_file_stem(const struct st_report *s, char *buf, size_t n);
/* Write the summary as CSV (UTF-8 with BOM) in the reports folder beside
 * the database; the path written goes to path (size n). */
int rp_export_csv(struct ui *u, const struct st_report *s, char *path, size_t n,
    struct mc_err *err);
/* Render the table as text, save it among the slips and print it. */
int rp_print(struct ui *u, const struct st_report *s, char *path, size_t n,
    struct mc_err *err);

#endif

/* report.h — the province's figures (Biểu 06/VPCP/KSTT), the logbook
 * (Mẫu 06) and the officers' day.
 *
 * Definitions for a period [from, to] (whole days, figures as of the end
 * of `to`):
 *   carried_over      received before the period, and at its start neither
 *                     resolved, withdrawn, stopped, refused nor cancelled
 *   received_new      received within it, however it came; of them
 *   received_online   sent online and recorded by an officer (receive
 *                     --channel online; dossier.h's mc_channel)
 *   received_post     sent by post (--channel post); the rest were handed in
 *   resolved_*        result ready within it: early = on a day before the due
 *                     day; on time = on the due day, no later than the due
 *                     time; late = after the due date-time (the due moved by
 *                     pauses, never by an apology)
 *   in_progress_*     carried over or new, and at the end neither resolved,
 *                     withdrawn, stopped, refused nor cancelled; overdue when past its
 *                     due date-time then, else within time
 *   paused            of those in progress, paused at the end
 *   guided            guidance given within it (Mẫu 02; no dossier)
 *   refused           refused at the counter within it (never "received")
 *   withdrawn         withdrawn within it
 *   stopped           its resolution stopped within it (dừng giải quyết:
 *                     received, ended without a result, counted apart)
 *   on_time_rate      (early + on time) / resolved × 100, or none
 *   satisfaction_rate (very satisfied + satisfied) / rated × 100 among the
 *                     dossiers returned within it with a rating, or none
 *                     (the choices marked `pleased` in vocab.c); overall,
 *                     per field, and per officer who recorded the return
 *   digitised         of the dossiers received within it (received_new),
 *                     those whose required documents were all digitised by
 *                     the end of the period (Circular 01/2023/TT-VPCP,
 *                     Decision 766/QĐ-TTg): every document of the dossier's
 *                     list marked required (as the receipt recorded the
 *                     list: the catalog's `required`; an optional or
 *                     conditional document does not count) has at least one
 *                     file (attach.h) kept with that document's number, not
 *                     as the result, at a time before the end of `to`; a
 *                     file of the dossier as a whole covers no document; a
 *                     list with no required document: at least one such
 *                     file, of any document or the whole
 *   digitised_rate    digitised / received_new × 100, or none
 *   results_digitised of the results of the period (resolved_*: the result
 *                     came back within it), those with at least one file
 *                     attached as the result (attach --result) before the
 *                     end of `to`
 *   results_digitised_rate  results_digitised / resolved × 100, or none
 * What each status counts as is the status table's `report` (vocab.h).
 * Identity, per field and in total:
 *   carried_over + received_new = resolved + in_progress + withdrawn + stopped
 * (a dossier refused at the counter counts only as refused; a cancelled
 * one, an entry error, counts nowhere). */
#ifndef MOTCUA_REPORT_H
#define MOTCUA_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"
#include "motcua/vocab.h"

struct report_row {
	char field[256];	/* "" for the total */
	long long carried_over, received_new, received_online, received_post;
	long long resolved_early, resolved_on_time, resolved_late;
	long long in_progress_within, in_progress_overdue;
	long long guided, refused, withdrawn, paused, stopped;
	long long rating[MC_CHOICES_MAX];	/* per choice of the return's rating
					 * (vocab.c), in its order: very
					 * satisfied, satisfied, not satisfied */
	bool has_rate;
	double on_time_rate;	/* 0..100 when has_rate */
	long long rated, pleased;	/* returns with a rating; of them satisfied */
	bool has_satisfaction;
	double satisfaction_rate;	/* 0..100 when has_satisfaction */
	long long digitised;	/* of received_new (above) */
	long long results_digitised;	/* of the resolved */
	bool has_digitised;	/* received_new > 0 */
	double digitised_rate;	/* 0..100 when has_digitised */
	bool has_results_digitised;	/* resolved > 0 */
	double results_digitised_rate;
};

/* The ratings of the returns one officer recorded within the period. */
struct report_officer_rating {
	char officer[64];
	char full_name[256];
	long long rated, pleased;
	double satisfaction_rate;	/* 0..100; rated > 0 always */
};

struct report_summary {
	int from, to;		/* JDNs */
	struct report_row total;
	struct report_row *fields;	/* by field name, Vietnamese order */
	size_t nfields;
	struct report_officer_rating *officers;	/* who returned with a rating,
						 * by username */
	size_t nofficers;
	/* the same figures by deciding body (catalog.h's decided_by; the
	 * unit's name where the catalog named none), in the same order; a
	 * row's `field` holds the body's name */
	struct report_row *bodies;
	size_t nbodies;
};

int report_summary(sqlite3 *db, int from, int to, struct report_summary *out,
    struct mc_err *err);
void report_summary_free(struct report_summary *s);

/* The summary as the JSON contract of `motcua report summary --format
 * json` (malloc'd): {"from","to","total":{…},"fields":[{"field",…},…],
 * "officers":[{"officer","full_name","rated","satisfied",
 * "satisfaction_rate"},…],"bodies":[{"body",…},…]}. */
char *report_summary_json(sqlite3 *db, const struct report_summary *s,
    struct mc_err *err);

/* One row of the logbook (Sổ theo dõi hồ sơ, Mẫu 06). */
struct report_logbook_row {
	long long n;			/* TT: the running number in its book */
	char book[16];			/* the station's book ("01/2026"; logbook.h) */
	char code[64];
	char procedure[512];
	int sets;			/* số lượng hồ sơ (bộ) */
	char applicant[256];
	char contact[512];		/* address, phone */
	char agency[256];		/* cơ quan chủ trì giải quyết */
	char received[17], due[17], transferred[17], result[17], returned[17];
	char note[256];
};
int report_logbook(sqlite3 *db, int from, int to,
    int (*fn)(const struct report_logbook_row *, void *), void *arg, struct mc_err *err);

/* Each officer's day: receipts, returns, fees collected. */
struct report_officer_row {
	char officer[64];
	char full_name[256];
	long long receipts, returns, guided;
	long long fees;			/* VND collected with the receipts */
};
int report_officer(sqlite3 *db, int day,
    int (*fn)(const struct report_officer_row *, void *), void *arg, struct mc_err *err);

/* Receipts per Monday-to-Sunday week of [from, to], the first and last
 * cut to the period (F6's chart): the received_new of each week's
 * summary, in one read of the maintained counts.  *out malloc'd. */
struct report_week {
	int from, to;		/* JDNs */
	long long received;
};
int report_weeks(sqlite3 *db, int from, int to, struct report_week **out, size_t *n,
    struct mc_err *err);

/* The counts the summaries read instead of the dossiers (report-agg.c,
 * table report_agg), kept by the projection: report_agg_apply adds a
 * dossier row's share (sign 1) or takes it away (-1), in the caller's
 * transaction; report_agg_fill recounts them all from the dossier rows;
 * report_agg_check compares them with the rows: *differ keys differ
 * (first: the first of them, "day what"). */
int report_agg_apply(sqlite3 *db, const char *id, int sign, struct mc_err *err);
/* The dossier's share taken away and added again (its files changed:
 * attach_add, the importer), in the caller's transaction. */
int report_agg_refresh(sqlite3 *db, const char *id, struct mc_err *err);
/* Refresh every dossier that has a file (a database from before the
 * digitisation counts, 021): in the caller's transaction. */
int report_agg_refresh_files(sqlite3 *db, struct mc_err *err);
/* The columns of a dossier row the counts read, as report_agg_apply reads
 * them: the days cut to YYYY-MM-DD, NULL where the row holds NULL (field,
 * channel, received, due and status always set; decided_by "" for none);
 * ontime: result_at <= due.  report_agg_add_row adds the share of a row
 * just received (its receive event its only one) from these values, for
 * the receipt, which has them in hand. */
struct report_agg_row {
	const char *field, *decided_by, *channel, *received, *result_at, *closed_at;
	const char *due, *status, *returned_at, *rating, *appointment;
	bool ontime;
};
int report_agg_add_row(sqlite3 *db, const char *id, const struct report_agg_row *row,
    struct mc_err *err);
int report_agg_fill(sqlite3 *db, struct mc_err *err);
int report_agg_check(sqlite3 *db, long long *differ, char *first, size_t nfirst,
    struct mc_err *err);
/* The header's counts as of a day: open dossiers whose clock runs, due
 * that day and overdue (appointment before it), from the same counts. */
int report_agg_due(sqlite3 *db, int as_of, int *today, int *overdue,
    struct mc_err *err);

/* The citizen's rating whose choices report_row.rating counts, in order:
 * the return's enumeration (vocab.h); NULL if the table has none. */
const struct mc_field *report_rating(void);

/* The dossiers received in [from, to] (local days; a cancelled one, an
 * entry error, left out), in receipt order, as a JSON array in the shape
 * of the national public service portal's dossier sync: one object per
 * dossier keyed by the portal's field names (MaHoSo, MaTTHC, …, DonViXuLy)
 * with its progress list QuaTrinhXuLy (NguoiXuLy, ThoiDiemXuLy,
 * NoiDungXuLy; one item per event, in order); times as yyyyMMddHHmmss in
 * Asia/Ho_Chi_Minh.  doc/portal.md gives each field's source and the
 * mapping tables.  malloc'd; NULL with err set (from after to included). */
char *report_portal(sqlite3 *db, int from, int to, struct mc_err *err);

#endif

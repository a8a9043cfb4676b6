/* test_sync.c — bundles through the core API (sync.h): writing one (its
 * header and content hash checked against the format, recomputed here),
 * taking it in at another station (events, dossiers, the sender's
 * vector; twice changes nothing; out of order leaves a gap that the
 * missing bundle fills), exporting only what a peer lacks, one's own
 * bundle back, bad bundles refused with the receiver unchanged (damaged,
 * edited, forged with every hash redone (refused by the signatures),
 * the same signed anew with the sender's own key (refused for not
 * continuing the chains held here)), and a catalog publication there and
 * back.  Each station trusts the ones whose bundles it takes
 * (station_trust: an audit event "trust" in its chain).  The audit events
 * (audit.h: the catalog's import at every station, each export, each
 * import that brings something) are counted among the events, travel
 * with them and make no dossier.  tests/cli/sync.sh and sync-bad.sh do
 * the same from the command line with many more stations and files. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "motcua/audit.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/sync.h"
#include "motcua/trust.h"
#include "station.h"
#include "bundle.h"
#include "tap.h"

/* The clock follows the story (tap_now): the stations are set up at NOW;
 * each receipt and step is recorded at its time (at_receive, at_step);
 * the exports and imports run at the clock as it then stands, after the
 * events they carry (an import refuses an event more than a day after its
 * bundle was made).  A's first bundle is made at EXPORT_NOW, the end of
 * the day of its last result: its "created", the name of an export into
 * a folder, the time B heard from A. */
#define NOW "2026-11-01 09:30"
#define EXPORT_NOW "2026-11-17 17:00"
#define EXPORT_ISO "2026-11-17T17:00:00+07:00"

static sqlite3 *A, *B, *C;
static char idA[MC_UUID_LEN], idB[MC_UUID_LEN], idC[MC_UUID_LEN];

/* ---- importing ----------------------------------------------------------- */

static int
import(sqlite3 *db, const char *path, bool force, struct sync_report *r,
    struct mc_err *err)
{
	int rc;

	err_clear(err);
	rc = sync_import(db, "truong", path, force, r, NULL, NULL, err);
	return rc;
}

/* `path` must be refused at station `db` with a message holding one of
 * the "|"-separated needles and "nothing was changed", and leave every
 * row of the database as it was. */
static void
refused(sqlite3 *db, const char *path, const char *needles, const char *what)
{
	char before[MC_HASH_LEN], after[MC_HASH_LEN], buf[256], *tok, *save;
	long long n0 = digest(db, before), n1;
	struct sync_report r;
	struct mc_err err;
	bool found = false;
	int rc = import(db, path, false, &r, &err);

	snprintf(buf, sizeof buf, "%s", needles);
	for (tok = strtok_r(buf, "|", &save); tok != NULL; tok = strtok_r(NULL, "|", &save))
		found = found || strstr(err.msg, tok) != NULL;
	ok(rc == -1 && err.kind == MC_EINVAL && found &&
	    strstr(err.msg, "nothing was changed") != NULL, "%s: refused (%s)", what, err.msg);
	n1 = digest(db, after);
	ok(n0 == n1 && strcmp(before, after) == 0, "%s: the receiver is unchanged (%lld "
	    "rows)", what, n1);
}

/* The peer entry of `id` as seen by `db`. */
struct peer_find {
	const char *id;
	struct sync_peer p;
	bool found;
};

static int
peer_visit(const struct sync_peer *p, void *arg)
{
	struct peer_find *f = arg;

	if (strcmp(p->id, f->id) == 0) {
		f->p = *p;
		f->p.vector = p->vector != NULL ? strdup(p->vector) : NULL;
		f->found = true;
	}
	return 0;
}

static struct peer_find
peer(sqlite3 *db, const char *id)
{
	struct peer_find f = {.id = id};
	struct mc_err err;

	if (sync_peers(db, peer_visit, &f, &err) != 0)
		bail("sync_peers", err.msg);
	return f;
}

/* station.h's receipt and step, the clock at their time */
static void
at_receive(sqlite3 *db, struct mc_calendar *cal, const char *procedure, const char *when,
    char code[MC_CODE_LEN])
{
	tap_now(when);
	receive(db, cal, procedure, when, code);
}

static void
at_step(sqlite3 *db, struct mc_calendar *cal, const char *code, enum mc_kind_id k,
    const char *when)
{
	tap_now(when);
	step(db, cal, code, k, when, NULL);
}

/* ---- the tests ----------------------------------------------------------- */

/* The vector {A: na, B: nb} as sync_vector writes it: stations in id
 * order. */
static void
vector_ab(char *out, size_t n, long long na, long long nb)
{
	if (strcmp(idA, idB) < 0)
		snprintf(out, n, "{\"%s\":%lld,\"%s\":%lld}", idA, na, idB, nb);
	else
		snprintf(out, n, "{\"%s\":%lld,\"%s\":%lld}", idB, nb, idA, na);
}

static const char *
export(sqlite3 *db, const char *peer_id, const char *name, long long *count)
{
	static char out[4][512];
	static int k;
	struct mc_err err;

	/* name NULL: into the test folder itself */
	k = (k + 1) % 4;
	if (sync_export(db, "lan", peer_id, name != NULL ? test_path(name) : test_dir, out[k],
	    sizeof out[k], count, NULL, NULL, &err) != 0)
		bail(name, err.msg);
	return out[k];
}

/* A's first bundle: its header and content, as sync.h describes them. */
static const char *
test_write(void)
{
	char h[MC_HASH_LEN], *v;
	const char *a1, *in_dir;
	char out[512], want[512];
	long long count = -1;
	struct mc_err err;

	/* station_new imported the sample catalog: A's first event is that
	 * audit event, its five dossier events are 2–6 */
	is_str(kinds_after(A, idA, 0), "catalog_import,receive@,receive@,handover@,result@,"
	    "result@", "A's chain: the catalog's import, then the five dossier events");
	v = sync_vector(A, &err);
	snprintf(want, sizeof want, "{\"%s\":6}", idA);
	is_str(v, want, "A's vector: its five dossier events and the catalog's import");
	a1 = export(A, NULL, "a1.motcua", &count);
	ok(strcmp(a1, test_path("a1.motcua")) == 0 && count == 6, "export everything: six "
	    "events (five dossier events, the catalog's import) to the file named");
	is_str(header(a1, "format"), "motcua-bundle", "header: format");
	is_str(header(a1, "format_version"), "2", "header: format_version");
	is_str(header(a1, "kind"), "events", "header: kind");
	ok(strcmp(header(a1, "sender"), idA) == 0 && strcmp(header(a1, "sender_unit"),
	    UNIT_CODE) == 0 && strcmp(header(a1, "sender_number"), "1") == 0,
	    "header: the sender, its unit and number");
	is_str(header(a1, "created"), EXPORT_ISO, "header: created (the clock)");
	is_str(header(a1, "vector"), v, "header: the sender's vector");
	is_str(header(a1, "count"), "6", "header: count");
	ok(strcmp(header(a1, "version"), "(absent)") == 0 &&
	    strcmp(header(a1, "payload"), "(absent)") == 0, "header: no version or payload");
	content_hash(a1, h);
	is_str(header(a1, "content_sha256"), h, "header: the content hash, recomputed here "
	    "from the format");
	{
		/* every event A held when it wrote the bundle: its export of it
		 * came after (checked below) */
		sqlite3 *b = bundle_open(a1);
		ok(rows_eq(A, events_where("seq <= 6"), b, EVENTS), "the bundle holds A's "
		    "events 1–6, every column");
		sqlite3_close(b);
	}
	ok(scalar(A, "SELECT count(*) FROM event WHERE origin = %Q AND seq = 7 AND kind = "
	    "'export' AND dossier = '' AND officer = 'lan' AND json_extract(body, '$.file') "
	    "= %Q AND json_extract(body, '$.events') = '6'", idA, a1) == 1 &&
	    scalar(A, "SELECT count(*) FROM event") == 7, "the export is A's event 7, an "
	    "audit event: by lan, the file and its six events");
	snprintf(out, sizeof out, "%s-journal", a1);
	snprintf(want, sizeof want, "%s-wal", a1);
	ok(access(out, F_OK) != 0 && access(want, F_OK) != 0 && file_size(a1) % 512 == 0,
	    "one self-contained file: no journal or WAL beside it");
	free(v);

	ok(sync_export(A, "lan", NULL, a1, out, sizeof out, &count, NULL, NULL, &err) == -1 &&
	    err.kind == MC_ECONFLICT, "a file that exists is not overwritten (%s)", err.msg);
	is_str(kinds_after(A, idA, 7), "", "and an export that failed records nothing");
	in_dir = export(A, NULL, NULL, &count);
	snprintf(want, sizeof want, "%s/%s-1-20261117-1700.motcua", test_dir, UNIT_CODE);
	ok(strcmp(in_dir, want) == 0 && file_size(in_dir) > 0, "export into a folder: "
	    "named <unit>-<station>-<date-time>.motcua (%s)", in_dir);
	/* the six and the export of a1; this export is then A's event 8 */
	ok(count == 7 && strcmp(kinds_after(A, idA, 6), "export,export") == 0,
	    "it holds seven events, a1's export with them, and is recorded too");
	return a1;
}

static void
test_bad(const char *good)
{
	long size = file_size(good);
	const char *f;
	struct sync_report r;
	struct mc_err err;

	/* a flipped byte in an event body: one digit of "Người Thứ 2" */
	is_str(header(good, "count"), "6", "(the bundle spoiled below: A's six events)");
	{
		FILE *fp;
		char *buf = malloc((size_t)size), *at = NULL;

		f = copy(good, "flipped.motcua", -1);
		if (buf == NULL || (fp = fopen(f, "r+b")) == NULL ||
		    fread(buf, 1, (size_t)size, fp) != (size_t)size)
			bail("flip", f);
		for (long i = 0; at == NULL && i + 11 < size; i++)
			if (memcmp(buf + i, "Thứ 2", strlen("Thứ 2")) == 0)
				at = buf + i + strlen("Thứ 2") - 1;
		if (at == NULL || fseek(fp, at - buf, SEEK_SET) != 0 || putc(*at ^ 1, fp) == EOF ||
		    fclose(fp) != 0)
			bail("flip", "the name is not in the bundle");
		free(buf);
		refused(C, f, "altered|damaged", "a flipped byte");
	}
	refused(C, copy(good, "half.motcua", size / 2), "cut short|damaged", "cut at half");
	refused(C, copy(good, "cut.motcua", size - 700), "cut short", "cut to a length that is "
	    "not a whole number of sectors");

	/* event 2: the first receipt (event 1 is the catalog's import) */
	f = copy(good, "edited.motcua", -1);
	bundle_exec(f, "UPDATE event SET body = json_set(body, '$.applicant.name', "
	    "'Kẻ Giả Mạo') WHERE seq = 2");
	refused(C, f, "altered (its hash does not match)", "an edited event");

	f = copy(good, "rehashed.motcua", -1);
	bundle_exec(f, "UPDATE event SET body = json_set(body, '$.applicant.name', "
	    "'Kẻ Giả Mạo') WHERE seq = 2");
	rehash_event(f, 2);
	rehash_content(f);
	refused(C, f, "event 2 of station|is not signed by that station's key (forged or "
	    "edited)", "an edited event, its hash and the content hash redone");
	f = copy(f, "rehashed-signed.motcua", -1);
	resign(f, A);
	refused(C, f, "chain of events is broken", "the same, signed anew with A's own key");

	f = copy(good, "deleted.motcua", -1);
	bundle_exec(f, "DELETE FROM event WHERE seq = 3; UPDATE bundle SET value = '5' "
	    "WHERE key = 'count'");
	rehash_content(f);
	refused(C, f, "missing from the middle", "an event taken out, count and content hash "
	    "redone");

	f = copy(good, "count.motcua", -1);
	/* one more than the six it holds */
	bundle_exec(f, "UPDATE bundle SET value = '7' WHERE key = 'count'");
	rehash_content(f);
	refused(C, f, "number of events its header says", "a count that lies");

	f = copy(good, "checksum.motcua", -1);
	bundle_exec(f, "UPDATE bundle SET value = '" E64 "' WHERE key = 'content_sha256'");
	refused(C, f, "does not match its checksum", "a wrong content hash");

	f = copy(good, "sender.motcua", -1);
	/* (a value the import's rules take: another unit is refused as such) */
	bundle_exec(f, "UPDATE bundle SET value = '2026-11-30T18:00:00+07:00' WHERE key = "
	    "'created'");
	refused(C, f, "does not match its checksum", "an edited header value");

	f = copy(good, "version.motcua", -1);
	bundle_exec(f, "UPDATE bundle SET value = '3' WHERE key = 'format_version'");
	refused(C, f, "another version of motcua", "format version 3");
	f = copy(good, "version1.motcua", -1);
	bundle_exec(f, "UPDATE bundle SET value = '1' WHERE key = 'format_version'");
	refused(C, f, "from before signed bundles", "format version 1 (unsigned events)");

	/* the signatures: one of an event, the bundle's, the sender's key */
	f = copy(good, "event-sig.motcua", -1);
	bundle_exec(f, "UPDATE event SET sig = (SELECT sig FROM event WHERE seq = 3) "
	    "WHERE seq = 2");
	refused(C, f, "event 2 of station", "an event with another event's signature");
	f = copy(good, "bundle-sig.motcua", -1);
	bundle_exec(f, "UPDATE bundle SET value = substr(value, 1, 127) || CASE WHEN "
	    "substr(value, 128) = '0' THEN '1' ELSE '0' END WHERE key = 'signature'");
	refused(C, f, "not signed by its sender's key (forged or edited)", "a bent bundle "
	    "signature");

	ok(import(C, test_path("none.motcua"), false, &r, &err) == -1 &&
	    err.kind == MC_ENOTFOUND, "a missing file (%s)", err.msg);
}

static void
test_import(const char *a1)
{
	char before[MC_HASH_LEN], after[MC_HASH_LEN], want[128], *v;
	struct sync_report r;
	struct mc_err err;
	struct peer_find f;

	digest(B, before);
	ok(import(B, a1, false, &r, &err) == 0, "B imports A's bundle (%s)", err.msg);
	digest(B, after);
	ok(strcmp(before, after) != 0, "(the digest of every row sees the import)");
	ok(strcmp(r.kind, "events") == 0 && strcmp(r.sender, idA) == 0,
	    "report: an events bundle from A");
	/* A's five dossier events and its catalog's import */
	ok(r.events_new == 6 && r.events_known == 0 && r.stations == 1 && r.gaps == 0,
	    "report: six new events of one station, no gap");
	/* the catalog's import is an audit event: no dossier */
	ok(r.dossiers_new == 2 && r.dossiers_touched == 2, "report: two new dossiers");
	/* every event at B: A's six as A holds them (A's 7 and 8, its exports,
	 * came after a1), and B's own two */
	ok(rows_eq(B, events_where("origin = %Q", idA), A, events_where("seq <= 6")),
	    "B holds A's events 1–6, every column");
	is_str(kinds_after(B, idB, 0), "catalog_import,trust,import", "B's own events: its "
	    "catalog's import, its trust of A's key and its import of a1, all audit events");
	ok(scalar(B, "SELECT count(*) FROM event") == 9 && scalar(B, "SELECT count(*) "
	    "FROM event WHERE origin = %Q AND seq = 3 AND officer = 'truong' AND "
	    "json_extract(body, '$.file') = %Q AND json_extract(body, '$.events') = '6' AND "
	    "json_extract(body, '$.sender') = %Q", idB, a1, idA) == 1, "and no other: the "
	    "import's record names truong, the file, its six events and A");
	ok(same_rows(A, B, DOSSIERS), "B's dossier rows are A's, every column");
	ok(no_audit_dossier(B) && scalar(B, "SELECT count(*) FROM dossier") == 2,
	    "no dossier row for the audit events: B has A's two dossiers, none with id ''");
	ok(same_rows(A, B, WORDS), "and so is its name index");
	is_int(event_verify(B, &err), 0, "B's log verifies");

	snprintf(want, sizeof want, "{\"%s\":6}", idA);
	f = peer(B, idA);
	ok(f.found && !f.p.self && f.p.number == 1 && strcmp(f.p.unit, UNIT_CODE) == 0 &&
	    f.p.events == 6, "B knows station A: its unit, number 1, six of its events");
	ok(f.found && f.p.vector != NULL && strcmp(f.p.vector, want) == 0 &&
	    strcmp(f.p.heard, EXPORT_ISO) == 0, "B remembers what A holds (%s) and when it "
	    "heard from it", f.p.vector ? f.p.vector : "none");
	free(f.p.vector);
	/* A's six and B's own three */
	vector_ab(want, sizeof want, 6, 3);
	v = sync_vector(B, &err);
	is_str(v, want, "B's own vector now counts A's events");
	free(v);

	digest(B, before);
	ok(import(B, a1, false, &r, &err) == 0 && r.events_new == 0 && r.events_known == 6 &&
	    r.dossiers_new == 0 && r.dossiers_touched == 0 && r.stations == 0,
	    "the same bundle again: nothing new, six known");
	is_str(kinds_after(B, idB, 3), "", "an import that brings nothing new records no "
	    "event");
	digest(B, after);
	is_str(after, before, "and not a row changed");

	/* an event B holds, its hash the same but its signature another's: an
	 * import skips re-checking only the very event held, signature and
	 * all, so this one is checked, and refused midway (after events 1–5
	 * were read), leaving B as it was */
	{
		const char *fk = copy(a1, "held-badsig.motcua", -1);

		bundle_exec(fk, "UPDATE event SET sig = (SELECT sig FROM event WHERE seq = 5) "
		    "WHERE seq = 6");
		refused(B, fk, "event 6 of station|not signed by that station's key",
		    "an event held here with another signature");
	}
	/* and the same bundle a third time: still nothing new */
	digest(B, before);
	ok(import(B, a1, false, &r, &err) == 0 && r.events_new == 0 && r.events_known == 6,
	    "the same bundle a third time: nothing new");
	digest(B, after);
	is_str(after, before, "and still not a row changed");
}

/* Export for a peer: only what the peer's last bundle did not hold. */
static void
test_for_peer(struct mc_calendar *calB)
{
	char d3[MC_CODE_LEN], want[128];
	const char *b1;
	struct sync_report r;
	struct mc_err err;
	struct peer_find f;
	long long n = -1, n2 = -1, n3 = -1;

	/* the next morning, after B took a1 (EXPORT_NOW) */
	at_receive(B, calB, "1.001193", "2026-11-18 08:00", d3);
	b1 = export(B, idA, "b1.motcua", &n);
	/* B's catalog import, its trust of A, its import of a1, the receipt */
	is_int(n, 4, "B's export for A: only B's own four events (A holds its six)");
	{
		sqlite3 *b = bundle_open(b1);
		/* (B's 5 is this export) */
		ok(rows_eq(B, events_where("origin = %Q AND seq <= 4", idB), b, EVENTS),
		    "they are B's events 1–4, every column");
		sqlite3_close(b);
	}
	/* each export is B's next event, in the export after it */
	(void)export(B, "1", "b1-number.motcua", &n2);
	(void)export(B, "zzzz", "b1-unknown.motcua", &n3);
	ok(n2 == 5 && n3 == 12, "a peer named by its number: the same four and b1's export; "
	    "a station never heard from: everything (A's six, B's six)");
	station_trust(A, B);
	ok(import(A, b1, false, &r, &err) == 0 && r.events_new == 4 && r.dossiers_new == 1 &&
	    r.dossiers_touched == 1 && r.events_known == 0, "A takes B's four events and "
	    "the one dossier among them (%s)", err.msg);
	ok(no_audit_dossier(A) && scalar(A, "SELECT count(*) FROM dossier") == 3,
	    "A's dossiers: its two and B's one, none for B's audit events");
	is_str(kinds_after(A, idA, 8), "trust,import", "A records its trust of B's key and "
	    "the import (its events 9 and 10)");
	f = peer(A, idB);
	vector_ab(want, sizeof want, 6, 4);
	ok(f.found && f.p.vector != NULL && strcmp(f.p.vector, want) == 0,
	    "A remembers B holds A's six and its own four: %s", f.p.vector ? f.p.vector : "");
	free(f.p.vector);
}

/* What audit_list shows of one station's audit events: "seq kind
 * officer" of each, newest first as the list gives them. */
struct audit_seen {
	const char *origin;
	char item[16][128];
	int n;
};

static int
audit_visit(const struct audit_item *it, void *arg)
{
	struct audit_seen *s = arg;

	if (strcmp(it->origin, s->origin) != 0)
		return 0;
	if (s->n == 16)
		return 1;	/* more than the test made: audit_list says so */
	snprintf(s->item[s->n++], sizeof s->item[0], "%lld %s %s", it->seq, it->kind,
	    it->officer);
	return 0;
}

/* Those items oldest first, joined by ";". */
static const char *
audit_seen_text(const struct audit_seen *s)
{
	static char buf[1024];
	size_t len = 0;

	buf[0] = '\0';
	for (int i = s->n - 1; i >= 0 && len < sizeof buf; i--)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", s->item[i],
		    i > 0 ? ";" : "");
	return buf;
}

/* A later bundle before the one it follows: a gap, then filled. */
static void
test_gap(const char *a1, struct mc_calendar *calA, const char *d1, const char *d2)
{
	char sql[256];
	const char *a2, *both;
	struct sync_report r;
	struct mc_err err;
	struct audit_seen seen = {.origin = idA};
	long long n = -1;

	at_step(A, calA, d1, MC_KIND_RETURN, "2026-11-18 09:00");
	at_step(A, calA, d2, MC_KIND_RETURN, "2026-11-18 09:10");
	a2 = export(A, idB, "a2.motcua", &n);
	/* B was told A's 1–6: since then A exported twice (a1, into the
	 * folder), trusted B, imported b1 and recorded the two returns */
	is_int(n, 6, "A's export for B: its six new events only");
	is_str(kinds_after(A, idA, 6), "export,export,trust,import,return@,return@,export",
	    "they are A's audit events 7–10 and the two returns (13: this export)");
	{
		sqlite3 *b = bundle_open(a2);
		ok(rows_eq(A, events_where("origin = %Q AND seq BETWEEN 7 AND 12", idA), b,
		    EVENTS), "the bundle holds A's events 7–12, every column");
		sqlite3_close(b);
	}

	ok(import(C, a2, false, &r, &err) == 0 && r.events_new == 6 && r.gaps == 1 &&
	    r.dossiers_new == 0, "C takes the later bundle first: six events, a gap, no "
	    "dossier yet (%s)", err.msg);
	is_int(event_verify(C, &err), 0, "C's log verifies across the gap");
	/* A's five dossier events and its catalog's import */
	ok(import(C, a1, false, &r, &err) == 0 && r.events_new == 6 && r.gaps == 0 &&
	    r.dossiers_new == 2, "then the first bundle: six events, the gap filled, two "
	    "dossiers");
	snprintf(sql, sizeof sql, "SELECT * FROM dossier WHERE station = '%s' ORDER BY id", idA);
	ok(same_rows(A, C, sql), "C's rows of A's dossiers are A's (returned, every column)");
	ok(no_audit_dossier(C) && scalar(C, "SELECT count(*) FROM dossier") == 2,
	    "C has those two dossiers and none for the audit events");
	ok(import(B, a2, false, &r, &err) == 0 && r.events_new == 6 && r.events_known == 0 &&
	    r.gaps == 0 && r.dossiers_touched == 2, "B takes the six new events (two of "
	    "them touch dossiers)");
	/* every event the two hold in common, compared: all but A's 13 (the
	 * export of a2) and B's own since b1 (its three exports, its import
	 * of a2), which are checked by kind */
	both = events_where("NOT (origin = %Q AND seq > 12) AND NOT (origin = %Q AND "
	    "seq > 4)", idA, idB);
	ok(same_rows(A, B, both) && scalar(A, "SELECT count(*) FROM event") == 17 &&
	    scalar(B, "SELECT count(*) FROM event") == 20, "A and B hold the same events "
	    "(every one either holds, but their records since)");
	ok(strcmp(kinds_after(A, idA, 12), "export") == 0 &&
	    strcmp(kinds_after(A, idB, 4), "") == 0 &&
	    strcmp(kinds_after(B, idA, 12), "") == 0 &&
	    strcmp(kinds_after(B, idB, 4), "export,export,export,import") == 0,
	    "what only one holds: A its export of a2, B its three exports and its import");
	ok(same_rows(A, B, DOSSIERS), "and the same dossier rows");

	/* the audit events travel: B holds A's, as A holds them */
	ok(rows_eq(B, events_where("origin = %Q AND dossier = ''", idA), A,
	    events_where("origin = %Q AND dossier = '' AND seq <= 12", idA)) &&
	    scalar(B, "SELECT count(*) FROM event WHERE origin = %Q AND dossier = ''",
	    idA) == 5, "B holds A's five audit events: the catalog's import, two exports, "
	    "the trust of B, the import of b1");
	ok(audit_list(B, NULL, audit_visit, &seen, &err) == 0, "B's audit list (%s)",
	    seen.n == 16 ? "too long" : "read");
	is_str(audit_seen_text(&seen), "1 catalog_import truong;7 export lan;8 export lan;9 trust truong;"
	    "10 import truong",
	    "B's audit list shows them as A's, by their officers");
	ok(no_audit_dossier(B), "still no dossier row with id '' at B");
}

/* One's own bundle back, and a bundle that forks a chain held here. */
static void
test_own_and_fork(const char *a1)
{
	char before[MC_HASH_LEN], after[MC_HASH_LEN];
	struct sync_report r;
	struct mc_err err;
	struct peer_find f;
	const char *fk;

	digest(A, before);
	ok(import(A, a1, false, &r, &err) == 0 && r.events_new == 0 && r.events_known == 6,
	    "A's own bundle back: nothing new, its six known");
	is_str(kinds_after(A, idA, 13), "", "no import recorded");
	digest(A, after);
	is_str(after, before, "and not a row changed");
	f = peer(A, idA);
	ok(f.found && f.p.self && f.p.vector == NULL, "A is not its own peer");

	/* the last event of the bundle edited and every hash redone: sound on
	 * its own, but B holds the original */
	fk = copy(a1, "fork.motcua", -1);
	bundle_exec(fk, "UPDATE event SET body = json_set(body, '$.outcome', 'refused') "
	    "WHERE seq = 6");
	rehash_event(fk, 6);
	rehash_content(fk);
	refused(B, fk, "event 6 of station|not signed by that station's key", "an event that "
	    "differs from the one held, forged");

	/* signed with A's own key: A (or a copy of its database) signed two
	 * different events 6, a clone; the import is refused but the alarm
	 * is kept (B takes nothing of A's from now on) */
	fk = copy(fk, "fork-signed.motcua", -1);
	resign(fk, A);
	{
		long long n0 = scalar(B, "SELECT count(*) FROM event");
		int rc = import(B, fk, false, &r, &err);

		ok(rc == -1 && err.kind == MC_EINVAL && strstr(err.msg, "has signed two "
		    "different events number 6") != NULL && strstr(err.msg, "cloned station") !=
		    NULL, "the same, signed anew with A's own key: a cloned station (%s)",
		    err.msg);
		ok(scalar(B, "SELECT count(*) FROM event") == n0 && scalar(B, "SELECT count(*) "
		    "FROM clone_alarm WHERE origin = %Q AND seq = 6", idA) == 1 &&
		    trust_alarms(B, &err) == 1, "no event taken; the clone alarm kept, of A's "
		    "event 6");
	}
}

/* Chains that a bundle must continue: its first event links to the last
 * one held here, and its last event is the one the next held event
 * links to.  D holds A's 1–6, E holds A's 7–12 (a gap before them). */
static void
test_links(const char *a1)
{
	char a2[512], sql[160];
	struct sync_report r;
	struct mc_err err;
	const char *f;
	sqlite3 *D = station_new("d.db", 4), *E = station_new("e.db", 5);

	station_trust(D, A);
	station_trust(E, A);

	snprintf(a2, sizeof a2, "%s", test_path("a2.motcua"));
	ok(import(D, a1, false, &r, &err) == 0 && import(E, a2, false, &r, &err) == 0 &&
	    r.events_new == 6 && r.gaps == 1, "D takes A's events 1–6, E only 7–12");

	/* event 7 made to link elsewhere, every hash after it redone */
	f = copy(a2, "relinked.motcua", -1);
	bundle_exec(f, "UPDATE event SET prev = '" E64 "' WHERE seq = 7");
	rehash_event(f, 7);
	for (int seq = 8; seq <= 12; seq++) {
		snprintf(sql, sizeof sql, "UPDATE event SET prev = (SELECT hash FROM event "
		    "WHERE seq = %d) WHERE seq = %d", seq - 1, seq);
		bundle_exec(f, sql);
		rehash_event(f, seq);
	}
	rehash_content(f);
	refused(D, f, "event 7 of station|not signed by that station's key", "a first event "
	    "that does not link to the last one held, forged");
	f = copy(f, "relinked-signed.motcua", -1);
	resign(f, A);
	refused(D, f, "do not follow the ones held here", "the same, signed anew with A's own "
	    "key");

	/* event 6 edited, its hash redone: E's event 7 does not link to it */
	f = copy(a1, "last-edited.motcua", -1);
	bundle_exec(f, "UPDATE event SET body = json_set(body, '$.outcome', 'refused') "
	    "WHERE seq = 6");
	rehash_event(f, 6);
	rehash_content(f);
	refused(E, f, "event 6 of station|not signed by that station's key", "a last event "
	    "that the next one held does not link to, forged");
	f = copy(f, "last-edited-signed.motcua", -1);
	resign(f, A);
	refused(E, f, "do not fit the ones held here", "the same, signed anew with A's own key");
	db_close(D);
	db_close(E);
}

static char *
catalog_payload(long long version, long long fee)
{
	sqlite3_stmt *st;
	char *p = NULL;

	if (sqlite3_prepare_v2(A, "SELECT json_set(?1, '$.version', ?2, "
	    "'$.procedures[0].fee', ?3)", -1, &st, NULL) != SQLITE_OK)
		bail("payload", sqlite3_errmsg(A));
	sqlite3_bind_text(st, 1, catalog_sample_json, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_int64(st, 3, fee);
	if (sqlite3_step(st) == SQLITE_ROW)
		p = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (p == NULL)
		bail("payload", "none");
	return p;
}

static long long
fee_at(sqlite3 *db, const char *code)
{
	struct mc_procedure p;
	struct mc_err err;
	long long fee;

	if (catalog_get(db, code, &p, &err) != 0)
		bail(code, err.msg);
	fee = p.fee;
	catalog_procedure_free(&p);
	return fee;
}

/* A catalog publication from A to C, a newer one, an older one, forced. */
static void
test_publish(void)
{
	char *v5 = catalog_payload(5, 1234), *v3 = catalog_payload(3, 999), *evs, *evs2;
	char out[512], h[MC_HASH_LEN], held[32], before[MC_HASH_LEN], after[MC_HASH_LEN];
	const char *p5 = test_path("catalog-5.motcua"), *p3 = test_path("catalog-3.motcua");
	struct sync_report r;
	struct mc_err err;

	ok(sync_publish(A, "catalog", 5, v5, p5, out, sizeof out, &err) == 0 &&
	    strcmp(out, p5) == 0, "publish catalog version 5 (%s)", err.msg);
	ok(strcmp(header(p5, "kind"), "catalog") == 0 && strcmp(header(p5, "version"), "5")
	    == 0 && strcmp(header(p5, "count"), "0") == 0 && strcmp(header(p5, "vector"),
	    "{}") == 0 && strcmp(header(p5, "sender"), idA) == 0, "its header: a catalog, "
	    "version 5, no events");
	{
		sqlite3 *b = bundle_open(p5);
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(b, "SELECT value = ?1 FROM bundle WHERE key = 'payload'",
		    -1, &st, NULL) != SQLITE_OK)
			bail(p5, sqlite3_errmsg(b));
		sqlite3_bind_text(st, 1, v5, -1, SQLITE_STATIC);
		ok(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1,
		    "it carries the payload as given");
		sqlite3_finalize(st);
		sqlite3_close(b);
	}
	content_hash(p5, h);
	is_str(header(p5, "content_sha256"), h, "its content hash, recomputed here");

	evs = rows(C, EVENTS);
	/* C's own: its catalog's import, its trust of A, its imports of a2
	 * and a1 */
	is_int(scalar(C, "SELECT max(seq) FROM event WHERE origin = %Q", idC), 4,
	    "(C's own events before: four)");
	ok(import(C, p5, false, &r, &err) == 0 && strcmp(r.kind, "catalog") == 0 &&
	    r.version == 5 && r.events_new == 0, "C imports it (%s)", err.msg);
	ok(db_meta_get(C, "catalog_version", held, sizeof held) == 0 &&
	    strcmp(held, "5") == 0 && fee_at(C, "1.001193") == 1234,
	    "C now holds catalog version 5, the changed fee with it");
	/* a publication carries no events; C records, as its own audit
	 * events, the catalog's import and the bundle's */
	evs2 = rows(C, events_where("NOT (origin = %Q AND seq > 4)", idC));
	ok(strcmp(evs, evs2) == 0, "and the events it held are untouched");
	is_str(kinds_after(C, idC, 4), "catalog_import,import", "its only new events: its "
	    "own records of the catalog's import and of the bundle's");
	ok(no_audit_dossier(C), "and no dossier row for them");
	sqlite3_free(evs);
	sqlite3_free(evs2);

	{
		const char *f = copy(p5, "catalog-edited.motcua", -1);
		bundle_exec(f, "UPDATE bundle SET value = json_set(value, "
		    "'$.procedures[0].fee', 1) WHERE key = 'payload'");
		refused(C, f, "does not match its checksum", "an edited publication");
	}

	ok(sync_publish(A, "catalog", 3, v3, p3, out, sizeof out, &err) == 0,
	    "publish an older catalog, version 3");
	digest(C, before);
	ok(import(C, p3, false, &r, &err) == -1 && err.kind == MC_ECONFLICT &&
	    strstr(err.msg, "older") != NULL, "an older publication is refused (%s)", err.msg);
	digest(C, after);
	is_str(after, before, "and changes nothing");
	ok(import(C, p3, true, &r, &err) == 0 && r.version == 3 &&
	    db_meta_get(C, "catalog_version", held, sizeof held) == 0 &&
	    strcmp(held, "3") == 0 && fee_at(C, "1.001193") == 999,
	    "forced, it is applied: version 3 and its fee (%s)", err.msg);

	ok(sync_publish(A, "events", 5, v5, test_path("x.motcua"), out, sizeof out, &err)
	    == -1 && err.kind == MC_EINVAL, "a publication is a catalog or a calendar");
	ok(sync_publish(A, "catalog", 0, v5, test_path("x.motcua"), out, sizeof out, &err)
	    == -1 && err.kind == MC_EINVAL, "a publication needs a version of 1 or more");
	free(v5);
	free(v3);
}

int
main(void)
{
	struct mc_calendar *calA, *calB;
	struct mc_err err;
	char d1[MC_CODE_LEN], d2[MC_CODE_LEN], a1[512];

	tap_now(NOW);
	test_dir_make("sync");
	A = station_new("a.db", 1);
	B = station_new("b.db", 2);
	C = station_new("c.db", 3);
	station_id(A, idA);
	station_id(B, idB);
	station_id(C, idC);
	/* B and C take A's bundles (A trusts B when it first takes one of
	 * its bundles, test_for_peer) */
	station_trust(B, A);
	station_trust(C, A);
	if (calendar_open(A, &calA, &err) || calendar_open(B, &calB, &err))
		bail("calendar", err.msg);
	/* five events at A: two receipts, a handover, two results */
	at_receive(A, calA, "1.001022", "2026-11-16 09:00", d1);
	at_receive(A, calA, "1.001193", "2026-11-16 09:10", d2);
	at_step(A, calA, d1, MC_KIND_HANDOVER, "2026-11-16 10:00");
	at_step(A, calA, d2, MC_KIND_RESULT, "2026-11-16 11:00");
	at_step(A, calA, d1, MC_KIND_RESULT, "2026-11-17 10:00");
	/* A's first bundle, at the end of that day */
	tap_now(EXPORT_NOW);

	/* kept here: export() hands back one of a few rotating buffers */
	snprintf(a1, sizeof a1, "%s", test_write());
	test_bad(a1);
	test_import(a1);
	test_for_peer(calB);
	test_gap(a1, calA, d1, d2);
	test_own_and_fork(a1);
	test_links(a1);
	test_publish();

	calendar_close(calA);
	calendar_close(calB);
	db_close(A);
	db_close(B);
	db_close(C);
	test_dir_remove();
	return tap_done();
}

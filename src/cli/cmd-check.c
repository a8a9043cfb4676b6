/* cmd-check.c — motcua check [--rebuild]: is the store sound (and the
 * files kept with the dossiers)?  Checking
 * only reads; --rebuild rewrites the dossier table, so it is done by an
 * officer who proves who they are (--password-file or the terminal). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/attach.h"
#include "motcua/check.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/report.h"

/* What the checks found, by what it asks the officer to do. */
struct tally {
	long long log;		/* the log or the codes were tampered with */
	long long dossiers;	/* dossier rows differ from their events */
	long long files;	/* files kept with dossiers missing or altered */
};

/* One problem SQLite's integrity check found. */
static int
integrity_problem(const char *problem, void *arg)
{
	(void)arg;
	printf(_("integrity: %s\n"), problem);
	return 0;
}

/* "station 2" (of another unit: "station 1 of 000.00.00.T01"), or its id when the station table does not know it. */
static void
station_name(const struct check_finding *f, char *buf, size_t n)
{
	if (f->number > 0 && f->unit != NULL)
		snprintf(buf, n, _("station %d of %s"), f->number, f->unit);
	else if (f->number > 0)
		snprintf(buf, n, _("station %d"), f->number);
	else
		snprintf(buf, n, _("station %s"), f->station);
}

/* "event 4" or "events 4 to 6". */
static void
events_range(const struct check_finding *f, char *buf, size_t n)
{
	if (f->first == f->last)
		snprintf(buf, n, _("event %lld"), f->first);
	else
		snprintf(buf, n, _("events %lld to %lld"), f->first, f->last);
}

/* One finding of the log, dossier and code checks, on a line of its own. */
static int
finding(const struct check_finding *f, void *arg)
{
	struct tally *t = arg;
	char st[64], ev[64];

	station_name(f, st, sizeof st);
	events_range(f, ev, sizeof ev);
	switch (f->kind) {
	case CHECK_EDITED:
		printf(_("events: %s of %s was edited: its content does not match its "
		    "hash\n"), ev, st);
		break;
	case CHECK_LINK:
		printf(_("events: %s of %s does not follow the event before it: the chain "
		    "was reordered or re-chained\n"), ev, st);
		break;
	case CHECK_OWN_GAP:
		printf(_("events: this station's own chain (%s) lacks %s: deleted from the "
		    "log\n"), st, ev);
		break;
	case CHECK_OWN_TAIL:
		printf(_("events: this station's own chain (%s) ends before %s, which it "
		    "recorded: deleted from the log\n"), st, ev);
		break;
	case CHECK_PEER_GAP:
		printf(_("events: the chain of %s lacks %s: not yet received, no problem "
		    "(the next bundle from it brings what is missing)\n"), st, ev);
		break;
	case CHECK_DOSSIER_CHANGED:
		printf(_("dossiers: %s differs from its events\n"), f->code);
		break;
	case CHECK_DOSSIER_MISSING:
		printf(_("dossiers: %s is made by its events but missing from the table\n"),
		    f->code);
		break;
	case CHECK_DOSSIER_EXTRA:
		printf(_("dossiers: %s is in the table but no event makes it\n"), f->code);
		break;
	case CHECK_CODE_MISSING:
		printf(_("codes: %s was issued but no dossier holds it: its receipt was "
		    "deleted\n"), f->code);
		break;
	case CHECK_SIGNATURE:
		printf(_("signatures: %s of %s is not signed by that station's key: forged "
		    "or edited\n"), ev, st);
		break;
	case CHECK_USES:
		printf(_("dossiers: the use count of procedure %s at %s is %lld, its "
		    "dossiers %lld\n"), f->code, f->station, f->first, f->last);
		break;
	case CHECK_UNSIGNED:
		printf(_("signatures: %s of this station's own chain (%s) carries no "
		    "signature, and this station signs all it records: it was put in the "
		    "log by hand\n"), ev, st);
		break;
	}
	if (check_is_problem(f->kind)) {
		if ((f->kind >= CHECK_DOSSIER_CHANGED && f->kind <= CHECK_DOSSIER_EXTRA) ||
		    f->kind == CHECK_USES)
			t->dossiers++;
		else
			t->log++;
	}
	return 0;
}

/* One file kept with a dossier that is missing or altered. */
static int
file_problem(const struct attach_finding *f, void *arg)
{
	struct tally *t = arg;
	char doc[320];

	if (f->document > 0)
		snprintf(doc, sizeof doc, _("document %d (%s)"), f->document,
		    f->doc_name != NULL ? f->doc_name : "");
	else
		snprintf(doc, sizeof doc, "%s", _("the dossier as a whole"));
	if (f->problem == ATTACH_MISSING)
		printf(_("files: file %d of %s, %s, is missing (%s)\n"), f->number, f->code,
		    doc, f->path != NULL ? f->path : f->sha256);
	else
		printf(_("files: file %d of %s, %s, has been altered: its content is not "
		    "what its event recorded (%s)\n"), f->number, f->code, doc,
		    f->path != NULL ? f->path : f->sha256);
	t->files++;
	return 0;
}

static int
run(struct cli_ctx *ctx, const struct cli_args *a)
{
	bool rebuild = cli_has(a, "rebuild");
	struct tally t = { 0, 0, 0 };
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;
	long long bad, total, differ, found, logged, counts, after, nfiles;
	char first[64];
	struct check_sigs sigs;
	int problems = 0;

	if (!rebuild && cli_has(a, "password-file")) {
		cli_error(_("--password-file goes with --rebuild: checking alone needs no "
		    "password"));
		return EXIT_USAGE;
	}
	if ((db = cli_db(ctx)) == NULL || (rebuild && cli_login(ctx, a, db, &me)))
		return 1;

	/* SQLite's own check of every page and index */
	if ((found = check_integrity(db, integrity_problem, NULL, &err)) < 0)
		return cli_fail(&err);
	if (found > 0)
		problems++;
	else
		printf("%s\n", _("integrity: ok"));

	/* every chain, event by event, then the day's codes */
	if (check_events(db, &total, &bad, &err) != 0 ||
	    check_log(db, finding, &t, &err) < 0 || check_codes(db, finding, &t, &err) < 0)
		return cli_fail(&err);
	if (bad > 0)
		printf(_("events: %lld fail their hash or chain check\n"), bad);
	else if (t.log == 0)
		printf(_("events: %lld, every hash and chain link is sound\n"), total);

	/* every signature against its station's key */
	logged = t.log;
	if (check_signatures(db, finding, &t, &sigs, &err) < 0)
		return cli_fail(&err);
	if (t.log == logged) {
		printf(_("signatures: %lld events signed by their stations' keys, every one "
		    "sound\n"), sigs.good);
		if (sigs.unsigned_ > 0)
			printf(_("signatures: %lld events of other stations held from before "
			    "signed sync carry none yet (their next bundle brings them)\n"),
			    sigs.unsigned_);
		if (sigs.unknown > 0)
			printf(_("signatures: %lld events of stations whose key is not trusted "
			    "here are not checked\n"), sigs.unknown);
	}

	/* the counts the reports read, against the dossier rows */
	if (report_agg_check(db, &counts, first, sizeof first, &err) != 0)
		return cli_fail(&err);
	if (rebuild) {
		/* the files' list is a projection of the events too; first,
		 * for the rows' report counts read it */
		if (attach_rebuild(db, me.username, &err) != 0 ||
		    dossier_rebuild(db, me.username, &total, &differ, &err) != 0)
			return cli_fail(&err);
		/* the rebuild recounted them from the new rows: compare again */
		if (report_agg_check(db, &after, first, sizeof first, &err) != 0)
			return cli_fail(&err);
		if (after != 0) {
			printf(_("report counts: %lld still differ after the rebuild (the "
			    "first: %s)\n"), after, first);
			return cli_error(_("the report counts cannot be rebuilt: ask for help"));
		}
		if (counts == 0)
			printf("%s\n", _("report counts: rebuilt from the dossiers, identical"));
		else {
			printf(_("report counts: rebuilt from the dossiers; %lld differed and "
			    "now follow them\n"), counts);
			if (problems == 0 && t.log == 0 && differ == 0)
				return cli_error(_("the report counts did not match the dossiers "
				    "and have been recounted: run 'motcua check' again to "
				    "confirm"));
		}
		if (differ == 0) {
			printf(_("dossiers: %lld rebuilt from events, identical\n"), total);
		} else {
			printf(_("dossiers: %lld rebuilt from events; %lld differed from their "
			    "events and now follow them\n"), total, differ);
			if (problems == 0 && t.log == 0)
				return cli_error(_("the dossier table did not match the events "
				    "and has been repaired from them: run 'motcua check' again "
				    "to confirm"));
		}
	} else {
		/* every row against a fresh projection of its events */
		if (check_dossiers(db, finding, &t, &err) < 0) {
			/* events put in by hand may make no history at all
			 * (two receipts of one dossier): the log's findings
			 * above say why, and what to do is theirs */
			if (t.log == 0)
				return cli_fail(&err);
			printf(_("dossiers: not compared, the events above make no valid "
			    "history (%s)\n"), err.msg);
		} else if (t.dossiers == 0)
			printf("%s\n", _("dossiers: every row is as its events make it"));
		if (counts == 0)
			printf("%s\n", _("report counts: every one is as the dossiers give it"));
		else {
			printf(_("report counts: %lld differ from what the dossiers give (the "
			    "first: %s)\n"), counts, first);
			t.dossiers++;
		}
	}
	/* every file the events name, against the store beside the database */
	if (check_files(db, file_problem, &t, &nfiles, &err) < 0)
		return cli_fail(&err);
	if (t.files == 0 && nfiles > 0)
		printf(_("files: %lld kept with the dossiers, each as its event recorded\n"),
		    nfiles);
	if (t.log > 0)
		return cli_error(_("the event log has been tampered with (see above): record "
		    "nothing more on this PC and ask the supervisor to restore the database "
		    "from its last sound backup"));
	if (problems > 0)
		return cli_error(_("the database has problems (see above): restore it from "
		    "a backup, or ask for help"));
	if (t.files > 0)
		return cli_error(_("files kept with the dossiers are missing or altered (see "
		    "above): restore the files folder beside the database from a backup, "
		    "or scan the papers again"));
	if (t.dossiers > 0)
		return cli_error(_("the dossier table does not match the events (see above): "
		    "a supervisor repairs it from them with 'motcua check --rebuild'"));
	return 0;
}

static const struct cli_opt check_opts[] = {
	{"rebuild", NULL, N_("also rebuild the dossier table from the events, and "
	    "compare"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.opts = {check_opts, cli_group_password}, .run = run},
	CLI_FORM_END,
};

const struct cli_cmd cmd_check = {
	.name = "check",
	.summary = N_("Check that the database is sound."),
	.forms = forms,
};

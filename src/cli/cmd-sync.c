/* cmd-sync.c — motcua export, import, peers: sync by file.  export and import
 * are done by an officer who proves who they are (an export is recorded:
 * what was sent, by whom); peers only reads. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/sync.h"
#include "motcua/trust.h"

static int
run_export(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *out = cli_has(a, "out") ? cli_arg(a, "out") : ".";
	const char *peer = cli_arg(a, "for");
	struct sync_export_opt opt = {
		.without_files = cli_has(a, "without-files"),
		.files_since = cli_has(a, "files-since") ? cli_arg(a, "files-since") : NULL,
	};
	struct sync_export_res res;
	char written[8500];
	struct mc_officer me;
	struct mc_err err;
	bool all = cli_has(a, "all");
	sqlite3 *db;

	if (out[0] == '\0')
		return cli_usage(a);
	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	if (sync_export_with(db, me.username, all ? NULL : peer, out, &opt, written,
	    sizeof written, &res, NULL, NULL, &err) != 0)
		return cli_fail(&err);
	printf(_("%s: %lld events\n"), written, res.events);
	if (res.files > 0)
		printf(_("%s: %lld files carried\n"), written, res.files);
	if (res.files_absent > 0)
		printf(_("%s: %lld files its events name are not held here: not carried (the "
		    "receiver reports them missing)\n"), written, res.files_absent);
	if (res.files_altered > 0)
		printf(_("%s: %lld files held here are not what their events recorded: not "
		    "carried; run 'motcua check'\n"), written, res.files_altered);
	return 0;
}

static int
run_import(struct cli_ctx *ctx, const struct cli_args *a)
{
	bool force = cli_has(a, "force");
	char *const *files = a->argv;
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;
	int failed = 0;

	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, &me))
		return 1;
	/* each file on its own: one bad file does not stop the others */
	for (int i = 0; i < a->argc; i++) {
		struct sync_report r;

		if (sync_import(db, me.username, files[i], force, &r, NULL, NULL, &err) != 0) {
			cli_fail(&err);
			failed++;
			continue;
		}
		if (strcmp(r.kind, "events") != 0)
			printf(_("%s: %s version %lld applied\n"), files[i], r.kind, r.version);
		else if (r.events_new == 0 && r.files_new == 0)
			printf(_("%s: nothing new (all %lld events were already here)\n"), files[i],
			    r.events_known);
		else if (r.events_new == 0)
			printf(_("%s: no new events (all %lld were already here)\n"), files[i],
			    r.events_known);
		else
			printf(_("%s: %lld new events from %d stations; %lld new dossiers, %lld "
			    "updated\n"), files[i], r.events_new, r.stations, r.dossiers_new,
			    r.dossiers_touched - r.dossiers_new);
		if (r.files_new > 0)
			printf(_("%s: %lld files kept\n"), files[i], r.files_new);
		if (r.files_missing > 0) {
			printf(_("%s: %lld files its events name have not come; a bundle that "
			    "carries them brings them ('motcua check' lists them):\n"), files[i],
			    r.files_missing);
			for (long long k = 0; k < r.files_missing && k < SYNC_MISSING_MAX; k++)
				printf(_("  %s file %d (%.16s…)\n"), r.missing[k].code,
				    r.missing[k].number, r.missing[k].sha256);
			if (r.files_missing > SYNC_MISSING_MAX)
				printf("  …\n");
		}
		if (r.gaps > 0)
			printf(_("%s: events of %d stations are still missing in between; they "
			    "will come with later files\n"), files[i], r.gaps);
	}
	return failed ? 1 : 0;
}

static int
print_peer(const struct sync_peer *p, void *arg)
{
	(void)arg;
	printf("%-36s  %-13s  %d  %-5s  %7lld  %-25s  %s\n", p->id, p->unit[0] ? p->unit : "-",
	    p->number, p->self ? _("self") : "", p->events, p->heard[0] ? p->heard : "-",
	    p->vector != NULL ? p->vector : "-");
	return 0;
}

/* A clone alarm, after the table: what it is and what to do. */
static int
print_alarm(const struct trust_alarm_item *al, void *arg)
{
	(void)arg;
	printf(_("CLONE ALARM: station %d of %s (%s) has signed two different events "
	    "number %lld: the one held here (%.16s…) and another (%.16s…) in %s, found "
	    "%.16s. Two PCs speak as one station: see CLONED STATIONS in the manual "
	    "(man motcua)\n"), al->number, al->unit[0] ? al->unit : "?", al->origin, al->seq,
	    al->held, al->other, al->file, al->found);
	return 0;
}

static int
run_peers(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_err err;
	sqlite3 *db;

	(void)a;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	/* TRANSLATORS: column headings of `motcua peers` */
	printf("%-36s  %-13s  %s  %-5s  %7s  %-25s  %s\n", _("station"), _("unit"), "#", "",
	    _("events"), _("last heard"), _("holds"));
	if (sync_peers(db, print_peer, NULL, &err) != 0 ||
	    trust_alarm_each(db, print_alarm, NULL, &err) != 0)
		return cli_fail(&err);
	return 0;
}

static const struct cli_opt export_opts[] = {
	{"out", "FILE|DIR", N_("the bundle to write, or the folder to write it in "
	    "(default: the current folder)"), 0, 0},
	{"for", "STATION", N_("only the events that station is not known to hold"),
	    CLI_OR_NEXT, 0},
	{"all", NULL, N_("every event (the default)"), 0, 0},
	{"without-files", NULL, N_("leave out the files the events name (a smaller "
	    "bundle; the receiver reports them missing)"), CLI_OR_NEXT, 0},
	{"files-since", "DATE", N_("also carry the files attached from DATE on, "
	    "for a station that took a bundle made without them"), 0, 0},
	CLI_OPT_END,
};
static const struct cli_opt import_opts[] = {
	{"force", NULL, N_("take a publication older than the one held"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form export_forms[] = {
	{.opts = {export_opts, cli_group_password}, .run = run_export},
	CLI_FORM_END,
};
static const struct cli_form import_forms[] = {
	{.args = "FILE...", .opts = {import_opts, cli_group_password}, .run = run_import},
	CLI_FORM_END,
};
static const struct cli_form peers_forms[] = {
	{.run = run_peers},
	CLI_FORM_END,
};

const struct cli_cmd cmd_export = {
	.name = "export",
	.summary = N_("Write a bundle of events for another station."),
	.forms = export_forms,
};
const struct cli_cmd cmd_import = {
	.name = "import",
	.summary = N_("Take in bundles: events, or a catalog or calendar publication."),
	.forms = import_forms,
};
const struct cli_cmd cmd_peers = {
	.name = "peers",
	.summary = N_("The stations known here and what each holds."),
	.forms = peers_forms,
};

/* cmd-sync.c — motcua export, import, peers: sync by file. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/sync.h"

static int
run_export(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"out", required_argument, NULL, 'o'},
		{"for", required_argument, NULL, 'f'},
		{"all", no_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	const char *out = ".", *peer = NULL;
	char written[8500];
	struct mc_err err;
	long long count;
	bool all = false;
	sqlite3 *db;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'f': peer = optarg; break;
		case 'a': all = true; break;
		default: return cli_usage(&cmd_export);
		}
	}
	if (optind != argc || (all && peer != NULL) || out[0] == '\0')
		return cli_usage(&cmd_export);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (sync_export(db, all ? NULL : peer, out, written, sizeof written, &count, NULL,
	    NULL, &err) != 0)
		return cli_fail(&err);
	printf(_("%s: %lld events\n"), written, count);
	return 0;
}

static int
run_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, 'f'},
		{NULL, 0, NULL, 0},
	};
	bool force = false;
	struct mc_err err;
	sqlite3 *db;
	int c, failed = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'f')
			return cli_usage(&cmd_import);
		force = true;
	}
	if (optind >= argc)
		return cli_usage(&cmd_import);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	/* each file on its own: one bad file does not stop the others */
	for (int i = optind; i < argc; i++) {
		struct sync_report r;

		if (sync_import(db, argv[i], force, &r, NULL, NULL, &err) != 0) {
			cli_fail(&err);
			failed++;
			continue;
		}
		if (strcmp(r.kind, "events") != 0)
			printf(_("%s: %s version %lld applied\n"), argv[i], r.kind, r.version);
		else if (r.events_new == 0)
			printf(_("%s: nothing new (all %lld events were already here)\n"), argv[i],
			    r.events_known);
		else
			printf(_("%s: %lld new events from %d stations; %lld new dossiers, %lld "
			    "updated\n"), argv[i], r.events_new, r.stations, r.dossiers_new,
			    r.dossiers_touched - r.dossiers_new);
		if (r.gaps > 0)
			printf(_("%s: events of %d stations are still missing in between; they "
			    "will come with later files\n"), argv[i], r.gaps);
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

static int
run_peers(struct cli_ctx *ctx, int argc, char **argv)
{
	struct mc_err err;
	sqlite3 *db;

	if (argc != 1)
		return cli_usage(&cmd_peers);
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	/* TRANSLATORS: column headings of `motcua peers` */
	printf("%-36s  %-13s  %s  %-5s  %7s  %-25s  %s\n", _("station"), _("unit"), "#", "",
	    _("events"), _("last heard"), _("holds"));
	return sync_peers(db, print_peer, NULL, &err) ? cli_fail(&err) : 0;
}

const struct cli_cmd cmd_export = {
	"export", "export [--out FILE|DIR] [--for STATION|--all]", run_export,
};
const struct cli_cmd cmd_import = { "import", "import [--force] FILE...", run_import };
const struct cli_cmd cmd_peers = { "peers", "peers", run_peers };

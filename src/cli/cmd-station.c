/* cmd-station.c — motcua station show|list|trust|revoke: this station's
 * key fingerprint, the stations trusted here, enrolment and revocation
 * (trust.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "motcua/i18n.h"
#include "motcua/key.h"
#include "motcua/role.h"
#include "motcua/sync.h"
#include "motcua/trust.h"
#include "motcua/unit.h"

static int
run_show(struct cli_ctx *ctx, const struct cli_args *a)
{
	char pub[MC_KEY_HEX], fpr[MC_FPR_LEN];
	struct mc_unit u;
	struct mc_err err;
	sqlite3 *db;

	(void)a;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (unit_get(db, &u, &err) != 0 || key_public(db, pub, &err) != 0)
		return cli_fail(&err);
	key_fingerprint(pub, fpr);
	/* the first words are the format: scripts read "fingerprint:" */
	printf("fingerprint: %s\n", fpr);
	printf("station: %d\n", u.station);
	printf("unit: %s (%s)\n", u.code, u.name);
	printf("id: %s\n", u.station_id);
	printf("key: %s\n", pub);
	return 0;
}

static int
list_row(const struct trust_item *t, void *arg)
{
	(void)arg;
	printf("%-19s  %-14s %-2d  ", t->fingerprint, t->unit, t->number);
	if (t->self)
		fputs(_("this station"), stdout);
	else if (t->revoked[0] != '\0')
		printf(_("revoked %.10s"), t->revoked);
	else
		printf(_("trusted %.10s by %s"), t->trusted, t->officer);
	if (t->alarms > 0 && t->revoked[0] == '\0')
		printf(_("  CLONE ALARM (%lld)"), t->alarms);
	putchar('\n');
	return 0;
}

static int
run_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_err err;
	sqlite3 *db;

	(void)a;
	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (trust_list(db, list_row, NULL, &err) != 0)
		return cli_fail(&err);
	return 0;
}

static int
run_trust(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct trust_item t;
	struct mc_officer me;
	struct mc_err err;
	sqlite3 *db;

	if ((db = cli_login_for(ctx, a, MC_ACT_TRUST, &me)) == NULL)
		return 1;
	if (sync_trust_file(db, me.username, a->argv[0], cli_arg(a, "fingerprint"), &t,
	    &err) != 0)
		return cli_fail(&err);
	printf(_("Station %d of %s (key %s) is trusted here: its bundles are taken.\n"),
	    t.number, t.unit, t.fingerprint);
	return 0;
}

static int
run_revoke(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_officer me;
	struct mc_err err;
	char fpr[MC_FPR_LEN];
	sqlite3 *db;

	if ((db = cli_login_for(ctx, a, MC_ACT_TRUST, &me)) == NULL)
		return 1;
	if (trust_revoke(db, me.username, a->argv[0], &err) != 0 ||
	    key_fingerprint_parse(a->argv[0], fpr, &err) != 0)
		return cli_fail(&err);
	printf(_("The key %s is revoked: its events recorded from now on are refused here, "
	    "and the stations that take this one's bundles learn it.\n"), fpr);
	return 0;
}

static int
run_card(struct cli_ctx *ctx, const struct cli_args *a)
{
	char out[4200], pub[MC_KEY_HEX], fpr[MC_FPR_LEN];
	struct mc_err err;
	sqlite3 *db;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (sync_card(db, cli_arg(a, "out"), out, sizeof out, &err) != 0 ||
	    key_public(db, pub, &err) != 0)
		return cli_fail(&err);
	key_fingerprint(pub, fpr);
	printf(_("%s: this station's key card (fingerprint %s), for 'motcua station trust' "
	    "on the other stations.\n"), out, fpr);
	return 0;
}

static const struct cli_opt card_opts[] = {
	{"out", "FILE", N_("where to write the card (it must not exist yet)"),
	    CLI_REQUIRED, 0},
	CLI_OPT_END,
};

static const struct cli_opt trust_opts[] = {
	{"fingerprint", "FP", N_("the key's fingerprint, as the sending PC shows it "
	    "(F9, 'motcua station show')"), CLI_REQUIRED, 0},
	CLI_OPT_END,
};

static const struct cli_form forms[] = {
	{.word = "show", .run = run_show},
	{.word = "list", .run = run_list},
	{.word = "card", .opts = {card_opts}, .run = run_card},
	{.word = "trust", .args = "FILE", .opts = {trust_opts, cli_group_password},
	    .run = run_trust},
	{.word = "revoke", .args = "FP", .opts = {cli_group_password}, .run = run_revoke},
	CLI_FORM_END,
};

const struct cli_cmd cmd_station = {
	.name = "station",
	.summary = N_("Show this station's key fingerprint, list the stations trusted "
	    "here; a supervisor trusts a station by a bundle it signed, or revokes a key."),
	.forms = forms,
};

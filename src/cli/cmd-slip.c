/* cmd-slip.c — motcua slip: the forms of a dossier (1 to 6 of Circular
 * 03/2025, or Mẫu 01 to 05 of Circular 01/2018: the setting form_set);
 * motcua guide: record a guidance and give its supplement request. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/pdf.h"
#include "motcua/print.h"
#include "motcua/privfile.h"
#include "motcua/slip.h"

/* Write text to a file the user named (not through the slips folder):
 * born 0600, as it holds the citizen's name and ID number. */
static int
write_out(const char *file, const char *text)
{
	struct mc_err err;

	if (privfile_write(file, text, strlen(text), &err) != 0)
		return cli_fail(&err);
	return 0;
}

/* Render, save to the slips folder, then show, write or print it. */
static int
slip_out(struct cli_ctx *ctx, const char *db_path, enum slip_form form, const char *key,
    enum slip_layout layout, const char *out, bool show, bool print, char *saved, size_t n)
{
	struct mc_err err;
	char name[MC_CODE_LEN + 16];
	char *text;
	sqlite3 *db;
	int rc = 0;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if ((text = slip_render_layout(db, db_path, form, key, layout, &err)) == NULL)
		return cli_fail(&err);
	snprintf(name, sizeof name, "mau%02d-%s", (int)form + 1, key);
	if (slip_save(db_path, name, text, saved, n, &err) != 0) {
		free(text);
		return cli_fail(&err);
	}
	if (out != NULL)
		rc = write_out(out, text);
	else if (show && fputs(text, stdout) == EOF)
		rc = cli_error(_("cannot write to standard output"));
	free(text);
	if (rc == 0 && print && slip_print(db, saved, &err) != 0)
		return cli_fail(&err);
	return rc;
}

/* The form as PDF: to FILE (then nothing on standard output), else saved
 * beside the text slips as slips/mau0N-KEY.pdf and its path printed.  An
 * unwritable FILE leaves nothing behind.  --print sends that PDF. */
static int
slip_pdf_out(struct cli_ctx *ctx, const char *db_path, enum slip_form form, const char *key,
    const char *out, bool print)
{
	struct pdf_buf b;
	struct mc_err err;
	char file[MC_CODE_LEN + 16], saved[PATH_MAX + 64];
	sqlite3 *db;
	int rc = 0;

	if ((db = cli_db(ctx)) == NULL)
		return 1;
	if (slip_render_pdf(db, db_path, form, key, &b, &err) != 0)
		return cli_fail(&err);
	if (out != NULL && privfile_write(out, (const char *)b.p, b.len, &err) != 0) {
		pdf_buf_free(&b);
		return cli_fail(&err);
	}
	snprintf(file, sizeof file, "mau%02d-%s.pdf", (int)form + 1, key);
	if (slip_save_file(db_path, "slips", file, (const char *)b.p, b.len, saved,
	    sizeof saved, &err) != 0) {
		pdf_buf_free(&b);
		return cli_fail(&err);
	}
	pdf_buf_free(&b);
	if (out == NULL && printf("%s\n", saved) < 0)
		rc = cli_error(_("cannot write to standard output"));
	if (rc == 0 && print && slip_print(db, saved, &err) != 0)
		return cli_fail(&err);
	return rc;
}

static int
run_slip(struct cli_ctx *ctx, const struct cli_args *a)
{
	char dbp[4096], saved[PATH_MAX + 64];
	const char *out = cli_arg(a, "out"), *v;
	bool print = cli_has(a, "print"), supplement = cli_has(a, "supplement");
	int form = -1, layout = -1;
	bool pdf = false;

	if ((v = cli_arg(a, "form")) != NULL) {
		/* what a number means depends on form_set (slip.h) */
		enum slip_form f;
		struct mc_err err;
		sqlite3 *db;
		int rc;

		if ((db = cli_db(ctx)) == NULL)
			return 1;
		if ((rc = slip_form_parse(db, v, &f, &err)) == -2)
			return cli_fail(&err);	/* the logbook: another command */
		if (rc != 0) {
			cli_error("%s", err.msg);
			return cli_usage(a);
		}
		form = (int)f;
	}
	/* text (the screen's preview, the default) or the PDF for A4 paper */
	if ((v = cli_arg(a, "format")) != NULL) {
		if (strcmp(v, "pdf") == 0)
			pdf = true;
		else if (strcmp(v, "text") != 0) {
			cli_error(_("there is no format '%s' for a form: --format takes text "
			    "or pdf"), v);
			return cli_usage(a);
		}
	}
	if ((v = cli_arg(a, "layout")) != NULL) {
		if (strcmp(v, "a5") == 0 || strcmp(v, "A5") == 0)
			layout = SLIP_LAYOUT_A5;
		else if (strcmp(v, "receipt") == 0)
			layout = SLIP_LAYOUT_RECEIPT;
		else {
			cli_error(_("there is no layout '%s': --layout takes a5 (the "
			    "form on paper) or receipt (a receipt printer)"), v);
			return cli_usage(a);
		}
	}
	if (a->argv[0][0] == '\0' || (out != NULL && out[0] == '\0'))
		return cli_usage(a);
	/* --supplement is --form 02 */
	if (supplement) {
		if (form >= 0 && form != SLIP_SUPPLEMENT)
			return cli_usage(a);
		form = SLIP_SUPPLEMENT;
	}
	if (form < 0)
		form = SLIP_RECEIPT;
	if (cli_db_path(ctx, dbp, sizeof dbp) == NULL)
		return 1;
	if (pdf) {
		if (layout == SLIP_LAYOUT_RECEIPT) {
			cli_error(_("a receipt printer takes no PDF: leave out --layout "
			    "receipt or --format pdf"));
			return cli_usage(a);
		}
		return slip_pdf_out(ctx, dbp, (enum slip_form)form, a->argv[0], out, print);
	}
	/* by default the layout of the printer: receipt for ESC/POS */
	if (layout < 0) {
		struct print_opts po;
		struct mc_err err;
		sqlite3 *db;

		if ((db = cli_db(ctx)) == NULL)
			return 1;
		if (print_options(db, &po, &err) != 0)
			return cli_fail(&err);
		layout = po.backend == PRINT_ESCPOS ? SLIP_LAYOUT_RECEIPT : SLIP_LAYOUT_A5;
	}
	return slip_out(ctx, dbp, (enum slip_form)form, a->argv[0], (enum slip_layout)layout,
	    out, true, print, saved, sizeof saved);
}

static const struct cli_opt slip_opts[] = {
	{"form", "N", N_("which form: 1 appointment slip (the default), 2 supplement "
	    "request, 3 refusal, 4 apology and extension, 5 stop notice, 6 control sheet "
	    "(Circular 03/2025; the logbook, 7, is 'report logbook'); 01 to 05 are the "
	    "forms of Circular 01/2018; with form_set 2018, 1 to 5 are those"), 0, 0},
	{"format", "text|pdf", N_("the form as text (the default) or as PDF on A4 paper "
	    "(saved as slips/mau0N-CODE.pdf, its path printed, unless --out)"), 0, 0},
	{"supplement", NULL, N_("the supplement request (form 02); CODE may also be the "
	    "id that guide printed"), 0, 0},
	{"layout", "a5|receipt", N_("the form on paper, or for a receipt printer "
	    "(default: the printer's)"), 0, 0},
	CLI_OPT_END,
};
/* slip and guide */
static const struct cli_opt print_opt[] = {
	{"print", NULL, N_("send the form to the printer as well"), 0, 0},
	CLI_OPT_END,
};
static const struct cli_opt out_opt[] = {
	{"out", "FILE", N_("write it to FILE instead of standard output"), 0, 0},
	CLI_OPT_END,
};

static const struct cli_form slip_forms[] = {
	{.args = "CODE", .opts = {slip_opts, print_opt, out_opt}, .run = run_slip},
	CLI_FORM_END,
};

const struct cli_cmd cmd_slip = {
	.name = "slip",
	.summary = N_("Show, save or print a form of a dossier (forms 1 to 6)."),
	.forms = slip_forms,
};

static int
run_guide(struct cli_ctx *ctx, const struct cli_args *a)
{
	struct mc_receipt r;
	struct mc_receipt_out res;
	struct mc_officer me;
	struct mc_err err;
	const char *at = cli_arg(a, "at");
	char dbp[4096], saved[PATH_MAX + 64];
	sqlite3 *db;
	bool print = cli_has(a, "print");
	int rc;

	memset(&r, 0, sizeof r);
	cli_receipt(a, &r);
	if (cli_time(at, &r.at) != 0)
		return 1;
	if (cli_db_path(ctx, dbp, sizeof dbp) == NULL || (db = cli_db(ctx)) == NULL ||
	    cli_login(ctx, a, db, &me))
		return 1;
	r.officer = me.username;
	rc = dossier_guide(db, &r, &res, &err);
	for (int i = 0; i < res.warnings.n; i++)
		cli_warn("%s", res.warnings.msg[i]);
	if (rc != 0)
		return cli_fail(&err);
	/* the guidance is recorded: say its id even if the form fails */
	printf("%s\n", res.id);
	fflush(stdout);
	if (slip_out(ctx, dbp, SLIP_SUPPLEMENT, res.id, SLIP_LAYOUT_A5, NULL, false, false,
	    saved, sizeof saved) != 0) {
		cli_error(_("the guidance %s is recorded; make its form later with "
		    "'motcua slip --supplement %s'"), res.id, res.id);
		return 1;
	}
	printf("%s\n", saved);
	fflush(stdout);
	if (print && slip_print(db, saved, &err) != 0)
		return cli_fail(&err);
	return 0;
}

static const struct cli_form guide_forms[] = {
	{.opts = {cli_group_receipt, cli_group_at, print_opt, cli_group_password},
	    .run = run_guide},
	CLI_FORM_END,
};

const struct cli_cmd cmd_guide = {
	.name = "guide",
	.summary = N_("Record a guidance (a required document is missing) and save its "
	    "supplement request."),
	.forms = guide_forms,
};

/* vocab.c — the tables of dossier statuses and event kinds (vocab.h), and
 * the few look-ups every layer makes in them. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/vocab.h"

#define COUNTED MC_REPORT_COUNTED

/* TRANSLATORS: dossier statuses, shown in lists: keep them short. */
const struct mc_status mc_statuses[] = {
	/* name, label, phase, report, paused, note */
	{"received", N_("received"), MC_PHASE_OPEN, COUNTED, false, NULL},
	{"processing", N_("processing"), MC_PHASE_OPEN, COUNTED, false, NULL},
	{"transferred", N_("transferred"), MC_PHASE_OPEN, COUNTED, false, NULL},
	{"paused", N_("paused"), MC_PHASE_OPEN, COUNTED, true, "tạm dừng"},
	{"result_ready", N_("result ready"), MC_PHASE_READY, COUNTED, false, NULL},
	{"returned", N_("returned"), MC_PHASE_FINAL, COUNTED, false, NULL},
	{"refused", N_("refused"), MC_PHASE_FINAL, MC_REPORT_REFUSED, false, "từ chối"},
	{"withdrawn", N_("withdrawn"), MC_PHASE_FINAL, MC_REPORT_WITHDRAWN, false,
	    "rút hồ sơ"},
	{"stopped", N_("stopped"), MC_PHASE_FINAL, MC_REPORT_STOPPED, false,
	    "dừng giải quyết"},
	{"cancelled", N_("cancelled"), MC_PHASE_FINAL, MC_REPORT_VOID, false,
	    "hủy (nhập nhầm)"},
};
const size_t mc_nstatuses = sizeof mc_statuses / sizeof mc_statuses[0];

#define OPEN "received", "processing", "transferred", "paused"
#define RUNNING "received", "processing", "transferred"

/* A reason, as most steps ask it. */
#define REASON(need_) {.name = "reason", .type = MC_FT_TEXT, .need = need_, .max = 1000, \
	.label = N_("Reason:"), .noun = N_("a reason"), \
	.help = N_("why (pause, refuse, withdraw, cancel, apologize, stop)")}
/* Someone's or some agency's name. */
#define NAME_MAX_CHARS 200

/* The keys of the steps are letters of their Vietnamese names, as the
 * counter reads them (c chuyển cán bộ, q cơ quan, l chuyển lại, d tạm
 * dừng, t tiếp tục, k kết quả, r trả kết quả, f reFuse: từ chối, u rút,
 * h hủy, x xin lỗi, s dừng giải quyết: stop); p is the screen's control sheet (phiếu kiểm soát),
 * so no step has it.  README and doc/motcua.1 list them. */
/* TRANSLATORS: kind labels are the events of a dossier's timeline; action
 * labels are the detail's action list; field labels the form of a step
 * (under 14 columns); nouns end "the step '%s' needs ...". */
static const struct mc_kind kinds[MC_KIND_COUNT] = {
	[MC_KIND_RECEIVE] = {
		.id = MC_KIND_RECEIVE, .name = "receive", .label = N_("Received"),
		.to = "received",
		.fields = {{.name = "due", .type = MC_FT_TIME, .computed = true,
		    .phrase = N_("due %s")}},
	},
	[MC_KIND_GUIDE] = {
		.id = MC_KIND_GUIDE, .name = "guide", .label = N_("Guided (Mẫu 02)"),
		/* the receipt's format (dossier_guide): the report counts the
		 * guidance by the procedure's field */
		.fields = {{.name = "procedure.field", .type = MC_FT_TEXT, .computed = true,
		    .hidden = true}},
	},
	[MC_KIND_HANDOVER] = {
		.id = MC_KIND_HANDOVER, .name = "handover", .label = N_("Handed over"),
		.key = 'c',
		.action = N_("Hand over to a specialist"),
		.from = {"received", "processing"}, .to = "processing",
		.fields = {{.name = "to", .type = MC_FT_TEXT, .need = MC_NEED_YES,
		    .max = NAME_MAX_CHARS, .label = N_("To (officer):"),
		    .noun = N_("the person it is handed to"), .value = "NAME",
		    .help = N_("handover: the specialist who takes the dossier")}},
	},
	[MC_KIND_TRANSFER] = {
		.id = MC_KIND_TRANSFER, .name = "transfer", .label = N_("Transferred"),
		.key = 'q',
		.action = N_("Transfer to an agency"),
		.from = {"received", "processing"}, .to = "transferred",
		.fields = {{.name = "agency", .type = MC_FT_TEXT, .need = MC_NEED_YES,
		    .max = NAME_MAX_CHARS, .label = N_("Agency:"), .noun = N_("the agency"),
		    .value = "NAME", .help = N_("transfer: the agency it goes to")}},
	},
	[MC_KIND_TRANSFER_BACK] = {
		.id = MC_KIND_TRANSFER_BACK, .name = "transfer-back",
		.key = 'l',
		.label = N_("Transferred back"), .action = N_("Transferred back"),
		.from = {"transferred"}, .to = "processing",
		.fields = {{.name = "agency", .type = MC_FT_TEXT, .max = NAME_MAX_CHARS,
		    .label = N_("Agency:"), .noun = N_("the agency")}},
	},
	[MC_KIND_PAUSE] = {
		.id = MC_KIND_PAUSE, .name = "pause", .label = N_("Paused"),
		.key = 'd',
		.action = N_("Pause"), .from = {RUNNING}, .to = "paused",
		.fields = {REASON(MC_NEED_YES)},
	},
	[MC_KIND_RESUME] = {
		.id = MC_KIND_RESUME, .name = "resume", .label = N_("Resumed"),
		.key = 't',
		.action = N_("Resume"), .from = {"paused"}, .back = true,
		/* the working days the clock stood still, and the due moved by
		 * them (lifecycle.c computes both) */
		.fields = {{.name = "paused_days", .type = MC_FT_INT, .computed = true,
		    .hidden = true},
		    {.name = "due", .type = MC_FT_TIME, .computed = true,
		    .phrase = N_("due %s")}},
	},
	[MC_KIND_RESULT] = {
		.id = MC_KIND_RESULT, .name = "result", .label = N_("Result"),
		.key = 'k',
		.action = N_("Result"), .from = {RUNNING}, .to = "result_ready",
		.fields = {{.name = "outcome", .type = MC_FT_ENUM, .first_default = true,
		    .choices = {{"approved", N_("approved")},
		    {"refused", N_("refused"), .refuses = true}},
		    .label = N_("Outcome:"),
		    .bad = N_("the outcome '%s' is not one of approved, refused"),
		    .help = N_("result: the agency refused the request")},
		    {.name = "reason", .type = MC_FT_TEXT, .need = MC_NEED_IF,
		    .when = "outcome", .when_value = "refused", .max = 1000,
		    .label = N_("Reason:"), .noun = N_("the reason of the refusal")}},
		.refusals = {{"paused", N_("%s is paused waiting for the citizen: record "
		    "the resume first")}},
	},
	[MC_KIND_RETURN] = {
		.id = MC_KIND_RETURN, .name = "return", .label = N_("Returned"),
		.key = 'r',
		.action = N_("Return the result"), .from = {"result_ready"},
		.to = "returned",
		.fields = {{.name = "collector", .type = MC_FT_TEXT, .applicant = true,
		    .max = NAME_MAX_CHARS, .label = N_("Name:"),
		    .phrase = N_("collected by %s"), .value = "NAME",
		    .help = N_("return: who collects the result, if not the applicant")},
		    /* someone else collects: who, with their ID number */
		    {.name = "collector_id", .type = MC_FT_ID, .need = MC_NEED_WITH,
		    .when = "collector", .label = N_("ID number:"),
		    .missing = N_("a collector other than the applicant must show an ID: "
		    "give the collector's ID number"),
		    .help = N_("return: the collector's ID number")},
		    {.name = "rating", .type = MC_FT_ENUM,
		    .choices = {{"very_satisfied", N_("very satisfied"), .pleased = true},
		    {"satisfied", N_("satisfied"), .pleased = true},
		    {"not_satisfied", N_("not satisfied")}},
		    .label = N_("Rating:"),
		    .bad = N_("the rating '%s' is not one of very_satisfied, satisfied, "
		    "not_satisfied"), .help = N_("return: the citizen's rating")}},
		.refusals = {{NULL, N_("the result of %s is not ready (it is %s): record "
		    "the result before returning it")}},
	},
	[MC_KIND_REFUSE] = {
		.id = MC_KIND_REFUSE, .name = "refuse",
		.key = 'f',
		.label = N_("Refused at the counter"),
		.action = N_("Refuse at the counter (Mẫu 03)"), .from = {"received"},
		.to = "refused", .fields = {REASON(MC_NEED_YES)},
		.refusals = {{NULL, N_("%s can be refused at the counter only before it is "
		    "handed on (it is %s): withdraw it or record a refused result "
		    "instead")}},
		.form = true, .slip = SLIP_REFUSAL, .form_title = N_("Refusal (Mẫu 03)"),
	},
	[MC_KIND_WITHDRAW] = {
		.id = MC_KIND_WITHDRAW, .name = "withdraw", .label = N_("Withdrawn"),
		.key = 'u',
		.action = N_("Withdraw"), .from = {OPEN}, .to = "withdrawn",
		.fields = {REASON(MC_NEED_NO)},
	},
	[MC_KIND_CANCEL] = {
		.id = MC_KIND_CANCEL, .name = "cancel", .label = N_("Cancelled"),
		.key = 'h',
		.action = N_("Cancel (supervisor)"), .role = MC_ROLE_SUPERVISOR,
		.role_refusal = N_("only a supervisor may cancel a dossier entered in "
		    "error: ask the supervisor to do it"),
		.from = {OPEN, "result_ready", "returned", "refused", "withdrawn",
		    "stopped"},
		.to = "cancelled", .fields = {REASON(MC_NEED_YES)},
	},
	[MC_KIND_APOLOGIZE] = {
		.id = MC_KIND_APOLOGIZE, .name = "apologize", .label = N_("Apology"),
		.key = 'x',
		.action = N_("Apologize, new date (Mẫu 04)"), .from = {OPEN},
		.fields = {REASON(MC_NEED_YES),
		    {.name = "new_date", .type = MC_FT_TIME, .need = MC_NEED_YES,
		    .label = N_("New date:"),
		    .missing = N_("the new date must be after the time of the apology: "
		    "give a date in the future"),
		    .bad = N_("the new date '%s' is not valid: write it as "
		    "DD/MM/YYYY HH:MM or YYYY-MM-DD HH:MM"),
		    .phrase = N_("new date %s"),
		    .help = N_("apologize: the new appointment")}},
		.form = true, .slip = SLIP_APOLOGY, .form_title = N_("Apology (Mẫu 04)"),
	},
	/* dừng giải quyết (Decree 118/2025, Circular 03/2025's Mẫu 05): the
	 * resolution of a dossier still being worked on is stopped, for a
	 * reason, and the citizen is told.  It closes the dossier: nothing
	 * follows but a supervisor's cancel of an entry error.  Once a result
	 * is ready there is nothing left to stop (the result is returned), and
	 * a dossier already closed (returned, refused, withdrawn) is not
	 * reopened by it.  The legal ground (the article the stop rests on) is
	 * asked, and printed on the notice when given; it is not required,
	 * so that a stop the citizen asked for (the dossier's own request, no
	 * article to cite) is recorded with its reason alone. */
	[MC_KIND_STOP] = {
		.id = MC_KIND_STOP, .name = "stop", .label = N_("Resolution stopped"),
		.key = 's',
		.action = N_("Stop resolving"), .from = {OPEN}, .to = "stopped",
		.fields = {REASON(MC_NEED_YES),
		    {.name = "ground", .type = MC_FT_TEXT, .max = 1000,
		    .label = N_("Legal ground:"), .noun = N_("the legal ground"),
		    .phrase = N_("legal ground: %s"),
		    .help = N_("stop: the legal ground (the article it rests on)")}},
		.refusals = {{NULL, N_("%s can be stopped only while it is being resolved "
		    "(it is %s): a dossier with a result or already closed is not "
		    "stopped")}},
		/* the citizen is told: Circular 03/2025's form 5 (slip.h) */
		.form = true, .slip = SLIP_STOP, .form_title = N_("Stop notice (Mẫu 05)"),
	},
	/* a scan or an attached file (attach.h): written by attach_add, not
	 * offered as a step; the row is unchanged (the file's own table,
	 * dossier_file, is attach's), the timeline names the file */
	[MC_KIND_FILE] = {
		.id = MC_KIND_FILE, .name = "file_added", .label = N_("File attached"),
		.fields = {{.name = "name", .type = MC_FT_TEXT, .computed = true}},
	},
};

const struct mc_status *
vocab_status(const char *name)
{
	for (size_t i = 0; name != NULL && i < mc_nstatuses; i++)
		if (strcmp(mc_statuses[i].name, name) == 0)
			return &mc_statuses[i];
	return NULL;
}

const char *
vocab_status_label(const char *name)
{
	const struct mc_status *s = vocab_status(name);

	return s != NULL ? _(s->label) : name;
}

const struct mc_status *
vocab_status_paused(void)
{
	for (size_t i = 0; i < mc_nstatuses; i++)
		if (mc_statuses[i].paused)
			return &mc_statuses[i];
	return &mc_statuses[0];	/* not reached: the table has one */
}

/* The statuses for which want(s, a, b) holds, as a SQL list. */
static char *
status_list(bool (*want)(const struct mc_status *, unsigned, unsigned), unsigned a,
    unsigned b, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < mc_nstatuses; i++) {
		const struct mc_status *s = &mc_statuses[i];
		int w;

		if (!want(s, a, b))
			continue;
		/* names are the table's own: no quote to escape */
		w = snprintf(buf + used, n - used, "%s'%s'", used ? ", " : "(", s->name);
		if (w < 0 || used + (size_t)w >= n)
			break;
		used += (size_t)w;
	}
	if (used + 2 <= n)
		snprintf(buf + used, n - used, "%s", used ? ")" : "('')");
	return buf;
}

static bool
in_phase(const struct mc_status *s, unsigned phase, unsigned running)
{
	return s->phase == (enum mc_phase)phase && !(running && s->paused);
}

static bool
in_report(const struct mc_status *s, unsigned reports, unsigned unused)
{
	(void)unused;
	return (s->report & reports) != 0;
}

char *
vocab_status_sql(enum mc_phase phase, bool running, char *buf, size_t n)
{
	return status_list(in_phase, phase, running, buf, n);
}

char *
vocab_report_sql(unsigned reports, char *buf, size_t n)
{
	return status_list(in_report, reports, 0, buf, n);
}

const struct mc_kind *
vocab_kind(enum mc_kind_id id)
{
	return (unsigned)id < MC_KIND_COUNT ? &kinds[id] : NULL;
}

const struct mc_kind *
vocab_kind_named(const char *name)
{
	for (int i = 0; name != NULL && i < MC_KIND_COUNT; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

const struct mc_kind *
vocab_kind_keyed(int key)
{
	for (int i = 0; key > 0 && i < MC_KIND_COUNT; i++)
		if (kinds[i].key == key)
			return &kinds[i];
	return NULL;
}

size_t
vocab_nfields(const struct mc_kind *k)
{
	size_t n = 0;

	while (n < MC_FIELDS_MAX && k->fields[n].name != NULL)
		n++;
	return n;
}

int
vocab_field_index(const struct mc_kind *k, const char *name)
{
	for (size_t i = 0; i < vocab_nfields(k); i++)
		if (strcmp(k->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

const struct mc_field *
vocab_field_of_type(const struct mc_kind *k, enum mc_field_type type)
{
	for (size_t i = 0; i < vocab_nfields(k); i++)
		if (k->fields[i].type == type)
			return &k->fields[i];
	return NULL;
}

const struct mc_choice *
vocab_choice(const struct mc_field *f, const char *value)
{
	for (size_t i = 0; value != NULL && i < MC_CHOICES_MAX &&
	    f->choices[i].value != NULL; i++)
		if (strcmp(f->choices[i].value, value) == 0)
			return &f->choices[i];
	return NULL;
}

size_t
vocab_nchoices(const struct mc_field *f)
{
	size_t n = 0;

	while (n < MC_CHOICES_MAX && f->choices[n].value != NULL)
		n++;
	return n;
}

char *
vocab_path(const struct mc_field *f, char *buf, size_t n)
{
	snprintf(buf, n, "$.%s", f->name);
	return buf;
}

char *
vocab_step_names(char *buf, size_t n)
{
	const char *last = NULL;
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < MC_KIND_COUNT; i++) {
		if (kinds[i].action == NULL)
			continue;
		if (last != NULL)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? ", " : "",
			    last);
		if (used >= n)
			return buf;
		last = kinds[i].name;
	}
	if (last != NULL)
		/* TRANSLATORS: before the last of a list of names */
		snprintf(buf + used, n - used, "%s%s", used ? _(" or ") : "", last);
	return buf;
}

char *
vocab_fill(const char *tmpl, const char *const *args, int nargs, char *buf, size_t n)
{
	size_t used = 0;
	int next = 0;

	for (const char *p = tmpl; *p != '\0' && used + 1 < n; p++) {
		const char *arg = NULL, *q = p + 1;
		int k = -1;

		if (*p == '%' && q[0] == 's')
			k = next++;
		else if (*p == '%' && q[0] >= '1' && q[0] <= '9' && q[1] == '$' && q[2] == 's')
			k = q[0] - '1';
		else if (*p == '%' && q[0] == '%')
			arg = "%";
		if (k >= 0)
			arg = k < nargs && args[k] != NULL ? args[k] : "";
		if (arg == NULL) {
			buf[used++] = *p;
			continue;
		}
		used += (size_t)snprintf(buf + used, n - used, "%s", arg);
		if (used >= n)
			used = n - 1;
		p += k >= 0 && q[0] != 's' ? 3 : 1;
	}
	buf[used < n ? used : n - 1] = '\0';
	return buf;
}

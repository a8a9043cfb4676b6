/* test_vocab.c — the tables of statuses and event kinds (vocab.h) hold
 * together: every label has its Vietnamese translation in po/vi.po, every
 * status a kind names exists, every field a field depends on exists, every
 * status says what the report counts it as; and the small helpers every
 * layer uses. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/vocab.h"
#include "tap.h"

/* po/vi.po's entries, msgid → msgstr (a plain reader: enough for po). */
struct entry {
	char *id, *str;
};
static struct entry *entries;
static size_t nentries;

/* The text of a quoted po line ("…" with \" \\ \n escapes) appended to s. */
static void
append_quoted(char **s, const char *line)
{
	const char *p = strchr(line, '"');
	size_t len = *s != NULL ? strlen(*s) : 0;
	char *out;

	if (p == NULL)
		return;
	if ((out = realloc(*s, len + strlen(p) + 1)) == NULL)
		exit(99);
	for (p++; *p != '\0' && *p != '"'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			out[len++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
		} else {
			out[len++] = *p;
		}
	}
	out[len] = '\0';
	*s = out;
}

static void
read_po(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	char **cur = NULL;

	if (f == NULL) {
		printf("Bail out! cannot read %s\n", path);
		exit(1);
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, "msgid ", 6) == 0) {
			if ((entries = realloc(entries, (nentries + 1) * sizeof *entries)) == NULL)
				exit(99);
			entries[nentries] = (struct entry){NULL, NULL};
			cur = &entries[nentries++].id;
			append_quoted(cur, line);
		} else if (strncmp(line, "msgstr ", 7) == 0 && nentries > 0) {
			cur = &entries[nentries - 1].str;
			append_quoted(cur, line);
		} else if (line[0] == '"' && cur != NULL) {
			append_quoted(cur, line);
		} else {
			cur = NULL;
		}
	}
	fclose(f);
}

/* The Vietnamese of msgid, or NULL when it has none. */
static const char *
vi(const char *msgid)
{
	for (size_t i = 0; i < nentries; i++)
		if (entries[i].id != NULL && strcmp(entries[i].id, msgid) == 0)
			return entries[i].str != NULL && entries[i].str[0] != '\0' ?
			    entries[i].str : NULL;
	return NULL;
}

static void
translated(const char *msgid, const char *what)
{
	if (msgid != NULL)
		ok(vi(msgid) != NULL, "%s \"%s\" has a Vietnamese translation", what, msgid);
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char path[4096], buf[256];

	snprintf(path, sizeof path, "%s/po/vi.po", top != NULL ? top : ".");
	read_po(path);
	ok(nentries > 100, "po/vi.po read (%zu entries)", nentries);

	/* statuses */
	for (size_t i = 0; i < mc_nstatuses; i++) {
		const struct mc_status *s = &mc_statuses[i];

		translated(s->label, "status label");
		ok(vocab_status(s->name) == s, "status %s found by its name", s->name);
	}
	ok(vocab_status("nonsense") == NULL, "an unknown status is NULL");
	is_str(vocab_status_label("nonsense"), "nonsense", "an unknown status shows its name");
	ok(vocab_status_paused() != NULL && vocab_status_paused()->paused &&
	    vocab_status_paused()->phase == MC_PHASE_OPEN, "the paused status is open");
	is_str(vocab_status_sql(MC_PHASE_OPEN, false, buf, sizeof buf),
	    "('received', 'processing', 'transferred', 'paused')", "the open statuses as SQL");
	is_str(vocab_status_sql(MC_PHASE_OPEN, true, buf, sizeof buf),
	    "('received', 'processing', 'transferred')", "the running ones");
	is_str(vocab_status_sql(MC_PHASE_READY, false, buf, sizeof buf), "('result_ready')",
	    "the ready one");

	/* what the period's figures make of each status (report.h) */
	for (size_t i = 0; i < mc_nstatuses; i++) {
		const struct mc_status *s = &mc_statuses[i];
		unsigned r = (unsigned)s->report;

		ok(r == MC_REPORT_COUNTED || r == MC_REPORT_WITHDRAWN ||
		    r == MC_REPORT_REFUSED || r == MC_REPORT_VOID || r == MC_REPORT_STOPPED,
		    "status %s: its report role is set, one of the five", s->name);
		ok(s->phase == MC_PHASE_FINAL || r == MC_REPORT_COUNTED,
		    "status %s: a dossier still worked on is counted by its times", s->name);
	}
	is_str(vocab_report_sql(MC_REPORT_UNRECEIVED, buf, sizeof buf),
	    "('refused', 'cancelled')", "never received: refused at the counter, cancelled");
	is_str(vocab_report_sql(MC_REPORT_WITHDRAWN, buf, sizeof buf), "('withdrawn')",
	    "counted as withdrawn");
	is_str(vocab_report_sql(MC_REPORT_REFUSED, buf, sizeof buf), "('refused')",
	    "counted as refused");
	is_str(vocab_report_sql(MC_REPORT_VOID, buf, sizeof buf), "('cancelled')",
	    "counted nowhere");
	is_str(vocab_report_sql(MC_REPORT_COUNTED, buf, sizeof buf), "('received', "
	    "'processing', 'transferred', 'paused', 'result_ready', 'returned')",
	    "counted by their times");
	is_str(vocab_report_sql(0, buf, sizeof buf), "('')", "no role: a list of none");
	ok(vocab_status(vocab_kind(MC_KIND_WITHDRAW)->to)->report == MC_REPORT_WITHDRAWN,
	    "the withdraw step leads to a status counted as withdrawn");
	ok(vocab_status(vocab_kind(MC_KIND_REFUSE)->to)->report == MC_REPORT_REFUSED,
	    "the refuse step leads to a status counted as refused");
	is_str(vocab_report_sql(MC_REPORT_STOPPED, buf, sizeof buf), "('stopped')",
	    "counted as stopped");
	ok(vocab_status(vocab_kind(MC_KIND_STOP)->to)->report == MC_REPORT_STOPPED &&
	    vocab_status(vocab_kind(MC_KIND_STOP)->to)->phase == MC_PHASE_FINAL,
	    "the stop step closes the dossier, counted apart");
	ok(vocab_status(vocab_kind(MC_KIND_CANCEL)->to)->report == MC_REPORT_VOID,
	    "the cancel step leads to a status counted nowhere");
	ok(vocab_status(vocab_kind(MC_KIND_RETURN)->to)->report == MC_REPORT_COUNTED,
	    "the return step leads to a counted status (where the ratings are)");

	/* kinds */
	for (int k = 0; k < MC_KIND_COUNT; k++) {
		const struct mc_kind *kind = vocab_kind((enum mc_kind_id)k);
		size_t nfrom = 0;

		ok(kind != NULL && kind->id == (enum mc_kind_id)k, "kind %d is at its id", k);
		ok(vocab_kind_named(kind->name) == kind, "kind %s found by its name",
		    kind->name);
		translated(kind->label, "kind label");
		translated(kind->action, "action label");
		translated(kind->role_refusal, "role refusal");
		translated(kind->form_title, "form title");
		ok(kind->role == MC_ROLE_OFFICER || kind->role_refusal != NULL,
		    "%s: a role beyond an officer's says why", kind->name);
		for (size_t i = 0; i < sizeof kind->from / sizeof kind->from[0] &&
		    kind->from[i] != NULL; i++, nfrom++)
			ok(vocab_status(kind->from[i]) != NULL, "%s: from %s, a status",
			    kind->name, kind->from[i]);
		ok(kind->action == NULL || nfrom > 0, "%s: a step applies from some status",
		    kind->name);
		ok(kind->to == NULL || vocab_status(kind->to) != NULL, "%s: leads to a status "
		    "(%s)", kind->name, kind->to != NULL ? kind->to : "unchanged");
		ok(!(kind->back && kind->to != NULL), "%s: back or to, not both", kind->name);
		for (size_t i = 0; i < sizeof kind->refusals / sizeof kind->refusals[0] &&
		    kind->refusals[i].text != NULL; i++) {
			translated(kind->refusals[i].text, "refusal");
			ok(kind->refusals[i].status == NULL ||
			    vocab_status(kind->refusals[i].status) != NULL,
			    "%s: a refusal from a status that exists", kind->name);
		}
		for (size_t i = 0; i < vocab_nfields(kind); i++) {
			const struct mc_field *f = &kind->fields[i];

			ok(vocab_field_index(kind, f->name) == (int)i, "%s.%s: found by name",
			    kind->name, f->name);
			if (!f->computed && kind->action != NULL) {
				translated(f->label, "field label");
				ok(f->label != NULL, "%s.%s: asked, so labelled", kind->name,
				    f->name);
			}
			translated(f->noun, "field noun");
			translated(f->missing, "field message");
			translated(f->bad, "field message");
			translated(f->phrase, "timeline phrase");
			ok(f->need != MC_NEED_YES || f->noun != NULL || f->missing != NULL,
			    "%s.%s: required, so it can say it is missing", kind->name, f->name);
			ok(f->type != MC_FT_TEXT || f->computed || f->max > 0,
			    "%s.%s: text has a limit", kind->name, f->name);
			if (f->need == MC_NEED_IF || f->need == MC_NEED_WITH)
				ok(f->when != NULL && vocab_field_index(kind, f->when) >= 0 &&
				    vocab_field_index(kind, f->when) < (int)i,
				    "%s.%s: depends on an earlier field", kind->name, f->name);
			if (f->need == MC_NEED_IF)
				ok(vocab_choice(&kind->fields[vocab_field_index(kind, f->when)],
				    f->when_value) != NULL, "%s.%s: on one of its values",
				    kind->name, f->name);
			if (f->type == MC_FT_ENUM) {
				ok(f->choices[0].value != NULL && f->choices[1].value != NULL,
				    "%s.%s: choices", kind->name, f->name);
				for (int c = 0; c < MC_CHOICES_MAX && f->choices[c].value; c++) {
					translated(f->choices[c].label, "choice");
					ok(vocab_choice(f, f->choices[c].value) == &f->choices[c],
					    "%s.%s: choice %s", kind->name, f->name,
					    f->choices[c].value);
				}
			}
		}
	}
	/* what the reports and forms read of the kinds */
	{
		const struct mc_field *rating = vocab_field_of_type(vocab_kind(MC_KIND_RETURN),
		    MC_FT_ENUM);
		const struct mc_field *outcome = vocab_field_of_type(
		    vocab_kind(MC_KIND_RESULT), MC_FT_ENUM);
		const struct mc_kind *guide = vocab_kind(MC_KIND_GUIDE);
		int refusing = 0;
		bool elsewhere = false;

		ok(rating != NULL && vocab_nchoices(rating) == 3, "the return's rating: "
		    "three choices");
		is_str(rating != NULL ? vocab_path(rating, buf, sizeof buf) : "", "$.rating",
		    "the rating's path in the body");
		for (size_t i = 0; outcome != NULL && i < vocab_nchoices(outcome); i++)
			if (outcome->choices[i].refuses) {
				refusing++;
				is_str(outcome->choices[i].value, vocab_kind(MC_KIND_RESULT)->
				    fields[vocab_field_index(vocab_kind(MC_KIND_RESULT),
				    "reason")].when_value, "the refusing outcome is the one "
				    "that needs a reason");
			}
		is_int(refusing, 1, "one outcome of a result refuses the request");
		for (int k = 0; k < MC_KIND_COUNT; k++) {
			const struct mc_kind *kind = vocab_kind((enum mc_kind_id)k);

			for (size_t i = 0; k != MC_KIND_RESULT && i < vocab_nfields(kind); i++)
				for (size_t c = 0; c < MC_CHOICES_MAX; c++)
					elsewhere = elsewhere || kind->fields[i].choices[c].refuses;
		}
		ok(!elsewhere, "only a result's outcome refuses");
		ok(vocab_nfields(guide) == 1 && guide->fields[0].computed &&
		    guide->fields[0].hidden, "the guidance: one field, written by the "
		    "core, not in the timeline");
		is_str(vocab_path(&guide->fields[0], buf, sizeof buf), "$.procedure.field",
		    "the guidance is counted by its procedure's field");
	}
	/* the action list's letters: one per step, the same whatever the
	 * status, none the control sheet's p */
	{
		bool seen[26] = {false}, good = true;
		int steps = 0;

		for (int k = 0; k < MC_KIND_COUNT; k++) {
			const struct mc_kind *kind = vocab_kind((enum mc_kind_id)k);

			if (kind->action == NULL) {
				good = good && kind->key == 0;
				continue;
			}
			steps++;
			if (kind->key < 'a' || kind->key > 'z' || kind->key == 'p' ||
			    seen[kind->key - 'a']) {
				printf("# %s: key %d\n", kind->name, kind->key);
				good = false;
				continue;
			}
			seen[kind->key - 'a'] = true;
			good = good && vocab_kind_keyed(kind->key) == kind;
		}
		ok(good && steps == 12, "every step has its own letter, none p; no other "
		    "kind has one (%d steps)", steps);
		ok(vocab_kind_keyed('x') == vocab_kind(MC_KIND_APOLOGIZE),
		    "x is the apology (xin lỗi)");
		ok(vocab_kind_keyed('s') == vocab_kind(MC_KIND_STOP),
		    "s is the stop (dừng giải quyết)");
		ok(vocab_kind_keyed('p') == NULL && vocab_kind_keyed(0) == NULL,
		    "p and nothing are no step");
	}
	ok(vocab_kind_named("frobnicate") == NULL, "an unknown kind is NULL");
	ok(vocab_kind((enum mc_kind_id)MC_KIND_COUNT) == NULL, "out of range is NULL");
	translated(" or ", "list word");

	/* the helpers */
	is_str(vocab_step_names(buf, sizeof buf), "handover, transfer, transfer-back, pause, "
	    "resume, result, return, refuse, withdraw, cancel, apologize or stop",
	    "the step names, as the command line lists them");
	is_str(vocab_fill("%s is %s.", (const char *[]){"A", "B"}, 2, buf, sizeof buf),
	    "A is B.", "fill: in turn");
	is_str(vocab_fill("%2$s, %1$s", (const char *[]){"A", "B"}, 2, buf, sizeof buf),
	    "B, A", "fill: by position");
	is_str(vocab_fill("100%% %s", (const char *[]){"x"}, 1, buf, sizeof buf), "100% x",
	    "fill: %%");
	is_str(vocab_fill("%s and %s", (const char *[]){"A"}, 1, buf, sizeof buf), "A and ",
	    "fill: a missing argument is empty");
	is_str(vocab_fill("abcdef %s", (const char *[]){"ghijkl"}, 1, buf, 8), "abcdef ",
	    "fill: cut to the buffer");

	for (size_t i = 0; i < nentries; i++) {
		free(entries[i].id);
		free(entries[i].str);
	}
	free(entries);
	return tap_done();
}

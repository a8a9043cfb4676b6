/* slip.c — the forms handed to the citizen (Mẫu 01, Mẫu 02), from templates.
 *
 * The data comes from the event that the form documents (a "receive" or a
 * "guide" event), read with SQLite's JSON functions, so the slip shows what
 * was recorded that day even if the catalog changed since.  The template
 * language is in slip.h; layout is by display width, so Vietnamese letters
 * (two or three bytes) take one column. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "motcua/calendar.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"
#include "motcua/slip.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"

/* The compiled-in templates (data/templates/, build-aux/text2c.sh). */
extern const char slip_mau01_txt[];
extern const char slip_mau02_txt[];

#define SLIP_MAX_TEMPLATE (256 * 1024)
#define SLIP_MAX_TOKENS 64
#define SLIP_MAX_WIDTH 200

/* ---- the values a template can name ------------------------------------ */

enum slip_var {
	V_UNIT_NAME, V_UNIT_UPPER, V_UNIT_ADDRESS, V_UNIT_CODE, V_UNIT_PHONE,
	V_PLACE, V_DAY, V_MONTH, V_YEAR, V_COPY, V_CODE, V_NUMBER,
	V_APPLICANT, V_APPLICANT_ID, V_BIRTH_DATE, V_ADDRESS, V_PHONE, V_EMAIL,
	V_PROCEDURE, V_PROCEDURE_CODE, V_FIELD, V_TIME_LIMIT, V_RECEIVED_TIME,
	V_DUE_TIME, V_DELIVERY, V_FEE, V_COUNT, V_BOOK, V_SEQ, V_OFFICER,
	V_NVARS
};

/* Keep in the order of enum slip_var; the list is documented in slip.h. */
static const char *const slip_var_names[V_NVARS] = {
	"unit_name", "unit_upper", "unit_address", "unit_code", "unit_phone",
	"place", "day", "month", "year", "copy", "code", "number",
	"applicant", "applicant_id", "birth_date", "address", "phone", "email",
	"procedure", "procedure_code", "field", "time_limit", "received_time",
	"due_time", "delivery", "fee", "count", "book", "seq", "officer",
};

struct slip_doc {
	char *name, *form, *quantity;
	char n[16];
};

struct slip_data {
	char *v[V_NVARS];	/* never NULL once loaded: "" when unknown */
	struct slip_doc *docs;
	size_t ndocs;
	const char *tname;	/* the template's file name, for messages */
};

static void
slip_data_free(struct slip_data *d)
{
	for (int i = 0; i < V_NVARS; i++)
		free(d->v[i]);
	for (size_t i = 0; i < d->ndocs; i++) {
		free(d->docs[i].name);
		free(d->docs[i].form);
		free(d->docs[i].quantity);
	}
	free(d->docs);
	memset(d, 0, sizeof *d);
}

/* Set a value (a copy of s, "" for NULL); -1 if out of memory. */
static int
slip_set(struct slip_data *d, enum slip_var v, const char *s)
{
	char *c = strdup(s != NULL ? s : "");

	if (c == NULL)
		return -1;
	free(d->v[v]);
	d->v[v] = c;
	return 0;
}

/* ---- an output buffer ---------------------------------------------------- */

struct slip_buf {
	char *p;
	size_t len, cap;
	bool oom;
};

static void
slip_add(struct slip_buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = realloc(b->p, cap)) == NULL) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
slip_adds(struct slip_buf *b, const char *s)
{
	slip_add(b, s, strlen(s));
}

static void
slip_spaces(struct slip_buf *b, size_t n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;

		slip_add(b, sp, k);
		n -= k;
	}
}

/* ---- display width --------------------------------------------------------
 * Values are NFC, so a Vietnamese letter is one code point and one column;
 * combining marks (left in text typed decomposed) take none. */

static size_t
slip_cp_len(const unsigned char *s)
{
	if (*s < 0x80)
		return 1;
	if ((*s & 0xe0) == 0xc0)
		return 2;
	if ((*s & 0xf0) == 0xe0)
		return 3;
	if ((*s & 0xf8) == 0xf0)
		return 4;
	return 1;
}

static bool
slip_combining(const unsigned char *s)
{
	/* U+0300..U+036F are CC 80 .. CD AF in UTF-8 */
	return (s[0] == 0xcc && s[1] >= 0x80) || (s[0] == 0xcd && s[1] <= 0xaf);
}

static size_t
slip_cols(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t w = 0;

	while (p < end) {
		size_t k = slip_cp_len(p);

		if (k > (size_t)(end - p))
			k = (size_t)(end - p);
		if (!(k == 2 && slip_combining(p)))
			w++;
		p += k;
	}
	return w;
}

/* Bytes of s (length n) that fit in `cols` columns (at least one code
 * point, so a hard break always advances). */
static size_t
slip_fit(const char *s, size_t n, size_t cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, w = 0;

	while (i < n) {
		size_t k = slip_cp_len(p + i);

		if (k > n - i)
			k = n - i;
		if (!(k == 2 && slip_combining(p + i))) {
			if (w == cols && i > 0)
				break;
			w++;
		}
		i += k;
	}
	return i;
}

/* ---- the template language ----------------------------------------------- */

struct slip_seg {
	const char *s;	/* points into the value */
	size_t n;
};

struct slip_tok {
	const char *lit;	/* literal text, or NULL for a field */
	size_t litlen;
	const char *val;	/* the field's value */
	size_t width;		/* 0: as is, on the first line only */
	char align;		/* '<', '^' or '>' */
	struct slip_seg *segs;
	size_t nsegs;
};

/* Split a value into lines of at most `width` columns, on spaces, breaking
 * a word only when it is longer than a line. */
static int
slip_wrap(struct slip_tok *t)
{
	const char *s = t->val;
	size_t n = strlen(s), i = 0, cap = 4;

	t->nsegs = 0;
	if ((t->segs = malloc(cap * sizeof *t->segs)) == NULL)
		return -1;
	while (i < n) {
		size_t start, len = 0, w = 0;

		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		start = i;
		/* take whole words while they fit; break a word only when it
		 * alone is longer than the line */
		for (;;) {
			size_t j = i, ww;

			while (j < n && s[j] != ' ')
				j++;
			ww = slip_cols(s + i, j - i);
			if (w == 0 && ww > t->width) {
				len = slip_fit(s + i, j - i, t->width);
				i = start + len;
				break;
			}
			if (w > 0 && w + 1 + ww > t->width)
				break;
			w += (w > 0) + ww;
			len = j - start;
			while (j < n && s[j] == ' ')
				j++;
			i = j;
			if (i >= n)
				break;
		}
		if (t->nsegs == cap) {
			struct slip_seg *p = realloc(t->segs, 2 * cap * sizeof *p);

			if (p == NULL)
				return -1;
			t->segs = p;
			cap *= 2;
		}
		t->segs[t->nsegs].s = s + start;
		t->segs[t->nsegs].n = len;
		t->nsegs++;
	}
	return 0;
}

static const char *
slip_doc_value(const struct slip_doc *doc, const char *name)
{
	if (strcmp(name, "n") == 0)
		return doc->n;
	if (strcmp(name, "name") == 0)
		return doc->name;
	if (strcmp(name, "form") == 0)
		return doc->form;
	if (strcmp(name, "quantity") == 0)
		return doc->quantity;
	return NULL;
}

/* The value of a {{name}}: a document's inside a block, else the form's. */
static const char *
slip_lookup(const struct slip_data *d, const struct slip_doc *doc, const char *name,
    struct mc_err *err)
{
	if (strncmp(name, "doc.", 4) == 0 && doc != NULL) {
		const char *v = slip_doc_value(doc, name + 4);

		if (v != NULL)
			return v;
	}
	for (int i = 0; i < V_NVARS; i++)
		if (strcmp(name, slip_var_names[i]) == 0)
			return d->v[i];
	if (strncmp(name, "doc.", 4) == 0 && doc == NULL) {
		err_set(err, MC_EINVAL, _("the template %s uses {{%s}} outside "
		    "{{#documents}} … {{/documents}}: correct the template"), d->tname, name);
		return NULL;
	}
	err_set(err, MC_EINVAL, _("the template %s uses {{%s}}, which is not a known "
	    "field: correct the template (the fields are listed in motcua(1))"),
	    d->tname, name);
	return NULL;
}

/* Parse "name", "name:30", "name:^30", "name:>2" (the text between the
 * braces, length n) into the token. */
static int
slip_field(const struct slip_data *d, const struct slip_doc *doc, const char *tag,
    size_t n, int lineno, struct slip_tok *t, struct mc_err *err)
{
	char name[64];
	const char *colon = memchr(tag, ':', n);
	size_t nl = colon != NULL ? (size_t)(colon - tag) : n;

	while (nl > 0 && tag[0] == ' ') {
		tag++;
		nl--;
	}
	while (nl > 0 && tag[nl - 1] == ' ')
		nl--;
	if (nl == 0 || nl >= sizeof name)
		return err_set(err, MC_EINVAL, _("the template %s has an empty or overlong "
		    "{{…}} on line %d: correct the template"), d->tname, lineno);
	memcpy(name, tag, nl);
	name[nl] = '\0';
	t->lit = NULL;
	t->width = 0;
	t->align = '<';
	if (colon != NULL) {
		const char *p = colon + 1, *end = tag + n;
		long w = 0;

		if (p < end && (*p == '<' || *p == '^' || *p == '>'))
			t->align = *p++;
		if (p == end)
			w = -1;
		for (; p < end && w >= 0; p++)
			w = *p >= '0' && *p <= '9' && w <= SLIP_MAX_WIDTH ? w * 10 + (*p - '0') : -1;
		if (w < 1 || w > SLIP_MAX_WIDTH)
			return err_set(err, MC_EINVAL, _("the template %s has a bad width in "
			    "{{%s…}} on line %d: write {{name:30}}, {{name:^30}} or "
			    "{{name:>30}} (1 to %d columns)"), d->tname, name, lineno,
			    SLIP_MAX_WIDTH);
		t->width = (size_t)w;
	}
	if ((t->val = slip_lookup(d, doc, name, err)) == NULL)
		return -1;
	return 0;
}

static void
slip_toks_free(struct slip_tok *t, int n)
{
	for (int i = 0; i < n; i++)
		free(t[i].segs);
}

/* Render one template line (without its newline).  A field with a width
 * is padded to it and wraps onto further lines under itself; literal text
 * and width-less fields appear on the first line only. */
static int
slip_line(const struct slip_data *d, const struct slip_doc *doc, const char *line,
    size_t len, int lineno, struct slip_buf *out, struct mc_err *err)
{
	struct slip_tok t[SLIP_MAX_TOKENS];
	const char *p = line, *end = line + len;
	size_t nlines = 1;
	int nt = 0, rc = -1;

	while (p < end) {
		const char *open = NULL, *close;

		for (const char *q = p; q + 1 < end; q++)
			if (q[0] == '{' && q[1] == '{') {
				open = q;
				break;
			}
		if (nt + 2 > SLIP_MAX_TOKENS) {
			err_set(err, MC_EINVAL, _("the template %s has too many fields on line "
			    "%d: split the line"), d->tname, lineno);
			goto done;
		}
		if (open == NULL) {
			memset(&t[nt], 0, sizeof t[nt]);
			t[nt].lit = p;
			t[nt++].litlen = (size_t)(end - p);
			break;
		}
		if (open > p) {
			memset(&t[nt], 0, sizeof t[nt]);
			t[nt].lit = p;
			t[nt++].litlen = (size_t)(open - p);
		}
		close = NULL;
		for (const char *q = open + 2; q + 1 < end; q++)
			if (q[0] == '}' && q[1] == '}') {
				close = q;
				break;
			}
		if (close == NULL) {
			err_set(err, MC_EINVAL, _("the template %s has a {{ without }} on line "
			    "%d: correct the template"), d->tname, lineno);
			goto done;
		}
		memset(&t[nt], 0, sizeof t[nt]);
		if (slip_field(d, doc, open + 2, (size_t)(close - open - 2), lineno, &t[nt],
		    err))
			goto done;
		nt++;
		p = close + 2;
	}
	for (int i = 0; i < nt; i++) {
		if (t[i].lit != NULL || t[i].width == 0)
			continue;
		if (slip_wrap(&t[i])) {
			err_set(err, MC_ENOMEM, _("out of memory"));
			goto done;
		}
		if (t[i].nsegs > nlines)
			nlines = t[i].nsegs;
	}
	for (size_t k = 0; k < nlines; k++) {
		size_t start = out->len;

		for (int i = 0; i < nt; i++) {
			if (t[i].lit != NULL) {
				if (k == 0)
					slip_add(out, t[i].lit, t[i].litlen);
				else
					slip_spaces(out, slip_cols(t[i].lit, t[i].litlen));
			} else if (t[i].width == 0) {
				if (k == 0)
					slip_adds(out, t[i].val);
				else
					slip_spaces(out, slip_cols(t[i].val, strlen(t[i].val)));
			} else {
				struct slip_seg s = k < t[i].nsegs ? t[i].segs[k] :
				    (struct slip_seg){"", 0};
				size_t w = slip_cols(s.s, s.n);
				size_t pad = w < t[i].width ? t[i].width - w : 0;
				size_t left = t[i].align == '>' ? pad :
				    t[i].align == '^' ? pad / 2 : 0;

				slip_spaces(out, left);
				slip_add(out, s.s, s.n);
				slip_spaces(out, pad - left);
			}
		}
		/* no trailing blanks: the padding of the last column */
		while (!out->oom && out->len > start && out->p[out->len - 1] == ' ')
			out->p[--out->len] = '\0';
		slip_add(out, "\n", 1);
	}
	rc = 0;
done:
	slip_toks_free(t, nt);
	return rc;
}

/* Is the line (ignoring blanks around) exactly this tag? */
static bool
slip_is_tag(const char *line, size_t len, const char *tag)
{
	size_t n = strlen(tag);

	while (len > 0 && (line[0] == ' ' || line[0] == '\t')) {
		line++;
		len--;
	}
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
	    line[len - 1] == '\r'))
		len--;
	return len == n && memcmp(line, tag, n) == 0;
}

/* A line that begins with {{?name}} appears only when name is not empty. */
static int
slip_cond(const struct slip_data *d, const char **line, size_t *len, int lineno,
    bool *show, struct mc_err *err)
{
	const char *close;
	char name[64];
	const char *v;
	size_t n;

	*show = true;
	if (*len < 3 || memcmp(*line, "{{?", 3) != 0)
		return 0;
	close = NULL;
	for (const char *q = *line + 3; q + 1 < *line + *len; q++)
		if (q[0] == '}' && q[1] == '}') {
			close = q;
			break;
		}
	n = close != NULL ? (size_t)(close - *line - 3) : 0;
	if (close == NULL || n == 0 || n >= sizeof name)
		return err_set(err, MC_EINVAL, _("the template %s has a bad {{?…}} on line "
		    "%d: write {{?name}} at the start of the line"), d->tname, lineno);
	memcpy(name, *line + 3, n);
	name[n] = '\0';
	if ((v = slip_lookup(d, NULL, name, err)) == NULL)
		return -1;
	*show = v[0] != '\0';
	*len -= (size_t)(close + 2 - *line);
	*line = close + 2;
	return 0;
}

static int
slip_fill(const struct slip_data *d, const char *tpl, struct slip_buf *out,
    struct mc_err *err)
{
	const char *p = tpl;
	int lineno = 0;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		const char *next = nl != NULL ? nl + 1 : p + len;
		bool show;

		lineno++;
		if (len > 0 && p[len - 1] == '\r')
			len--;	/* a template saved on Windows */
		if (slip_is_tag(p, len, "{{#documents}}")) {
			const char *body = next, *q = next, *bend = NULL;
			int first = lineno + 1, blines = 0;

			while (*q != '\0') {
				const char *e = strchr(q, '\n');
				size_t l = e != NULL ? (size_t)(e - q) : strlen(q);

				blines++;
				if (slip_is_tag(q, l, "{{/documents}}")) {
					bend = q;
					next = e != NULL ? e + 1 : q + l;
					break;
				}
				q = e != NULL ? e + 1 : q + l;
			}
			if (bend == NULL)
				return err_set(err, MC_EINVAL, _("the template %s opens "
				    "{{#documents}} on line %d without {{/documents}}: correct "
				    "the template"), d->tname, lineno);
			/* with no document the block is still checked, into nothing */
			for (size_t i = 0; i < (d->ndocs > 0 ? d->ndocs : 1); i++) {
				struct slip_buf scratch = {0};
				struct slip_buf *o = d->ndocs > 0 ? out : &scratch;
				char empty[1] = "";
				struct slip_doc none = {empty, empty, empty, ""};
				const struct slip_doc *doc = d->ndocs > 0 ? &d->docs[i] : &none;
				int ln = first;

				for (const char *r = body; r < bend; ln++) {
					const char *e = strchr(r, '\n');
					size_t l = (size_t)(e - r);	/* bend follows: e != NULL */
					const char *lp = r;

					if (l > 0 && r[l - 1] == '\r')
						l--;
					if (slip_cond(d, &lp, &l, ln, &show, err) ||
					    (show && slip_line(d, doc, lp, l, ln, o, err))) {
						free(scratch.p);
						return -1;
					}
					r = e + 1;
				}
				free(scratch.p);
			}
			lineno += blines;
			p = next;
			continue;
		}
		if (slip_cond(d, &p, &len, lineno, &show, err) ||
		    (show && slip_line(d, NULL, p, len, lineno, out, err)))
			return -1;
		p = next;
	}
	if (out->oom)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return 0;
}

/* ---- reading the event -------------------------------------------------- */

static void
slip_dir(const char *db_path, char *buf, size_t n)
{
	const char *slash = db_path != NULL ? strrchr(db_path, '/') : NULL;

	if (slash == NULL)
		snprintf(buf, n, ".");
	else if (slash == db_path)
		snprintf(buf, n, "/");
	else
		snprintf(buf, n, "%.*s", (int)(slash - db_path), db_path);
}

/* The template: <dir of db>/templates/<file> if there is one, else the
 * built-in text.  *tpl is malloc'd; tname names it in messages. */
static int
slip_template(const char *db_path, const char *file, const char *builtin, char **tpl,
    char *tname, size_t tn, struct mc_err *err)
{
	char dir[PATH_MAX], path[PATH_MAX + 64];
	FILE *f;
	size_t n;

	*tpl = NULL;
	snprintf(tname, tn, _("%s (built in)"), file);
	if (db_path != NULL) {
		slip_dir(db_path, dir, sizeof dir);
		snprintf(path, sizeof path, "%s/templates/%s", dir, file);
		if ((f = fopen(path, "r")) != NULL) {
			snprintf(tname, tn, "%s", path);
			if ((*tpl = malloc(SLIP_MAX_TEMPLATE + 1)) == NULL) {
				fclose(f);
				return err_set(err, MC_ENOMEM, _("out of memory"));
			}
			n = fread(*tpl, 1, SLIP_MAX_TEMPLATE + 1, f);
			if (ferror(f) || n > SLIP_MAX_TEMPLATE) {
				bool big = !ferror(f);

				fclose(f);
				free(*tpl);
				*tpl = NULL;
				return big ? err_set(err, MC_EINVAL, _("the template %s is larger "
				    "than %d KiB: is it really a form?"), path,
				    SLIP_MAX_TEMPLATE / 1024) :
				    err_set(err, MC_EIO, _("cannot read the template %s"), path);
			}
			fclose(f);
			(*tpl)[n] = '\0';
			if (!vntext_valid_utf8(*tpl, n) || strlen(*tpl) != n) {
				free(*tpl);
				*tpl = NULL;
				return err_set(err, MC_EINVAL, _("the template %s is not UTF-8 "
				    "text: save it as UTF-8"), path);
			}
			return 0;
		}
		if (errno != ENOENT)
			return err_set(err, MC_EIO, _("cannot read the template %s: %s"), path,
			    strerror(errno));
	}
	if ((*tpl = strdup(builtin)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return 0;
}

static const char *
slip_form_vi(const char *form)
{
	if (form == NULL)
		return "";
	if (strcmp(form, "original") == 0)
		return "Bản chính";
	if (strcmp(form, "certified_copy") == 0)
		return "Bản sao chứng thực";
	if (strcmp(form, "copy") == 0)
		return "Bản chụp";
	return form;
}

/* "09 giờ 30 phút, ngày 20 tháng 11 năm 2026" */
static void
slip_time_vi(const char *iso, char *buf, size_t n)
{
	struct mc_time t;
	int y, m, d;

	if (iso == NULL || date_parse_time(iso, &t) != 0) {
		snprintf(buf, n, "%s", iso != NULL ? iso : "");
		return;
	}
	date_ymd(t.jdn, &y, &m, &d);
	snprintf(buf, n, "%02d giờ %02d phút, ngày %02d tháng %02d năm %04d",
	    t.min / 60, t.min % 60, d, m, y);
}

/* "3 ngày làm việc", "8 giờ làm việc", "trong ngày" */
static void
slip_limit_vi(const char *text, char *buf, size_t n)
{
	struct mc_limit l;
	struct mc_err ignored;

	if (text == NULL || calendar_limit_parse(text, &l, &ignored) != 0)
		snprintf(buf, n, "%s", text != NULL ? text : "");
	else if (l.kind == MC_LIMIT_SAMEDAY)
		snprintf(buf, n, "trong ngày");
	else
		snprintf(buf, n, "%d %s làm việc", l.n, l.kind == MC_LIMIT_HOURS ? "giờ" : "ngày");
}

/* 15000 → "15.000 đồng"; 0 → "Không" */
static void
slip_fee_vi(long long fee, char buf[64])
{
	char digits[24], out[32];
	size_t len, j = 0;

	if (fee <= 0) {
		snprintf(buf, 64, "Không");
		return;
	}
	len = (size_t)snprintf(digits, sizeof digits, "%lld", fee);
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[j++] = '.';
		out[j++] = digits[i];
	}
	out[j] = '\0';
	snprintf(buf, 64, "%s đồng", out);
}

/* "UBND xã Mỹ An" → "Mỹ An": the place written before the date. */
static const char *
slip_place(const char *unit_name)
{
	static const char *const prefixes[] = {
		"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ",
		"Trung tâm phục vụ hành chính công ", "Bộ phận một cửa ",
		"xã ", "Xã ", "phường ", "Phường ", "thị trấn ", "Thị trấn ",
		"đặc khu ", "Đặc khu ",
	};
	const char *s = unit_name;
	bool again = true;

	while (again) {
		again = false;
		for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
			size_t k = strlen(prefixes[i]);

			if (strncmp(s, prefixes[i], k) == 0 && s[k] != '\0') {
				s += k;
				again = true;
			}
		}
	}
	return s;
}

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* The documents of the form: those handed in (Mẫu 01) or those missing
 * (Mẫu 02: the body's "missing" positions, else those not handed in). */
static int
slip_docs(sqlite3 *db, const char *body, bool received, struct slip_data *d,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT json_extract(j.value, '$.name'), "
	    "json_extract(j.value, '$.form'), json_extract(j.value, '$.quantity') "
	    "FROM json_each(?1, '$.procedure.documents') AS j WHERE CASE "
	    "WHEN ?2 THEN coalesce(json_extract(j.value, '$.received'), 0) "
	    "WHEN json_type(?1, '$.missing') = 'array' THEN "
	    "json_extract(j.value, '$.position') IN "
	    "(SELECT m.value FROM json_each(?1, '$.missing') AS m) "
	    "ELSE NOT coalesce(json_extract(j.value, '$.received'), 0) END "
	    "ORDER BY CAST(j.key AS INTEGER)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, received);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct slip_doc *p = realloc(d->docs, (d->ndocs + 1) * sizeof *p), *doc;
		char q[16];

		if (p == NULL)
			break;
		d->docs = p;
		doc = &d->docs[d->ndocs];
		memset(doc, 0, sizeof *doc);
		d->ndocs++;
		snprintf(doc->n, sizeof doc->n, "%zu", d->ndocs);
		snprintf(q, sizeof q, "%02d", sqlite3_column_int(st, 2));
		doc->name = strdup(col(st, 0) != NULL ? col(st, 0) : "");
		doc->form = strdup(slip_form_vi(col(st, 1)));
		doc->quantity = strdup(q);
		if (doc->name == NULL || doc->form == NULL || doc->quantity == NULL)
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the documents of the form"));
	return 0;
}

/* Load the event that the form documents.  kind "receive": key is a
 * dossier code; kind "guide": key is the guidance id.  Returns 1 if there
 * is no such event. */
static int
slip_load(sqlite3 *db, const char *kind, const char *key, enum slip_form form,
    struct slip_data *d, struct mc_err *err)
{
	static const char sql[] =
	    "SELECT json_extract(e.body, '$.code'), "		/* 0 */
	    "json_extract(e.body, '$.procedure.code'), "
	    "json_extract(e.body, '$.procedure.name'), "
	    "json_extract(e.body, '$.procedure.field'), "
	    "json_extract(e.body, '$.procedure.time_limit'), "
	    "json_extract(e.body, '$.procedure.fee'), "		/* 5 */
	    "json_extract(e.body, '$.applicant.name'), "
	    "json_extract(e.body, '$.applicant.id'), "
	    "json_extract(e.body, '$.applicant.birth_date'), "
	    "json_extract(e.body, '$.applicant.phone'), "
	    "json_extract(e.body, '$.applicant.address'), "	/* 10 */
	    "json_extract(e.body, '$.applicant.email'), "
	    "json_extract(e.body, '$.delivery'), "
	    "coalesce(json_extract(e.body, '$.received'), e.at), "
	    "json_extract(e.body, '$.due'), "
	    "coalesce(o.full_name, e.officer), "			/* 15 */
	    "e.body, "
	    /* a guidance's number: the station's block (station 2 → 2001…),
	     * counted within the year, as dossier codes are */
	    "coalesce((SELECT s.number FROM station AS s WHERE s.id = e.origin), 0) "
	    "* 1000 + (SELECT count(*) FROM event AS g WHERE g.origin = e.origin "
	    "AND g.kind = e.kind AND substr(g.at, 1, 4) = substr(e.at, 1, 4) "
	    "AND g.seq <= e.seq) "
	    "FROM event AS e LEFT JOIN officer AS o ON o.username = e.officer "
	    "WHERE e.kind = ?2 AND e.dossier = CASE ?2 WHEN 'receive' THEN "
	    "(SELECT id FROM dossier WHERE code = ?1) ELSE ?1 END "
	    "ORDER BY e.at, e.origin, e.seq LIMIT 1";
	char buf[256], limit[64], fee[64], number[24];
	const char *code, *received;
	struct mc_time at;
	sqlite3_stmt *st;
	int y, m, dd, rc;
	size_t clen;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 1 : db_fail(db, err, _("reading the form's data"));
	}
	code = col(st, 0) != NULL ? col(st, 0) : "";
	received = col(st, 13);
	slip_limit_vi(col(st, 4), limit, sizeof limit);
	slip_fee_vi(sqlite3_column_int64(st, 5), fee);
	clen = strlen(code);
	rc = slip_set(d, V_CODE, code) ||
	    slip_set(d, V_PROCEDURE_CODE, col(st, 1)) ||
	    slip_set(d, V_PROCEDURE, col(st, 2)) ||
	    slip_set(d, V_FIELD, col(st, 3)) ||
	    slip_set(d, V_TIME_LIMIT, limit) ||
	    slip_set(d, V_FEE, fee) ||
	    slip_set(d, V_APPLICANT, col(st, 6)) ||
	    slip_set(d, V_APPLICANT_ID, col(st, 7)) ||
	    slip_set(d, V_BIRTH_DATE, col(st, 8)) ||
	    slip_set(d, V_PHONE, col(st, 9)) ||
	    slip_set(d, V_ADDRESS, col(st, 10)) ||
	    slip_set(d, V_EMAIL, col(st, 11)) ||
	    slip_set(d, V_DELIVERY, col(st, 12) != NULL && strcmp(col(st, 12), "post") == 0 ?
	    "Qua dịch vụ bưu chính" : "Bộ phận tiếp nhận và trả kết quả") ||
	    slip_set(d, V_OFFICER, col(st, 15)) ||
	    slip_set(d, V_COUNT, "01") ||
	    /* Sổ theo dõi: one book a year, the code's daily number */
	    slip_set(d, V_SEQ, clen >= 4 ? code + clen - 4 : "");
	slip_time_vi(received, buf, sizeof buf);
	rc = rc || slip_set(d, V_RECEIVED_TIME, buf);
	slip_time_vi(col(st, 14), buf, sizeof buf);
	rc = rc || slip_set(d, V_DUE_TIME, col(st, 14) != NULL ? buf : "");
	snprintf(number, sizeof number, "%lld", sqlite3_column_int64(st, 17));
	rc = rc || slip_set(d, V_NUMBER, strcmp(kind, "guide") == 0 ? number :
	    clen >= 4 ? code + clen - 4 : "");
	/* the form is dated the day of the event; a supplement request for a
	 * dossier received earlier is dated today */
	if (form == SLIP_SUPPLEMENT && strcmp(kind, "receive") == 0)
		date_now(&at);
	else if (received == NULL || date_parse_time(received, &at) != 0)
		date_now(&at);
	date_ymd(at.jdn, &y, &m, &dd);
	snprintf(buf, sizeof buf, "%04d", y);
	rc = rc || slip_set(d, V_YEAR, buf) || slip_set(d, V_BOOK, buf);
	snprintf(buf, sizeof buf, "%02d", m);
	rc = rc || slip_set(d, V_MONTH, buf);
	snprintf(buf, sizeof buf, "%02d", dd);
	rc = rc || slip_set(d, V_DAY, buf);
	if (rc) {
		sqlite3_finalize(st);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	if (form == SLIP_RECEIPT && received != NULL &&
	    date_parse_time(received, &at) == 0) {
		date_ymd(at.jdn, &y, &m, &dd);
		snprintf(buf, sizeof buf, "%04d", y);
		if (slip_set(d, V_BOOK, buf)) {
			sqlite3_finalize(st);
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
	}
	rc = slip_docs(db, col(st, 16), form == SLIP_RECEIPT, d, err);
	sqlite3_finalize(st);
	return rc;
}

static int
slip_unit(sqlite3 *db, struct slip_data *d, struct mc_err *err)
{
	struct mc_unit u;
	char phone[64];
	char *upper;
	int rc;

	if (unit_get(db, &u, err))
		return -1;
	db_meta_get(db, "unit_phone", phone, sizeof phone);	/* "" when unset */
	if ((upper = vntext_upper(u.name, err)) == NULL)
		return -1;
	rc = slip_set(d, V_UNIT_NAME, u.name) || slip_set(d, V_UNIT_UPPER, upper) ||
	    slip_set(d, V_UNIT_ADDRESS, u.address) || slip_set(d, V_UNIT_CODE, u.code) ||
	    slip_set(d, V_UNIT_PHONE, phone) || slip_set(d, V_PLACE, slip_place(u.name));
	free(upper);
	return rc ? err_set(err, MC_ENOMEM, _("out of memory")) : 0;
}

char *
slip_render(sqlite3 *db, const char *db_path, enum slip_form form, const char *key,
    struct mc_err *err)
{
	static const char *const copies[] = {"(Liên 1: Lưu)", "(Liên 2: Giao khách hàng)"};
	struct slip_data d;
	struct slip_buf out = {0};
	char tname[PATH_MAX + 64];
	char *tpl = NULL;
	int rc;

	memset(&d, 0, sizeof d);
	if (key == NULL || key[0] == '\0') {
		err_set(err, MC_EINVAL, _("no dossier code given: name the dossier by its "
		    "code (see 'motcua list')"));
		return NULL;
	}
	for (int i = 0; i < V_NVARS; i++)
		if (slip_set(&d, (enum slip_var)i, "")) {
			err_set(err, MC_ENOMEM, _("out of memory"));
			goto fail;
		}
	if (slip_unit(db, &d, err))
		goto fail;
	if (form == SLIP_RECEIPT) {
		if ((rc = slip_load(db, "receive", key, form, &d, err)) != 0) {
			if (rc > 0)
				err_set(err, MC_ENOTFOUND, _("no dossier has the code %s: check "
				    "the code (see 'motcua list')"), key);
			goto fail;
		}
	} else {
		rc = slip_load(db, "guide", key, form, &d, err);
		if (rc > 0)
			rc = slip_load(db, "receive", key, form, &d, err);
		if (rc != 0) {
			if (rc > 0)
				err_set(err, MC_ENOTFOUND, _("there is no guidance or dossier %s: "
				    "give the number printed by 'motcua guide', or a dossier "
				    "code"), key);
			goto fail;
		}
		if (d.ndocs == 0) {
			err_set(err, MC_EINVAL, _("nothing is missing from %s: every document "
			    "was handed in, no supplement request is needed"), key);
			goto fail;
		}
	}
	if (slip_template(db_path, form == SLIP_RECEIPT ? "mau01.txt" : "mau02.txt",
	    form == SLIP_RECEIPT ? slip_mau01_txt : slip_mau02_txt, &tpl, tname,
	    sizeof tname, err))
		goto fail;
	d.tname = tname;
	/* Mẫu 01 is printed twice: the counter keeps one copy, the citizen
	 * takes the other.  A form feed starts each copy on its own sheet; the
	 * cut line serves printers on a roll. */
	for (size_t i = 0; i < (form == SLIP_RECEIPT ? 2u : 1u); i++) {
		if (i > 0)
			slip_adds(&out, "\n- - - - - - - - - - - - - - - - - - - - - - - - - - - - "
			    "- - - - - - - - - -\n\f");
		if (slip_set(&d, V_COPY, form == SLIP_RECEIPT ? copies[i] : "")) {
			err_set(err, MC_ENOMEM, _("out of memory"));
			goto fail;
		}
		if (slip_fill(&d, tpl, &out, err))
			goto fail;
	}
	if (out.oom || out.p == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto fail;
	}
	free(tpl);
	slip_data_free(&d);
	return out.p;
fail:
	free(out.p);
	free(tpl);
	slip_data_free(&d);
	return NULL;
}

/* ---- saving ------------------------------------------------------------- */

static int
slip_fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	if (close(fd) != 0)
		rc = -1;
	return rc;
}

int
slip_save(const char *db_path, const char *name, const char *text, char *path_out,
    size_t n, struct mc_err *err)
{
	char base[PATH_MAX], dir[PATH_MAX + 8], tmp[PATH_MAX * 2], path[PATH_MAX * 2];
	size_t len = text != NULL ? strlen(text) : 0, done = 0;
	int fd, saved;

	if (path_out != NULL && n > 0)
		path_out[0] = '\0';
	if (db_path == NULL || text == NULL)
		return err_set(err, MC_EINVAL, _("no database path: the slips folder is "
		    "beside the database"));
	/* a name, not a path: "../x" or "a/b" would leave the folder */
	if (name == NULL || name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL)
		return err_set(err, MC_EINVAL, _("'%s' is not a valid slip name: use letters, "
		    "digits, dots and dashes"), name != NULL ? name : "");
	slip_dir(db_path, base, sizeof base);
	snprintf(dir, sizeof dir, "%s/slips", base);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return err_set(err, MC_EIO, _("cannot create the folder %s: %s: check the "
		    "permissions of %s"), dir, strerror(errno), base);
	snprintf(path, sizeof path, "%s/%s.txt", dir, name);
	snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, name);
	if ((fd = mkstemp(tmp)) < 0)
		return err_set(err, MC_EIO, _("cannot write in %s: %s: check the folder's "
		    "permissions and free space; the record is safe, save the slip again "
		    "later"), dir, strerror(errno));
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		done += (size_t)w;
	}
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	/* the rename itself must reach the disk before we say "saved" */
	if (slip_fsync_dir(dir) != 0)
		return err_set(err, MC_EIO, _("cannot flush the folder %s: %s: check the "
		    "disk"), dir, strerror(errno));
	if (path_out != NULL)
		snprintf(path_out, n, "%s", path);
	return 0;
fail:
	saved = errno != 0 ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return err_set(err, MC_EIO, _("cannot write the slip %s: %s: free some disk "
	    "space or check the folder's permissions; the record is safe, save the "
	    "slip again later"), path, strerror(saved));
}

/* ---- printing ----------------------------------------------------------- */

#define SLIP_MAX_ARGS 32

int
slip_print(sqlite3 *db, const char *path, struct mc_err *err)
{
	char cmd[1024], words[1024], logpath[PATH_MAX + 32], base[PATH_MAX];
	char *argv[SLIP_MAX_ARGS + 2];
	const char *dbfile;
	int argc = 0, status, pipefd[2], child_errno = 0;
	ssize_t r;
	pid_t pid;

	if (path == NULL || access(path, R_OK) != 0)
		return err_set(err, MC_ENOTFOUND, _("there is no slip file %s to print: save "
		    "the slip first"), path != NULL ? path : "");
	if (setting_get(db, "print_command", cmd, sizeof cmd) != 0 || cmd[0] == '\0')
		return err_set(err, MC_EINVAL, _("no print command is set: set one with "
		    "'motcua setting set print_command lp'"));
	/* words separated by spaces, no shell: a file name never becomes code */
	snprintf(words, sizeof words, "%s", cmd);
	for (char *save = NULL, *w = strtok_r(words, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		if (argc == SLIP_MAX_ARGS)
			return err_set(err, MC_EINVAL, _("the print command has more than %d "
			    "words: shorten it"), SLIP_MAX_ARGS);
		argv[argc++] = w;
	}
	if (argc == 0)
		return err_set(err, MC_EINVAL, _("no print command is set: set one with "
		    "'motcua setting set print_command lp'"));
	argv[argc++] = (char *)path;
	argv[argc] = NULL;

	/* the command's chatter goes to a log beside the database, never onto
	 * the officer's screen */
	dbfile = sqlite3_db_filename(db, "main");
	snprintf(logpath, sizeof logpath, "/dev/null");
	if (dbfile != NULL && dbfile[0] != '\0') {
		slip_dir(dbfile, base, sizeof base);
		snprintf(logpath, sizeof logpath, "%s/print.log", base);
	}
	/* the child reports a failed exec through a close-on-exec pipe */
	if (pipe2(pipefd, O_CLOEXEC) != 0)
		return err_set(err, MC_EIO, _("printing failed (%s): check the printer, or "
		    "print the slip later with 'motcua slip CODE --print'"), strerror(errno));
	fflush(NULL);
	if ((pid = fork()) < 0) {
		int e = errno;

		close(pipefd[0]);
		close(pipefd[1]);
		return err_set(err, MC_EIO, _("printing failed (%s): check the printer, or "
		    "print the slip later with 'motcua slip CODE --print'"), strerror(e));
	}
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int out = open(logpath, O_WRONLY | O_CREAT | O_APPEND, 0600);
		int e;

		if (out < 0)
			out = open("/dev/null", O_WRONLY);
		if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
		    dup2(out, 2) < 0) {
			e = errno;
			if (write(pipefd[1], &e, sizeof e) < 0)
				_exit(127);
			_exit(127);
		}
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		e = errno;
		if (write(pipefd[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	close(pipefd[1]);
	while ((r = read(pipefd[0], &child_errno, sizeof child_errno)) < 0 && errno == EINTR)
		;
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return err_set(err, MC_EIO, _("printing failed (%s): check the printer, "
			    "or print the slip later with 'motcua slip CODE --print'"),
			    strerror(errno));
	if (r == (ssize_t)sizeof child_errno) {
		char why[512];

		snprintf(why, sizeof why, _("cannot run %s: %s"), argv[0],
		    strerror(child_errno));
		return err_set(err, MC_EIO, _("printing failed (%s): check the printer, or "
		    "print the slip later with 'motcua slip CODE --print'"), why);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		char why[512];

		if (WIFEXITED(status))
			snprintf(why, sizeof why, _("%s exited with status %d, see %s"), argv[0],
			    WEXITSTATUS(status), logpath);
		else
			snprintf(why, sizeof why, _("%s was stopped by signal %d"), argv[0],
			    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		return err_set(err, MC_EIO, _("printing failed (%s): check the printer, or "
		    "print the slip later with 'motcua slip CODE --print'"), why);
	}
	return 0;
}

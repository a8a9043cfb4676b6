/* slip-tpl.c — the template language of the forms (slip.h describes it).
 *
 * A template is plain text read one line at a time; {{name}} fields are
 * replaced by values, padded and wrapped by display width, so Vietnamese
 * letters (two or three bytes) take one column; blocks repeat their lines
 * once per row.  The data comes from slip.c and slip-forms.c. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/module.h"
#include "motcua/pdf.h"
#include "motcua/vntext.h"
#include "slip-int.h"

#define SLIP_MAX_TEMPLATE (256 * 1024)
#define SLIP_MAX_TOKENS 64
#define SLIP_MAX_WIDTH 200

/* ---- the values a template can name ------------------------------------ */

/* Keep in the order of enum slip_var; the list is documented in slip.h. */
static const char *const slip_var_names[V_NVARS] = {
	"unit_name", "unit_upper", "unit_address", "unit_code", "unit_phone",
	"parent_upper", "body_name", "body_upper",
	"place", "day", "month", "year", "copy", "code", "number",
	"applicant", "applicant_id", "honorific", "birth_date", "address", "phone", "email",
	"procedure", "procedure_code", "field", "time_limit", "received_time",
	"due_time", "delivery", "fee", "count", "book", "seq", "officer",
	"reason", "new_date", "agency", "fee_text", "ground",
};

/* The blocks, in the order of enum slip_block: the tag's name, the prefix
 * of its cells, and the cells ("n" first, made by slip_row_add). */
static const struct {
	const char *name, *prefix;
	const char *cells[SLIP_MAX_CELLS];
	size_t ncells;
} slip_blocks[B_NBLOCKS] = {
	{"documents", "doc.", {"n", "name", "form", "quantity"}, 4},
	{"handoffs", "h.", {"n", "agency", "time", "result", "note"}, 5},
};

void
slip_data_free(struct slip_data *d)
{
	for (int i = 0; i < V_NVARS; i++)
		free(d->v[i]);
	for (int b = 0; b < B_NBLOCKS; b++) {
		for (size_t i = 0; i < d->rows[b].nrows * slip_blocks[b].ncells; i++)
			free(d->rows[b].cells[i]);
		free(d->rows[b].cells);
	}
	memset(d, 0, sizeof *d);
}

int
slip_set(struct slip_data *d, enum slip_var v, const char *s)
{
	char *c = strdup(s != NULL ? s : "");

	if (c == NULL)
		return -1;
	free(d->v[v]);
	d->v[v] = c;
	return 0;
}

int
slip_data_init(struct slip_data *d)
{
	memset(d, 0, sizeof *d);
	for (int i = 0; i < V_NVARS; i++)
		if (slip_set(d, (enum slip_var)i, ""))
			return -1;
	return 0;
}

int
slip_row_add(struct slip_data *d, enum slip_block b, const char *const *cells)
{
	struct slip_rows *r = &d->rows[b];
	size_t nc = slip_blocks[b].ncells;
	char **p = realloc(r->cells, (r->nrows + 1) * nc * sizeof *p), **row;
	char n[24];

	if (p == NULL)
		return -1;
	r->cells = p;
	row = p + r->nrows * nc;
	snprintf(n, sizeof n, "%zu", r->nrows + 1);
	row[0] = strdup(n);
	for (size_t i = 1; i < nc; i++)
		row[i] = strdup(cells[i - 1] != NULL ? cells[i - 1] : "");
	/* the row counts even when half made, so slip_data_free frees it */
	r->nrows++;
	for (size_t i = 0; i < nc; i++)
		if (row[i] == NULL)
			return -1;
	return 0;
}

/* ---- display width ------------------------------------------------------
 * vntext's rule (vntext_widthn, vntext_fit), the same as the screens'. */

/* Bytes of s (length n) that fit in `cols` columns (at least one cell, so
 * a hard break always advances). */
static size_t
slip_fit(const char *s, size_t n, size_t cols)
{
	size_t k = vntext_fit(s, n, cols, NULL);
	int w;

	return k > 0 || n == 0 ? k : vntext_cell(s, n, &w);
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
	bool dots;		/* {{name:30.}}: an empty value is a dotted line */
	struct slip_seg *segs;
	size_t nsegs;
	char *own;		/* val when it is made here (markup), else NULL */
};

#define SLIP_DOTS10 ".........."
#define SLIP_DOTS50 SLIP_DOTS10 SLIP_DOTS10 SLIP_DOTS10 SLIP_DOTS10 SLIP_DOTS10
/* SLIP_MAX_WIDTH dots: the line an officer or citizen fills in by hand */
static const char slip_dots[] = SLIP_DOTS50 SLIP_DOTS50 SLIP_DOTS50 SLIP_DOTS50;

/* Split a value into lines of at most `width` columns, on spaces, breaking
 * a word only when it is longer than a line.  An empty value of a dotted
 * field is one line of dots the width of the field. */
static int
slip_wrap(struct slip_tok *t)
{
	const char *s = t->val;
	size_t n = strlen(s), i = 0, cap = 4;

	t->nsegs = 0;
	if ((t->segs = malloc(cap * sizeof *t->segs)) == NULL)
		return -1;
	if (t->dots && strspn(s, " ") == n) {
		_Static_assert(sizeof slip_dots - 1 == SLIP_MAX_WIDTH, "a dot per column");
		t->segs[0].s = slip_dots;
		t->segs[0].n = t->width;
		t->nsegs = 1;
		return 0;
	}
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
			ww = vntext_widthn(s + i, j - i);
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

/* Where a line is rendered: inside a block (at a row, or at no row when
 * the block is empty and only checked), or outside (NULL). */
struct slip_cur {
	enum slip_block b;
	const char *const *row;	/* the row's cells; NULL: an empty row */
};

/* The value of a {{name}}: a row's cell inside a block, else the form's. */
static const char *
slip_lookup(const struct slip_data *d, const struct slip_cur *cur, const char *name,
    struct mc_err *err)
{
	if (cur != NULL) {
		size_t k = strlen(slip_blocks[cur->b].prefix);

		if (strncmp(name, slip_blocks[cur->b].prefix, k) == 0)
			for (size_t i = 0; i < slip_blocks[cur->b].ncells; i++)
				if (strcmp(name + k, slip_blocks[cur->b].cells[i]) == 0)
					return cur->row != NULL ? cur->row[i] : "";
	}
	for (int i = 0; i < V_NVARS; i++)
		if (strcmp(name, slip_var_names[i]) == 0)
			return d->v[i];
	for (int b = 0; b < B_NBLOCKS; b++)
		if (strncmp(name, slip_blocks[b].prefix, strlen(slip_blocks[b].prefix)) == 0 &&
		    (cur == NULL || cur->b != (enum slip_block)b)) {
			err_set(err, MC_EINVAL, _("the template %s uses {{%s}} outside "
			    "{{#%s}} … {{/%s}}: correct the template"), d->tname, name,
			    slip_blocks[b].name, slip_blocks[b].name);
			return NULL;
		}
	err_set(err, MC_EINVAL, _("the template %s uses {{%s}}, which is not a known "
	    "field: correct the template (the fields are listed in motcua(1))"),
	    d->tname, name);
	return NULL;
}

/* Parse "name", "name:30", "name:^30", "name:>2", "name:30." (the text
 * between the braces, length n) into the token. */
static int
slip_field(const struct slip_data *d, const struct slip_cur *cur, const char *tag,
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
		if (p < end && end[-1] == '.') {
			t->dots = true;
			end--;
		}
		if (p == end)
			w = -1;
		for (; p < end && w >= 0; p++)
			w = *p >= '0' && *p <= '9' && w <= SLIP_MAX_WIDTH ? w * 10 + (*p - '0') : -1;
		if (w < 1 || w > SLIP_MAX_WIDTH)
			return err_set(err, MC_EINVAL, _("the template %s has a bad width in "
			    "{{%s…}} on line %d: write {{name:30}}, {{name:^30}}, "
			    "{{name:>30}} or {{name:30.}} (1 to %d columns)"), d->tname, name, lineno,
			    SLIP_MAX_WIDTH);
		t->width = (size_t)w;
	}
	if ((t->val = slip_lookup(d, cur, name, err)) == NULL)
		return -1;
	/* a PDF layout: pango wraps, so no width; an empty dotted field is
	 * its dots, a line to fill in by hand */
	if (d->markup) {
		bool empty = strspn(t->val, " ") == strlen(t->val);

		if (t->dots && empty)
			t->own = strndup(slip_dots, t->width);
		else
			t->own = pdf_escape(t->val);
		if (t->own == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		t->val = t->own;
		t->width = 0;
	}
	return 0;
}

static void
slip_toks_free(struct slip_tok *t, int n)
{
	for (int i = 0; i < n; i++) {
		free(t[i].segs);
		free(t[i].own);
	}
}

/* Render one template line (without its newline).  A field with a width
 * is padded to it and wraps onto further lines under itself; literal text
 * and width-less fields appear on the first line only. */
static int
slip_line(const struct slip_data *d, const struct slip_cur *cur, const char *line,
    size_t len, int lineno, sqlite3_str *out, struct mc_err *err)
{
	struct slip_tok t[SLIP_MAX_TOKENS];
	sqlite3_str *row = NULL;	/* the output line, trimmed when done */
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
		if (slip_field(d, cur, open + 2, (size_t)(close - open - 2), lineno, &t[nt],
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
	if ((row = sqlite3_str_new(NULL)) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t k = 0; k < nlines; k++) {
		for (int i = 0; i < nt; i++) {
			if (t[i].lit != NULL) {
				if (k == 0)
					sqlite3_str_append(row, t[i].lit, (int)t[i].litlen);
				else
					sqlite3_str_appendchar(row, (int)vntext_widthn(t[i].lit, t[i].litlen), ' ');
			} else if (t[i].width == 0) {
				if (k == 0)
					sqlite3_str_appendall(row, t[i].val);
				else
					sqlite3_str_appendchar(row,
					    (int)vntext_widthn(t[i].val, strlen(t[i].val)), ' ');
			} else {
				struct slip_seg s = k < t[i].nsegs ? t[i].segs[k] :
				    (struct slip_seg){"", 0};
				size_t w = vntext_widthn(s.s, s.n);
				size_t pad = w < t[i].width ? t[i].width - w : 0;
				size_t left = t[i].align == '>' ? pad :
				    t[i].align == '^' ? pad / 2 : 0;

				sqlite3_str_appendchar(row, (int)left, ' ');
				sqlite3_str_append(row, s.s, (int)s.n);
				sqlite3_str_appendchar(row, (int)(pad - left), ' ');
			}
		}
		/* no trailing blanks: the padding of the last column */
		{
			const char *v = sqlite3_str_value(row);
			int vn = sqlite3_str_length(row);

			while (vn > 0 && v[vn - 1] == ' ')
				vn--;
			if (vn > 0)
				sqlite3_str_append(out, v, vn);
			sqlite3_str_appendchar(out, 1, '\n');
			sqlite3_str_reset(row);
		}
	}
	rc = sqlite3_str_errcode(row) == SQLITE_OK ? 0 :
	    err_set(err, MC_ENOMEM, _("out of memory"));
done:
	if (row != NULL)
		sqlite3_free(sqlite3_str_finish(row));
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

/* Which block a line opens ({{#documents}}, …), or -1. */
static int
slip_block_open(const char *line, size_t len)
{
	char tag[64];

	for (int b = 0; b < B_NBLOCKS; b++) {
		snprintf(tag, sizeof tag, "{{#%s}}", slip_blocks[b].name);
		if (slip_is_tag(line, len, tag))
			return b;
	}
	return -1;
}

/* A line that begins with {{?name}} appears only when name is not empty. */
static int
slip_cond(const struct slip_data *d, const struct slip_cur *cur, const char **line,
    size_t *len, int lineno, bool *show, struct mc_err *err)
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
	if ((v = slip_lookup(d, cur, name, err)) == NULL)
		return -1;
	*show = v[0] != '\0';
	*len -= (size_t)(close + 2 - *line);
	*line = close + 2;
	return 0;
}

int
slip_fill(const struct slip_data *d, const char *tpl, sqlite3_str *out,
    struct mc_err *err)
{
	const char *p = tpl;
	int lineno = 0;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		const char *next = nl != NULL ? nl + 1 : p + len;
		bool show;
		int blk;

		lineno++;
		if (len > 0 && p[len - 1] == '\r')
			len--;	/* a template saved on Windows */
		if (len >= 3 && memcmp(p, "{{!", 3) == 0) {	/* a comment line */
			p = next;
			continue;
		}
		if (slip_is_tag(p, len, "{{qr}}")) {	/* indented as the tag is */
			if (d->markup) {
				/* pdf.c draws it; a code has no markup characters,
				 * a guidance no code (and then no QR) */
				if (d->v[V_CODE][0] != '\0')
					sqlite3_str_appendf(out, "@qr %s\n", d->v[V_CODE]);
			} else if (slip_qr_append(d->v[V_CODE], strspn(p, " "), out, err))
				return -1;
			p = next;
			continue;
		}
		if ((blk = slip_block_open(p, len)) >= 0) {
			const struct slip_rows *rows = &d->rows[blk];
			size_t nc = slip_blocks[blk].ncells;
			const char *body = next, *q = next, *bend = NULL;
			int first = lineno + 1, blines = 0;
			char close[64];

			snprintf(close, sizeof close, "{{/%s}}", slip_blocks[blk].name);
			while (*q != '\0') {
				const char *e = strchr(q, '\n');
				size_t l = e != NULL ? (size_t)(e - q) : strlen(q);

				blines++;
				if (slip_is_tag(q, l, close)) {
					bend = q;
					next = e != NULL ? e + 1 : q + l;
					break;
				}
				q = e != NULL ? e + 1 : q + l;
			}
			if (bend == NULL)
				return err_set(err, MC_EINVAL, _("the template %s opens "
				    "{{#%s}} on line %d without %s: correct the template"),
				    d->tname, slip_blocks[blk].name, lineno, close);
			/* with no row the block is still checked, into nothing */
			for (size_t i = 0; i < (rows->nrows > 0 ? rows->nrows : 1); i++) {
				sqlite3_str *scratch = rows->nrows > 0 ? NULL : sqlite3_str_new(NULL);
				sqlite3_str *o = rows->nrows > 0 ? out : scratch;
				struct slip_cur cur = {(enum slip_block)blk, rows->nrows > 0 ?
				    (const char *const *)rows->cells + i * nc : NULL};
				int ln = first;

				for (const char *r = body; r < bend; ln++) {
					const char *e = strchr(r, '\n');
					size_t l = (size_t)(e - r);	/* bend follows: e != NULL */
					const char *lp = r;

					if (l > 0 && r[l - 1] == '\r')
						l--;
					if (slip_cond(d, &cur, &lp, &l, ln, &show, err) ||
					    (show && slip_line(d, &cur, lp, l, ln, o, err))) {
						sqlite3_free(sqlite3_str_finish(scratch));
						return -1;
					}
					r = e + 1;
				}
				sqlite3_free(sqlite3_str_finish(scratch));
			}
			lineno += blines;
			p = next;
			continue;
		}
		if (slip_cond(d, NULL, &p, &len, lineno, &show, err) ||
		    (show && slip_line(d, NULL, p, len, lineno, out, err)))
			return -1;
		p = next;
	}
	if (sqlite3_str_errcode(out) != SQLITE_OK)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return 0;
}

/* ---- the template file ---------------------------------------------------- */

void
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

/* Read the template at path into *tpl and name it in tname: 0, or 1 when
 * there is no such file (nothing set), or -1 with err set. */
static int
slip_template_file(const char *path, char **tpl, char *tname, size_t tn,
    struct mc_err *err)
{
	FILE *f;
	size_t n;

	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 1;
		return err_set(err, MC_EIO, _("cannot read the template %s: %s"), path,
		    strerror(errno));
	}
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

int
slip_template(const char *db_path, const char *file, const char *builtin, char **tpl,
    char *tname, size_t tn, struct mc_err *err)
{
	char dir[PATH_MAX], path[PATH_MAX + 64];
	int rc;

	*tpl = NULL;
	if (db_path != NULL) {
		slip_dir(db_path, dir, sizeof dir);
		snprintf(path, sizeof path, "%s/templates/%s", dir, file);
		if ((rc = slip_template_file(path, tpl, tname, tn, err)) != 1)
			return rc;
	}
	/* the installed copy (module.h), the same text as the built-in one
	 * unless whoever installed it changed it for every database here */
	if (module_datadir(dir, sizeof dir)) {
		snprintf(path, sizeof path, "%s/templates/%s", dir, file);
		if ((rc = slip_template_file(path, tpl, tname, tn, err)) != 1)
			return rc;
	}
	snprintf(tname, tn, _("%s (built in)"), file);
	if ((*tpl = strdup(builtin)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return 0;
}


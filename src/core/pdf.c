/* pdf.c — the layout language of pdf.h drawn on A4 pages: cairo's PDF
 * surface for the page, pango for every piece of text (shaping, wrapping
 * inside the width, bold and italic from markup), libqrencode's modules as
 * cairo rectangles.  The whole PDF is kept in memory (a form is a few tens
 * of KiB) for the caller to save or print.
 *
 * Built into the loadable module motcua-pdf.so, not into the core library
 * (pdf-module.h says why): the core's pdf_render (pdf-load.c) opens the
 * module and calls the render function of the table at the end of this
 * file, its only exported symbol. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/i18n.h"
#include "motcua/pdf.h"
#include "pdf-module.h"

#define MM(x) ((x) * 72.0 / 25.4)
#define A4_W MM(210.0)
#define A4_H MM(297.0)
#define FONT "Liberation Serif, DejaVu Serif"
#define PDF_MAX_LINES 100000
#define PDF_MAX_COLS 16
#define PDF_MAX_SIGNS 4
#define HEADER_LEFT 0.42	/* the left column's share of the width */

/* ---- the page ------------------------------------------------------------- */

struct pdf {
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoContext *pc;
	double pw, ph;			/* the page */
	double x0, x1, y0, y1;		/* the page less the margins */
	double y;			/* where the next block starts */
	bool used;			/* something is drawn on this page */
	double size;			/* the body's font size (@size) */
	const char *name;
	struct mc_err *err;
	int failed;
	struct pdf_buf *buf;
};

static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf_buf *b = closure;
	unsigned char *p = realloc(b->p, b->len + len);

	if (p == NULL)
		return CAIRO_STATUS_NO_MEMORY;
	memcpy(p + b->len, data, len);
	b->p = p;
	b->len += len;
	return CAIRO_STATUS_SUCCESS;
}

/* A bad line: the message quotes it (at most 60 bytes of it). */
static int
pdf_bad(struct pdf *c, const char *line, const char *why)
{
	if (!c->failed)
		err_set(c->err, MC_EINVAL, _("the PDF layout %s has a bad line (%s): "
		    "\"%.60s\": correct the template"), c->name, why, line);
	c->failed = 1;
	return -1;
}

static void
pdf_newpage(struct pdf *c)
{
	cairo_show_page(c->cr);
	c->y = c->y0;
	c->used = false;
}

/* Start a new page unless h points more fit on this one (or nothing is on
 * it yet: a block taller than a page starts at its top). */
static void
pdf_need(struct pdf *c, double h)
{
	if (c->used && c->y + h > c->y1)
		pdf_newpage(c);
}

/* A layout of markup, `width` points wide, at `size` points. */
static PangoLayout *
pdf_layout(struct pdf *c, const char *markup, double width, PangoAlignment align,
    double size, bool justify, double indent)
{
	PangoAttrList *attrs = NULL;
	char *text = NULL;
	GError *ge = NULL;
	PangoLayout *l;
	PangoFontDescription *fd;

	if (!pango_parse_markup(markup, -1, 0, &attrs, &text, NULL, &ge)) {
		pdf_bad(c, markup, ge != NULL ? ge->message : "markup");
		if (ge != NULL)
			g_error_free(ge);
		return NULL;
	}
	l = pango_layout_new(c->pc);
	fd = pango_font_description_from_string(FONT);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_justify(l, justify);
	pango_layout_set_indent(l, (int)(indent * PANGO_SCALE));
	pango_layout_set_text(l, text, -1);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	g_free(text);
	return l;
}

static double
pdf_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* Draw a layout at x from the cursor down, line by line, going on to the
 * next page where a line would pass the bottom margin. */
static void
pdf_flow(struct pdf *c, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double start = c->y, top0 = 0, end = c->y;

	do {
		PangoRectangle log;
		double top, h, base;

		pango_layout_iter_get_line_extents(it, NULL, &log);
		top = (double)log.y / PANGO_SCALE;
		h = (double)log.height / PANGO_SCALE;
		if (start + (top - top0) + h > c->y1 && (c->used || top > top0)) {
			pdf_newpage(c);
			start = c->y;
			top0 = top;
		}
		base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		cairo_move_to(c->cr, x + (double)log.x / PANGO_SCALE, start + base - top0);
		pango_cairo_show_layout_line(c->cr, pango_layout_iter_get_line_readonly(it));
		c->used = true;
		end = start + top + h - top0;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	c->y = end;
}

/* A paragraph the width of the page. */
static int
pdf_para(struct pdf *c, const char *markup, PangoAlignment align, double size,
    bool justify, double indent, double after)
{
	PangoLayout *l = pdf_layout(c, markup, c->x1 - c->x0, align, size, justify, indent);

	if (l == NULL)
		return -1;
	pdf_flow(c, l, c->x0);
	g_object_unref(l);
	c->y += after;
	return 0;
}

static void
pdf_rule(struct pdf *c, double xa, double xb, double y)
{
	cairo_set_line_width(c->cr, 0.6);
	cairo_move_to(c->cr, xa, y);
	cairo_line_to(c->cr, xb, y);
	cairo_stroke(c->cr);
}

/* The extents of a layout's last line, in page points from (x, y). */
static void
pdf_last_line(PangoLayout *l, double x, double y, double *xa, double *xb, double *bottom)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle log = {0, 0, 0, 0};

	do
		pango_layout_iter_get_line_extents(it, NULL, &log);
	while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	*xa = x + (double)log.x / PANGO_SCALE;
	*xb = *xa + (double)log.width / PANGO_SCALE;
	*bottom = y + (double)(log.y + log.height) / PANGO_SCALE;
}

/* ---- the blocks --------------------------------------------------------------- */

struct pdf_line {
	const char *dir;	/* "left", "tr", …; "" for plain text */
	char *arg;		/* the rest of the line, NUL-terminated in place */
	const char *whole;	/* for messages */
};

/* Split s at '|' into at most max cells (in place). */
static int
pdf_cells(char *s, char **cells, int max)
{
	int n = 0;

	cells[n++] = s;
	for (char *p = s; *p != '\0'; p++)
		if (*p == '|' && n < max) {
			*p = '\0';
			cells[n++] = p + 1;
		}
	return n;
}

/* The header: the run of @left and @right lines from ln[i]; returns the
 * lines used. */
static int
pdf_header(struct pdf *c, struct pdf_line *ln, int n, int i)
{
	char *cols[2] = {NULL, NULL};
	size_t len[2] = {0, 0};
	int j = i;
	double w = c->x1 - c->x0, wl = w * HEADER_LEFT, bottom = c->y;
	PangoLayout *l[2] = {NULL, NULL};
	int rc = 0;

	for (; j < n && (strcmp(ln[j].dir, "left") == 0 || strcmp(ln[j].dir, "right") == 0);
	    j++) {
		int k = ln[j].dir[0] == 'r';
		size_t a = strlen(ln[j].arg);
		char *p = realloc(cols[k], len[k] + a + 2);

		if (p == NULL) {
			err_set(c->err, MC_ENOMEM, _("out of memory"));
			c->failed = 1;
			rc = -1;
			goto done;
		}
		if (len[k] > 0)
			p[len[k]++] = '\n';
		memcpy(p + len[k], ln[j].arg, a + 1);
		len[k] += a;
		cols[k] = p;
	}
	for (int k = 0; k < 2; k++) {
		double h;

		if (cols[k] == NULL)
			continue;
		if ((l[k] = pdf_layout(c, cols[k], k == 0 ? wl : w - wl, PANGO_ALIGN_CENTER,
		    c->size, false, 0)) == NULL) {
			rc = -1;
			goto done;
		}
		h = pdf_height(l[k]);
		pdf_need(c, h + 6);
	}
	for (int k = 0; k < 2; k++) {
		double x = k == 0 ? c->x0 : c->x0 + wl, xa, xb, yb;

		if (l[k] == NULL)
			continue;
		cairo_move_to(c->cr, x, c->y);
		pango_cairo_show_layout(c->cr, l[k]);
		pdf_last_line(l[k], x, c->y, &xa, &xb, &yb);
		/* the left rule a third of its line, centred; the motto's its
		 * whole length (Decree 30/2020, Annex I) */
		if (k == 0)
			pdf_rule(c, (xa + xb) / 2 - (xb - xa) / 6, (xa + xb) / 2 + (xb - xa) / 6,
			    yb + 2);
		else
			pdf_rule(c, xa, xb, yb + 2);
		if (yb + 4 > bottom)
			bottom = yb + 4;
	}
	c->used = true;
	c->y = bottom + 6;
done:
	for (int k = 0; k < 2; k++) {
		free(cols[k]);
		if (l[k] != NULL)
			g_object_unref(l[k]);
	}
	return rc != 0 ? -1 : j - i;
}

/* @split LEFT|RIGHT under the header's columns. */
static int
pdf_split(struct pdf *c, char *arg)
{
	char *cells[2] = {arg, (char *)""};
	double w = c->x1 - c->x0, wl = w * HEADER_LEFT, h = 0;
	PangoLayout *l[2];

	pdf_cells(arg, cells, 2);
	for (int k = 0; k < 2; k++)
		if ((l[k] = pdf_layout(c, cells[k], k == 0 ? wl : w - wl, PANGO_ALIGN_CENTER,
		    c->size, false, 0)) == NULL) {
			if (k == 1)
				g_object_unref(l[0]);
			return -1;
		}
	for (int k = 0; k < 2; k++)
		if (pdf_height(l[k]) > h)
			h = pdf_height(l[k]);
	pdf_need(c, h);
	for (int k = 0; k < 2; k++) {
		cairo_move_to(c->cr, k == 0 ? c->x0 : c->x0 + wl, c->y);
		pango_cairo_show_layout(c->cr, l[k]);
		g_object_unref(l[k]);
	}
	c->used = true;
	c->y += h + 4;
	return 0;
}

struct pdf_table {
	int ncols;
	double w[PDF_MAX_COLS];
	PangoAlignment align[PDF_MAX_COLS];
	double size;
};

#define CELL_PAD_X 3.0
#define CELL_PAD_Y 2.0

/* One row of a table at the cursor; heads are redrawn first on a new
 * page.  Returns -1 on a bad cell. */
static int
pdf_row(struct pdf *c, const struct pdf_table *t, char *arg, bool head, double *rowh)
{
	char *cells[PDF_MAX_COLS];
	PangoLayout *l[PDF_MAX_COLS];
	int n = pdf_cells(arg, cells, t->ncols);
	double h = 0, x = c->x0;
	int rc = 0;

	for (int k = 0; k < t->ncols; k++) {
		char bold[4096];
		const char *s = k < n ? cells[k] : "";

		if (head) {
			snprintf(bold, sizeof bold, "<b>%s</b>", s);
			s = bold;
		}
		l[k] = pdf_layout(c, s, t->w[k] - 2 * CELL_PAD_X, t->align[k], t->size, false, 0);
		if (l[k] == NULL) {
			for (int q = 0; q < k; q++)
				g_object_unref(l[q]);
			return -1;
		}
		if (pdf_height(l[k]) > h)
			h = pdf_height(l[k]);
	}
	h += 2 * CELL_PAD_Y;
	*rowh = h;
	cairo_save(c->cr);
	/* a row taller than the whole page is cut at the margin, never past it */
	cairo_rectangle(c->cr, c->x0 - 1, c->y0 - 1, c->x1 - c->x0 + 2, c->y1 - c->y0 + 2);
	cairo_clip(c->cr);
	for (int k = 0; k < t->ncols; k++) {
		cairo_move_to(c->cr, x + CELL_PAD_X, c->y + CELL_PAD_Y);
		pango_cairo_show_layout(c->cr, l[k]);
		cairo_set_line_width(c->cr, 0.5);
		cairo_rectangle(c->cr, x, c->y, t->w[k], h);
		cairo_stroke(c->cr);
		x += t->w[k];
		g_object_unref(l[k]);
	}
	cairo_restore(c->cr);
	c->used = true;
	c->y += h;
	return rc;
}

/* Measure a row without drawing it. */
static int
pdf_row_height(struct pdf *c, const struct pdf_table *t, const char *arg, bool head,
    double *h)
{
	char *copy = strdup(arg), *cells[PDF_MAX_COLS];
	int n;

	if (copy == NULL) {
		c->failed = 1;
		return err_set(c->err, MC_ENOMEM, _("out of memory"));
	}
	n = pdf_cells(copy, cells, t->ncols);
	*h = 0;
	for (int k = 0; k < t->ncols; k++) {
		char bold[4096];
		const char *s = k < n ? cells[k] : "";
		PangoLayout *l;

		if (head) {
			snprintf(bold, sizeof bold, "<b>%s</b>", s);
			s = bold;
		}
		if ((l = pdf_layout(c, s, t->w[k] - 2 * CELL_PAD_X, t->align[k], t->size, false,
		    0)) == NULL) {
			free(copy);
			return -1;
		}
		if (pdf_height(l) + 2 * CELL_PAD_Y > *h)
			*h = pdf_height(l) + 2 * CELL_PAD_Y;
		g_object_unref(l);
	}
	free(copy);
	return 0;
}

/* Draw a table's head rows: each from a copy, as pdf_row writes into its
 * argument and the head is drawn again on each page the table reaches. */
static int
pdf_head(struct pdf *c, const struct pdf_table *t, const struct pdf_line *head, int nhead)
{
	for (int k = 0; k < nhead; k++) {
		char *copy = strdup(head[k].arg);
		double hr;
		int rc;

		if (copy == NULL) {
			c->failed = 1;
			return err_set(c->err, MC_ENOMEM, _("out of memory"));
		}
		rc = pdf_row(c, t, copy, true, &hr);
		free(copy);
		if (rc)
			return -1;
	}
	return 0;
}

/* @table and its @th and @tr lines from ln[i]; returns the lines used. */
static int
pdf_table(struct pdf *c, struct pdf_line *ln, int n, int i)
{
	struct pdf_table t;
	double total = 0;
	int j = i + 1, nhead = 0;
	char *p = ln[i].arg, *save = NULL;

	memset(&t, 0, sizeof t);
	t.size = c->size > 12 ? 12 : c->size;
	for (char *w = strtok_r(p, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save)) {
		char *end;
		double v = strtod(w, &end);

		if (t.ncols == PDF_MAX_COLS || v <= 0 || (*end != '\0' && strcmp(end, "c") != 0))
			return pdf_bad(c, ln[i].whole, "@table W W …");
		t.align[t.ncols] = *end == 'c' ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
		t.w[t.ncols++] = v;
		total += v;
	}
	if (t.ncols == 0)
		return pdf_bad(c, ln[i].whole, "@table W W …");
	for (int k = 0; k < t.ncols; k++)
		t.w[k] = t.w[k] / total * (c->x1 - c->x0);
	while (j + nhead < n && strcmp(ln[j + nhead].dir, "th") == 0)
		nhead++;
	/* the head and the first row stay together */
	{
		double h = 0, hr;

		for (int k = 0; k <= nhead && j + k < n; k++) {
			if (k == nhead && strcmp(ln[j + k].dir, "tr") != 0)
				break;
			if (pdf_row_height(c, &t, ln[j + k].arg, k < nhead, &hr))
				return -1;
			h += hr;
		}
		pdf_need(c, h);
	}
	if (pdf_head(c, &t, ln + j, nhead))
		return -1;
	for (j += nhead; j < n && strcmp(ln[j].dir, "tr") == 0; j++) {
		double h;

		if (pdf_row_height(c, &t, ln[j].arg, false, &h))
			return -1;
		if (c->y + h > c->y1 && c->used) {
			pdf_newpage(c);
			if (pdf_head(c, &t, ln + i + 1, nhead))
				return -1;
		}
		if (pdf_row(c, &t, ln[j].arg, false, &h))
			return -1;
	}
	c->y += 6;
	return j - i;
}

/* The run of @sign lines from ln[i], side by side; returns the lines used. */
static int
pdf_signs(struct pdf *c, struct pdf_line *ln, int n, int i)
{
	PangoLayout *top[PDF_MAX_SIGNS], *name[PDF_MAX_SIGNS];
	int k = 0, j;
	double w, h = 0;
	const double room = MM(18);	/* where the hand signs */

	for (j = i; j < n && strcmp(ln[j].dir, "sign") == 0; j++)
		if (j - i < PDF_MAX_SIGNS)
			k++;
	w = (c->x1 - c->x0) / k;
	for (int q = 0; q < k; q++) {
		char *cells[3] = {ln[i + q].arg, (char *)"", (char *)""}, both[4096];
		double hq;

		pdf_cells(ln[i + q].arg, cells, 3);
		snprintf(both, sizeof both, "%s\n%s", cells[0], cells[1]);
		top[q] = pdf_layout(c, both, w - 6, PANGO_ALIGN_CENTER, c->size, false, 0);
		name[q] = top[q] != NULL ? pdf_layout(c, cells[2], w - 6, PANGO_ALIGN_CENTER,
		    c->size, false, 0) : NULL;
		if (name[q] == NULL) {
			if (top[q] != NULL)
				g_object_unref(top[q]);
			for (int r = 0; r < q; r++) {
				g_object_unref(top[r]);
				g_object_unref(name[r]);
			}
			return -1;
		}
		hq = pdf_height(top[q]) + room + pdf_height(name[q]);
		if (hq > h)
			h = hq;
	}
	pdf_need(c, h);
	for (int q = 0; q < k; q++) {
		double x = c->x0 + q * w + 3;

		cairo_move_to(c->cr, x, c->y);
		pango_cairo_show_layout(c->cr, top[q]);
		cairo_move_to(c->cr, x, c->y + pdf_height(top[q]) + room);
		pango_cairo_show_layout(c->cr, name[q]);
		g_object_unref(top[q]);
		g_object_unref(name[q]);
	}
	c->used = true;
	c->y += h + 6;
	return j - i;
}

/* @qr TEXT: the modules as black squares, 28 mm with the quiet zone. */
static int
pdf_qr(struct pdf *c, const char *text)
{
	const double size = MM(28);
	double m, x, y;
	QRcode *qr;

	if (text[0] == '\0')
		return 0;
	errno = 0;
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) == NULL) {
		c->failed = 1;
		return err_set(c->err, errno == ENOMEM ? MC_ENOMEM : MC_EINVAL,
		    _("no QR can be drawn for the code %s: %s"), text,
		    errno == ERANGE ? _("it is too long") : _("the encoder refused it"));
	}
	m = size / (qr->width + 8);	/* four modules of white each side */
	pdf_need(c, size);
	x = (c->x0 + c->x1) / 2 - size / 2 + 4 * m;
	y = c->y + 4 * m;
	for (int r = 0; r < qr->width; r++)
		for (int q = 0; q < qr->width; q++)
			if (qr->data[r * qr->width + q] & 1)
				cairo_rectangle(c->cr, x + q * m, y + r * m, m, m);
	cairo_fill(c->cr);
	QRcode_free(qr);
	c->used = true;
	c->y += size;
	return 0;
}

/* ---- the document ---------------------------------------------------------------- */

static int
pdf_lines(char *text, struct pdf_line **out, int *n, struct mc_err *err)
{
	int cap = 64;
	struct pdf_line *ln = malloc((size_t)cap * sizeof *ln);

	*n = 0;
	if (ln == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	for (char *p = text; *p != '\0';) {
		char *nl = strchr(p, '\n'), *sp;

		if (nl != NULL)
			*nl = '\0';
		if (nl != NULL && nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		if (*n == cap) {
			struct pdf_line *q = cap < PDF_MAX_LINES ?
			    realloc(ln, (size_t)cap * 2 * sizeof *ln) : NULL;

			if (q == NULL) {
				free(ln);
				return err_set(err, MC_ENOMEM, _("out of memory"));
			}
			ln = q;
			cap *= 2;
		}
		ln[*n].whole = p;
		if (p[0] == '@') {
			ln[*n].dir = p + 1;
			sp = strchr(p, ' ');
			if (sp != NULL) {
				*sp = '\0';
				ln[*n].arg = sp + 1;
			} else {
				ln[*n].arg = p + strlen(p);
			}
		} else {
			ln[*n].dir = "";
			ln[*n].arg = p;
		}
		(*n)++;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	*out = ln;
	return 0;
}

/* Draw the lines onto the open surface. */
static int
pdf_draw(struct pdf *c, struct pdf_line *ln, int n)
{
	for (int i = 0; i < n;) {
		const char *d = ln[i].dir;
		char *a = ln[i].arg;
		int used = 1, rc = 0;

		if (d[0] == '\0' && a[0] == '\0')
			c->y += c->size * 0.6;
		else if (d[0] == '\0' || strcmp(d, "text") == 0)
			rc = pdf_para(c, a, PANGO_ALIGN_LEFT, c->size, false, 0, 2);
		else if (strcmp(d, "p") == 0)
			rc = pdf_para(c, a, PANGO_ALIGN_LEFT, c->size, true, MM(10), 2);
		else if (strcmp(d, "center") == 0)
			rc = pdf_para(c, a, PANGO_ALIGN_CENTER, c->size, false, 0, 2);
		else if (strcmp(d, "title") == 0) {
			char *b = malloc(strlen(a) + 8);

			if (b == NULL) {
				c->failed = 1;
				return err_set(c->err, MC_ENOMEM, _("out of memory"));
			}
			snprintf(b, strlen(a) + 8, "<b>%s</b>", a);
			c->y += 6;
			rc = pdf_para(c, b, PANGO_ALIGN_CENTER, 14, false, 0, 2);
			free(b);
		} else if (strcmp(d, "left") == 0 || strcmp(d, "right") == 0) {
			rc = used = pdf_header(c, ln, n, i);
		} else if (strcmp(d, "split") == 0) {
			rc = pdf_split(c, a);
		} else if (strcmp(d, "table") == 0) {
			rc = used = pdf_table(c, ln, n, i);
		} else if (strcmp(d, "sign") == 0) {
			rc = used = pdf_signs(c, ln, n, i);
		} else if (strcmp(d, "qr") == 0) {
			rc = pdf_qr(c, a);
		} else if (strcmp(d, "space") == 0) {
			double mm = atof(a);

			if (mm <= 0 || mm > 200)
				return pdf_bad(c, ln[i].whole, "@space MM");
			c->y += MM(mm);
			if (c->y > c->y1)
				pdf_newpage(c);
		} else if (strcmp(d, "size") == 0) {
			double s = atof(a);

			if (s < 6 || s > 20)
				return pdf_bad(c, ln[i].whole, "@size 6..20");
			c->size = s;
		} else if (strcmp(d, "newpage") == 0) {
			if (c->used)
				pdf_newpage(c);
		} else if (strcmp(d, "page") == 0 || d[0] == '#') {
			/* @page is read before the surface is made */
		} else if (strcmp(d, "th") == 0 || strcmp(d, "tr") == 0) {
			return pdf_bad(c, ln[i].whole, _("a row outside @table"));
		} else {
			return pdf_bad(c, ln[i].whole, _("an unknown directive"));
		}
		if (rc < 0 || c->failed)
			return -1;
		i += used > 0 ? used : 1;
	}
	return 0;
}

static int
pdf_module_render(const char *layout, const char *name, struct pdf_buf *out,
    struct mc_err *err)
{
	struct pdf c;
	struct pdf_line *ln = NULL;
	char *text = strdup(layout != NULL ? layout : "");
	cairo_font_options_t *fo;
	int n, rc = -1;
	bool landscape;

	out->p = NULL;
	out->len = 0;
	if (text == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	landscape = strncmp(text, "@page landscape", 15) == 0;
	if (pdf_lines(text, &ln, &n, err)) {
		free(text);
		return -1;
	}
	memset(&c, 0, sizeof c);
	c.name = name != NULL ? name : "";
	c.err = err;
	c.buf = out;
	c.pw = landscape ? A4_H : A4_W;
	c.ph = landscape ? A4_W : A4_H;
	/* Decree 30/2020: top and bottom 20 mm, left 30 mm, right 15 mm */
	c.x0 = MM(30);
	c.x1 = c.pw - MM(15);
	c.y0 = MM(20);
	c.y1 = c.ph - MM(20);
	c.y = c.y0;
	c.size = 13;
	c.surf = cairo_pdf_surface_create_for_stream(pdf_write, out, c.pw, c.ph);
	c.cr = cairo_create(c.surf);
	c.pc = pango_cairo_create_context(c.cr);
	/* the page's unit is the point: a 13 pt font is 13 units high */
	pango_cairo_context_set_resolution(c.pc, 72);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(c.pc, fo);
	cairo_font_options_destroy(fo);
	cairo_set_source_rgb(c.cr, 0, 0, 0);
	if (pdf_draw(&c, ln, n) == 0) {
		cairo_show_page(c.cr);
		rc = 0;
	}
	g_object_unref(c.pc);
	cairo_destroy(c.cr);
	cairo_surface_finish(c.surf);
	if (rc == 0 && cairo_surface_status(c.surf) != CAIRO_STATUS_SUCCESS)
		rc = err_set(err, MC_EIO, _("cannot make the PDF %s: %s"), c.name,
		    cairo_status_to_string(cairo_surface_status(c.surf)));
	cairo_surface_destroy(c.surf);
	free(ln);
	free(text);
	if (rc != 0) {
		free(out->p);
		out->p = NULL;
		out->len = 0;
	}
	return rc;
}

/* What pdf-load.c looks up by PDF_MODULE_SYMBOL (the module is built with
 * hidden visibility: this is all it exports). */
__attribute__((visibility("default"))) extern const struct pdf_module motcua_pdf_module;
const struct pdf_module motcua_pdf_module = {
	.abi = PDF_MODULE_ABI,
	.render = pdf_module_render,
};

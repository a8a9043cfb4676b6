/* attach-pdf.c — the number of pages of a PDF to attach, read from its page
 * tree by a small reader of its own (no PDF library: a file to attach is
 * untrusted bytes, and this needs only the objects of the tree).
 *
 * How: one pass over the file finds every "N G obj" (the bytes of each
 * stream skipped, so an image's data cannot pose as an object) and the
 * last /Root reference (the trailer's, or an xref stream's).  The root's
 * /Pages is the root of the page tree; its /Count is the page count, and
 * the tree is walked to check it: every /Kids entry a /Pages node or a
 * /Page, no node visited twice (a loop), no deeper than MAX_DEPTH, and
 * the leaves as many as /Count says.  Anything else — the objects inside
 * compressed object streams, an encrypted file, a reference to nothing —
 * is "no readable page tree", and the file is refused.  Every read is
 * bounded by the buffer, every loop by the file's length or a budget. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/attach.h"
#include "motcua/i18n.h"

#define MAX_DEPTH 32		/* of the page tree, and of nested values */
#define MAX_OBJECTS 1000000	/* "obj" headers indexed */

struct obj {
	long long num;
	size_t at;		/* just after "obj" */
};

struct pdf {
	const uint8_t *b;
	size_t n;
	struct obj *objs;
	size_t nobjs, cap;
	size_t root_at;		/* just after the last "/Root", 0: none */
	long long budget;	/* tokens left to read */
	unsigned char *seen;	/* per index in objs: walked already */
	long long leaves;
};

static bool
is_ws(uint8_t c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static bool
is_delim(uint8_t c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
	    c == '{' || c == '}' || c == '/' || c == '%';
}

static bool
is_regular(uint8_t c)
{
	return !is_ws(c) && !is_delim(c);
}

/* Past white space and comments. */
static size_t
skip_ws(const struct pdf *p, size_t i)
{
	while (i < p->n) {
		if (is_ws(p->b[i]))
			i++;
		else if (p->b[i] == '%') {
			while (i < p->n && p->b[i] != '\n' && p->b[i] != '\r')
				i++;
		} else
			break;
	}
	return i;
}

/* A run of regular characters at i: its end. */
static size_t
token_end(const struct pdf *p, size_t i)
{
	while (i < p->n && is_regular(p->b[i]))
		i++;
	return i;
}

/* Does the token at i..end equal word? */
static bool
token_is(const struct pdf *p, size_t i, size_t end, const char *word)
{
	size_t len = strlen(word);

	return end - i == len && memcmp(p->b + i, word, len) == 0;
}

/* An unsigned integer token at i (at most 18 digits): its value and end. */
static bool
read_uint(const struct pdf *p, size_t i, long long *v, size_t *end)
{
	size_t e = token_end(p, i);
	long long x = 0;

	if (e == i || e - i > 18)
		return false;
	for (size_t k = i; k < e; k++) {
		if (p->b[k] < '0' || p->b[k] > '9')
			return false;
		x = x * 10 + (p->b[k] - '0');
	}
	*v = x;
	*end = e;
	return true;
}

/* "N G R" at i: the object number and the end. */
static bool
read_ref(const struct pdf *p, size_t i, long long *num, size_t *end)
{
	long long gen;
	size_t e;

	i = skip_ws(p, i);
	if (!read_uint(p, i, num, &e))
		return false;
	i = skip_ws(p, e);
	if (!read_uint(p, i, &gen, &e))
		return false;
	i = skip_ws(p, e);
	e = token_end(p, i);
	if (!token_is(p, i, e, "R"))
		return false;
	*end = e;
	return true;
}

/* Past one value at i (a ref "N G R" counts as one); false if it is not
 * one or runs past the end. */
static bool
skip_value(struct pdf *p, size_t i, size_t *end, int depth)
{
	long long num;
	size_t e;

	if (--p->budget < 0 || depth > MAX_DEPTH)
		return false;
	i = skip_ws(p, i);
	if (i >= p->n)
		return false;
	if (p->b[i] == '<' && i + 1 < p->n && p->b[i + 1] == '<') {
		i += 2;
		for (;;) {
			i = skip_ws(p, i);
			if (i + 1 < p->n && p->b[i] == '>' && p->b[i + 1] == '>') {
				*end = i + 2;
				return true;
			}
			if (!skip_value(p, i, &i, depth + 1))
				return false;
		}
	}
	if (p->b[i] == '[') {
		i++;
		for (;;) {
			i = skip_ws(p, i);
			if (i < p->n && p->b[i] == ']') {
				*end = i + 1;
				return true;
			}
			if (!skip_value(p, i, &i, depth + 1))
				return false;
		}
	}
	if (p->b[i] == '<') {
		const uint8_t *gt = memchr(p->b + i, '>', p->n - i);

		if (gt == NULL)
			return false;
		*end = (size_t)(gt - p->b) + 1;
		return true;
	}
	if (p->b[i] == '(') {
		int nest = 0;

		for (; i < p->n; i++) {
			if (p->b[i] == '\\')
				i++;
			else if (p->b[i] == '(')
				nest++;
			else if (p->b[i] == ')' && --nest == 0) {
				*end = i + 1;
				return true;
			}
		}
		return false;
	}
	if (p->b[i] == '/') {
		*end = token_end(p, i + 1);
		return true;
	}
	if (!is_regular(p->b[i]))
		return false;
	if (read_ref(p, i, &num, &e)) {
		*end = e;
		return true;
	}
	*end = token_end(p, i);
	return true;
}

/* In the dictionary at i, the value of /key: its position; false if the
 * dictionary has none or is not one. */
static bool
dict_get(struct pdf *p, size_t i, const char *key, size_t *val)
{
	size_t klen = strlen(key);

	i = skip_ws(p, i);
	if (i + 1 >= p->n || p->b[i] != '<' || p->b[i + 1] != '<')
		return false;
	i += 2;
	for (;;) {
		size_t ke;

		i = skip_ws(p, i);
		if (i + 1 < p->n && p->b[i] == '>' && p->b[i + 1] == '>')
			return false;
		if (i >= p->n || p->b[i] != '/')
			return false;
		ke = token_end(p, i + 1);
		if (ke - (i + 1) == klen && memcmp(p->b + i + 1, key, klen) == 0) {
			*val = skip_ws(p, ke);
			return true;
		}
		if (!skip_value(p, ke, &i, 1))
			return false;
	}
}

static int
obj_cmp(const void *a, const void *b)
{
	const struct obj *x = a, *y = b;

	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The index of object num in objs (the last definition: an incremental
 * update's wins), or -1. */
static long long
obj_find(const struct pdf *p, long long num)
{
	size_t lo = 0, hi = p->nobjs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->objs[mid].num <= num)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || p->objs[lo - 1].num != num)
		return -1;
	return (long long)lo - 1;
}

/* The value at i, or what it refers to: an object's body. */
static bool
deref(struct pdf *p, size_t i, size_t *out)
{
	long long num, k;
	size_t e;

	if (read_ref(p, i, &num, &e)) {
		if ((k = obj_find(p, num)) < 0)
			return false;
		*out = skip_ws(p, p->objs[k].at);
		return true;
	}
	*out = skip_ws(p, i);
	return true;
}

/* One pass: the "N G obj" headers, streams skipped, and the last /Root. */
static bool
index_objects(struct pdf *p)
{
	size_t i = 0;

	while (i < p->n) {
		size_t k = i++;

		if (p->b[k] != 'o' && p->b[k] != 's' && p->b[k] != '/')
			continue;
		if (k > 0 && is_regular(p->b[k - 1]) && p->b[k] != '/')
			continue;
		if (p->b[k] == 'o' && k + 3 <= p->n && memcmp(p->b + k, "obj", 3) == 0 &&
		    (k + 3 == p->n || !is_regular(p->b[k + 3]))) {
			/* back over "N G " */
			size_t j = k, gs, ns;

			while (j > 0 && is_ws(p->b[j - 1]))
				j--;
			gs = j;
			while (gs > 0 && p->b[gs - 1] >= '0' && p->b[gs - 1] <= '9')
				gs--;
			if (gs == j || gs == 0 || !is_ws(p->b[gs - 1]))
				continue;
			j = gs;
			while (j > 0 && is_ws(p->b[j - 1]))
				j--;
			ns = j;
			while (ns > 0 && p->b[ns - 1] >= '0' && p->b[ns - 1] <= '9')
				ns--;
			if (ns == j || j - ns > 18 || (ns > 0 && is_regular(p->b[ns - 1])))
				continue;
			if (p->nobjs == p->cap) {
				size_t ncap = p->cap ? p->cap * 2 : 64;
				struct obj *o;

				if (ncap > MAX_OBJECTS || (o = realloc(p->objs,
				    ncap * sizeof *o)) == NULL)
					return false;
				p->objs = o;
				p->cap = ncap;
			}
			{
				long long num = 0;

				for (size_t d = ns; d < j; d++)
					num = num * 10 + (p->b[d] - '0');
				p->objs[p->nobjs++] = (struct obj){num, k + 3};
			}
			i = k + 3;
		} else if (p->b[k] == 's' && k + 6 <= p->n &&
		    memcmp(p->b + k, "stream", 6) == 0 && k + 6 < p->n &&
		    (p->b[k + 6] == '\r' || p->b[k + 6] == '\n')) {
			/* a stream's bytes are data, never objects: past its end */
			const uint8_t *e = NULL;

			for (size_t s = k + 6; s + 9 <= p->n; s++) {
				const uint8_t *c = memchr(p->b + s, 'e', p->n - s);

				if (c == NULL || (size_t)(c - p->b) + 9 > p->n)
					break;
				s = (size_t)(c - p->b);
				if (memcmp(c, "endstream", 9) == 0) {
					e = c;
					break;
				}
			}
			if (e == NULL)
				return false;	/* a stream that never ends: cut short */
			i = (size_t)(e - p->b) + 9;
		} else if (p->b[k] == '/' && k + 5 <= p->n && memcmp(p->b + k, "/Root", 5) == 0 &&
		    (k + 5 == p->n || !is_regular(p->b[k + 5]))) {
			p->root_at = k + 5;
			i = k + 5;
		}
	}
	if (p->nobjs > 0)
		qsort(p->objs, p->nobjs, sizeof *p->objs, obj_cmp);
	return true;
}

/* The name value at i is /word? */
static bool
name_is(const struct pdf *p, size_t i, const char *word)
{
	size_t e;

	i = skip_ws(p, i);
	if (i >= p->n || p->b[i] != '/')
		return false;
	e = token_end(p, i + 1);
	return token_is(p, i + 1, e, word);
}

/* Count the leaves under the node object num. */
static bool
walk(struct pdf *p, long long num, int depth)
{
	long long k = obj_find(p, num);
	size_t body, v, kids, e;

	if (k < 0 || depth > MAX_DEPTH || p->seen[k] || --p->budget < 0)
		return false;
	p->seen[k] = 1;
	body = skip_ws(p, p->objs[k].at);
	if (!dict_get(p, body, "Type", &v))
		return false;
	if (name_is(p, v, "Page")) {
		p->leaves++;
		return p->leaves <= ATTACH_MAX_PAGES;
	}
	if (!name_is(p, v, "Pages") || !dict_get(p, body, "Kids", &v) ||
	    !deref(p, v, &kids) || kids >= p->n || p->b[kids] != '[')
		return false;
	for (size_t i = kids + 1;;) {
		long long child;

		i = skip_ws(p, i);
		if (i < p->n && p->b[i] == ']')
			return true;
		if (!read_ref(p, i, &child, &e) || !walk(p, child, depth + 1))
			return false;
		i = e;
	}
}

int
attach_pdf_pages(const uint8_t *buf, size_t n, int *pages, struct mc_err *err)
{
	struct pdf p = {.b = buf, .n = n, .budget = 4 * (long long)n + 1000};
	long long root, tree, count, k;
	size_t v, body, e;
	bool ok = false;
	const char *why = N_("the PDF file has no page tree that can be read (it is "
	    "damaged, cut short, encrypted or compressed in a way not read here): print "
	    "it to PDF again or scan the paper");

	/* a whole PDF ends with %%EOF (maybe followed by a line end or two) */
	{
		size_t from = n > 1024 ? n - 1024 : 0;
		bool eof = false;

		for (size_t i = from; i + 5 <= n; i++)
			if (memcmp(buf + i, "%%EOF", 5) == 0)
				eof = true;
		if (!eof)
			return err_set(err, MC_EINVAL, _("the PDF file is cut short (it does "
			    "not end as a PDF does): copy or save it again"));
	}
	if (!index_objects(&p) || p.root_at == 0 || !read_ref(&p, p.root_at, &root, &e) ||
	    (k = obj_find(&p, root)) < 0)
		goto out;
	body = skip_ws(&p, p.objs[k].at);
	if (!dict_get(&p, body, "Pages", &v) || !read_ref(&p, v, &tree, &e) ||
	    (k = obj_find(&p, tree)) < 0)
		goto out;
	body = skip_ws(&p, p.objs[k].at);
	if (!dict_get(&p, body, "Count", &v) || !deref(&p, v, &v) ||
	    !read_uint(&p, v, &count, &e))
		goto out;
	if (count < 1 || count > ATTACH_MAX_PAGES) {
		free(p.objs);
		return err_set(err, MC_EINVAL, _("the PDF file says it has %lld pages: a "
		    "document of a dossier has from 1 to %d"), count, ATTACH_MAX_PAGES);
	}
	if ((p.seen = calloc(p.nobjs > 0 ? p.nobjs : 1, 1)) == NULL) {
		free(p.objs);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	if (!walk(&p, tree, 0))
		goto out;
	if (p.leaves != count) {
		free(p.objs);
		free(p.seen);
		return err_set(err, MC_EINVAL, _("the PDF file's page tree does not agree "
		    "with itself (%lld pages counted, %lld said): print it to PDF again or "
		    "scan the paper"), p.leaves, count);
	}
	*pages = (int)count;
	ok = true;
out:
	free(p.objs);
	free(p.seen);
	return ok ? 0 : err_set(err, MC_EINVAL, "%s", _(why));
}

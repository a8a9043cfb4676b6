/* test_catalog_rank.c — the procedure picker's ranking (catalog-index.c):
 * the quality of the match first (word starts of the name, then inside
 * its words, then initials, then code or field), the station's use count
 * only among equally good matches, and typed diacritics narrowing; and
 * the index's keys folded through the memo exactly as without it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/unit.h"
#include "catalog-int.h"
#include "tap.h"

static char dir[] = "/tmp/motcua-test-rank.XXXXXX";

/* The codes the query finds, best first, space separated (at most 8). */
static const char *
ranked(const struct catalog_index *idx, const char *q, size_t *count)
{
	static char buf[256];
	size_t out[512], n = catalog_index_filter(idx, q, out, 512);

	buf[0] = '\0';
	for (size_t i = 0; i < n && i < 8; i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, idx->e[out[i]].code);
	}
	if (count != NULL)
		*count = n;
	return buf;
}

/* Where code comes in the query's results (0 best), or -1. */
static long
place(const struct catalog_index *idx, const char *q, const char *code)
{
	size_t out[512], n = catalog_index_filter(idx, q, out, 512);

	for (size_t i = 0; i < n; i++)
		if (strcmp(idx->e[out[i]].code, code) == 0)
			return (long)i;
	return -1;
}

static int
receive(sqlite3 *db, struct mc_calendar *cal, const char *proc, int n)
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;
	char id[16];

	for (int i = 0; i < n; i++) {
		memset(&r, 0, sizeof r);
		snprintf(id, sizeof id, "0870840%05d", i);
		r.procedure = proc;
		r.docs = "all";
		r.applicant.name = "Nguyễn Văn An";
		r.applicant.id = id;
		r.applicant.phone = "0912345678";
		r.applicant.address = "Ấp 1, xã Mỹ An";
		r.officer = "lan";
		if (date_parse_time("2026-11-20 09:00", &r.at) != 0 ||
		    dossier_receive(db, cal, &r, &out, &err) != 0) {
			printf("# %s\n", err.msg);
			return -1;
		}
	}
	return 0;
}

/* catalog_text_make_memo gives s the keys catalog_text_make gives it. */
static bool
same_keys(const char *s, struct catalog_memo *m)
{
	struct catalog_text a, b;
	int ra = catalog_text_make(s, &a), rb = catalog_text_make_memo(s, &b, m);
	bool same = ra == rb && a.n == b.n &&
	    (a.n == 0 || memcmp(a.k, b.k, a.n * sizeof *a.k) == 0);

	catalog_text_free(&a);
	catalog_text_free(&b);
	return same;
}

static void
memo_tests(void)
{
	static const char *const texts[] = {
		"Thủ tục đăng ký khai sinh có yếu tố nước ngoài",
		"ĐĂNG KÝ KẾT HÔN LƯU ĐỘNG", "Chứng thực chữ ký (điểm chỉ)",
		"Ưu tiên ỨNG Ừ Ử Ữ Ự ư ứ ừ ử ữ ự", "İstanbul ǅemal ß ẞ Ǆ",
		/* a mark typed apart (decomposed text), a Greek final sigma,
		 * another script, bad UTF-8: folded whole, the same */
		"khai tu\xcc\x9b\xcc\x89 and u\xcc\xa3\xcc\x9b", "ΟΔΟΣ ΟΔΟΣ", "東京 khai sinh",
		"bad \xff byte", "", "1.001193-2 Hộ tịch",
	};
	struct catalog_memo *m = calloc(1, sizeof *m);
	char all[8192], *o = all;
	bool every = true;

	if (m == NULL) {
		ok(0, "memo: out of memory");
		return;
	}
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		ok(same_keys(texts[i], m), "memo: \"%s\" keyed as without it", texts[i]);
	/* every code point the memo keeps, alone and all in one text */
	for (unsigned c = 1; c < 0x1F00; c++) {
		char one[8];
		int l;

		if (c == 0x250)
			c = 0x1E00;
		l = u8_uctomb((uint8_t *)one, c, (int)sizeof one - 1);
		if (l <= 0)
			continue;
		one[l] = '\0';
		if (!same_keys(one, m)) {
			every = false;
			diag(one);
		}
		if (o + l + 1 < all + sizeof all) {
			memcpy(o, one, (size_t)l);
			o += l;
		}
	}
	*o = '\0';
	ok(every, "memo: each of U+0001..U+024F, U+1E00..U+1EFF keyed as without it");
	ok(same_keys(all, m), "memo: all of them in one text keyed as without it");
	free(m);
}

int
main(void)
{
	char p[128];
	struct mc_unit u = {.code = "000.17.22.H56", .station = 1};
	struct catalog_stats cs;
	struct catalog_index idx;
	struct mc_calendar *cal;
	struct mc_err err;
	sqlite3 *db;
	size_t n, all;

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(p, sizeof p, "%s/r.db", dir);
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	if (db_open(p, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    catalog_import_json(db, NULL, catalog_sample_json, &cs, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    calendar_open(db, &cal, &err)) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}
	setenv("MOTCUA_NOW", "2026-11-20 08:00", 1);

	/* birth registration is this station's most used procedure, and
	 * late birth registration ("đăng ký lại khai sinh") the next */
	if (receive(db, cal, "1.001193", 5) || receive(db, cal, "1.004884", 2) ||
	    catalog_index_load(db, &idx, &err)) {
		printf("Bail out! receiving the dossiers\n");
		return 1;
	}
	ok(strcmp(idx.e[0].code, "1.001193") == 0 && idx.e[0].uses == 5,
	    "birth registration is the most used");
	is_str(ranked(&idx, "", &all), "1.001193 1.004884 1.000894 1.000656 "
	    "1.001022 1.000689 1.004837 1.004845", "no query: most used, then "
	    "catalog order");

	/* the issue: khai tu, khai tử put death registration first */
	is_str(ranked(&idx, "khai tu", &n), "1.000656 1.005461 1.001193 1.004884 "
	    "1.000689", "'khai tu': death registrations (whole words) before the "
	    "more used birth ones, whose 'tục' only starts with 'tu'");
	is_str(ranked(&idx, "khai tử", &n), "1.000656 1.005461",
	    "'khai tử': the diacritic typed narrows to names with tử");
	is_str(ranked(&idx, "KHAI TỬ", &n), "1.000656 1.005461", "case does not matter");
	is_str(ranked(&idx, "khai   tử ", &n), "1.000656 1.005461", "nor spaces");
	is_str(ranked(&idx, "khai tư", &n), "1.000656 1.005461",
	    "'tư' on the way to 'tử' (Telex tuw, then r) keeps them: a tone not "
	    "typed matches any");
	is_str(ranked(&idx, "khai tú", &n), "", "a tone typed must be the name's");
	is_str(ranked(&idx, "khai tủ", &n), "1.000656 1.005461",
	    "a shape mark not typed matches any (tủ finds tử)");
	is_str(ranked(&idx, "Khai Tu\xcc\x9b\xcc\x89", &n), "1.000656 1.005461",
	    "a decomposed tử narrows the same");

	/* equally good matches: the use count decides */
	is_str(ranked(&idx, "khai", &n), "1.001193 1.004884 1.000656 1.000689 "
	    "1.005461", "'khai': all whole words; most used first, then catalog order");
	is_str(ranked(&idx, "khai sinh", &n), "1.001193 1.004884 1.000689",
	    "'khai sinh': the most used first");
	is_str(ranked(&idx, "kết hôn", &n), "1.000894 1.004746",
	    "'kết hôn' finds marriage, not the more used birth registration");

	/* word starts before inside a word */
	ok(place(&idx, "hon", "1.004873") >= 0 && place(&idx, "hon", "1.004859") >
	    place(&idx, "hon", "1.004873"), "'hon' at the start of 'hôn nhân' before "
	    "inside 'thông tin'");
	ok(place(&idx, "hon", "1.000894") == 0, "... and the whole word 'hôn' first");
	is_str(ranked(&idx, "ai", &n), "1.001193 1.004884 1.000656 1.000689 1.004859 "
	    "1.004746 1.005461 2.001035", "inside a word only ('khai', 'cải', 'lại'): "
	    "equal, the use count orders them");

	/* initials after the name's words */
	is_str(ranked(&idx, "dkks", &n), "1.001193 1.000689",
	    "initials 'dkks' (đăng ký khai sinh), not đăng ký lại khai sinh");
	ok(place(&idx, "kh", "1.000894") > place(&idx, "kh", "1.001193") &&
	    place(&idx, "kh", "1.000894") > place(&idx, "kh", "1.004873"),
	    "'kh': initials (đăng ký kết hôn) after names with a word starting kh");

	/* code and field last */
	ok(place(&idx, "ho tich", "1.004859") == 0 && place(&idx, "ho tich", "2.000635") == 1,
	    "'ho tich': the names that hold 'hộ tịch' first");
	ok(place(&idx, "ho tich", "1.001193") == 2, "then the field, most used first");
	is_str(ranked(&idx, "1.00065", &n), "1.000656", "a part of the code");
	ok(place(&idx, "sinh 1.001193", "1.001193") == 0, "a word of the name and the code");

	/* đ is a diacritic too */
	ok(place(&idx, "dich", "2.000992") >= 0, "'dich' finds 'dịch'");
	ok(place(&idx, "đich", "2.000992") < 0, "'đich' does not");
	ok(place(&idx, "đăng ký khai sinh", "1.001193") == 0, "'đăng ký khai sinh' "
	    "finds birth registration first");
	is_str(ranked(&idx, "khai sinh zzz", &n), "", "every word must match");
	ok(n == 0, "no match: 0");
	ok(catalog_index_filter(&idx, "khai", (size_t[2]){0}, 2) == 2,
	    "at most max are filled");
	catalog_index_free(&idx);
	calendar_close(cal);
	db_close(db);
	snprintf(p, sizeof p, "rm -rf '%s'", dir);
	if (system(p) != 0)
		return 1;
	memo_tests();
	return tap_done();
}

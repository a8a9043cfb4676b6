/* test_collate.c — Vietnamese collation, sort keys, upper case and the
 * SQLite collation "vi". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "motcua/db.h"
#include "motcua/vntext.h"
#include "tap.h"

/* NFD spellings, to check that decomposed input collates as NFC */
#define NFD_NGUYEN "Nguye\xcc\x82\xcc\x83n"	/* e + circumflex + tilde */
#define NFD_HOA_NEW "Hoa\xcc\x80"		/* Hoà, mark on the a */
#define MIXED_NGUYEN "Nguy\xc3\xaa\xcc\x83n"	/* ê + combining tilde */

struct pair {
	const char *a, *b;
	int want;	/* -1: a before b, 0: equal */
};

static const struct pair pairs[] = {
	{"An", "Anh", -1},
	{"Anh", "Ánh", -1},
	{"An", "Ánh", -1},
	{"An Bình", "Anh", -1},		/* word by word: space is lowest */
	{"Gia Bảo", "Giang", -1},
	{"Ánh", "Ba", -1},
	{"Ạnh", "Ăn", -1},		/* a < ă beats the tone */
	{"Ăn", "Ân", -1},
	{"Ân", "Bảo", -1},
	{"Chi", "Cường", -1},		/* no "ch" letter in CLDR vi */
	{"Dũng", "Đào", -1},
	{"Dương", "Đặng", -1},
	{"Duy", "Đức", -1},
	{"Oanh", "Ôn", -1},
	{"Ôn", "Ơn", -1},
	{"Oanh", "Ơn", -1},
	{"Ngô", "Nguyễn", -1},
	{"Uyên", "Ưng", -1},
	{"Vũ", "Vương", -1},
	{"Ưng", "Vân", -1},
	{"Văn", "Vân", -1},
	{"Lan", "Lâm", -1},
	{"Lâm", "Lê", -1},
	{"Lê", "Lý", -1},
	{"Phạm", "Phan", -1},		/* the letters first, the tone after */
	{"Hà", "Há", -1},
	{"Hà Nội", "Hà Tĩnh", -1},
	{"Nguyên", "Nguyễn", -1},
	{"Nguyễn Văn An", "Nguyễn Văn Anh", -1},
	{"Trần", "Trương", -1},
	{"a", "à", -1},			/* ngang < huyền < hỏi < ngã < sắc < nặng */
	{"à", "ả", -1},
	{"ả", "ã", -1},
	{"ã", "á", -1},
	{"á", "ạ", -1},
	{"hòa", "Hòa", -1},		/* case is tertiary: lower first */
	{"Hòa", "HÒA", -1},
	{"A", "à", -1},			/* tone (secondary) beats case */
	{"Hòa", "hỏa", -1},
	{"Hòa", "Hoà", 0},		/* old and new tone placement */
	{"hòa", "hoà", 0},
	{"Thủy", "Thuỷ", 0},
	{"khỏe", "khoẻ", 0},
	{"Hoàng", "Hòang", 0},
	{NFD_NGUYEN, "Nguyễn", 0},
	{MIXED_NGUYEN, "Nguyễn", 0},
	{NFD_HOA_NEW, "Hòa", 0},
	{"2 Anh", "Anh", -1},		/* digits before letters */
	{"Anh 2", "Anh B", -1},
	{"Êm", "Fan", -1},		/* f j w z in their Latin place */
	{"Fan", "Gấm", -1},
	{"Iên", "Jack", -1},
	{"Jack", "Kha", -1},
	{"Vy", "Wang", -1},
	{"Wang", "Xuân", -1},
	{"Yến", "Zung", -1},
	{"", "A", -1},
	{"Nguyễn", "Nguyễn Văn", -1},
	{"Noel", "Noël", -1},		/* a foreign mark: after no mark */
	{"Noël", "Noél", -1},		/* … and before a later tone */
};
#define NPAIRS (sizeof pairs / sizeof pairs[0])

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

/* The 67 lower-case letters by row; each row in tone order. */
static const char *const lower[] = {
	"aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
	"oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ", "đ",
};
static const char *const upper[] = {
	"AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
	"OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ", "Đ",
};

/* Split a row into its letters (each at most 3 bytes + NUL). */
static int
letters(const char *row, char out[][8])
{
	int n = 0;

	while (*row != '\0') {
		int k = 1;
		while ((row[k] & 0xc0) == 0x80)
			k++;
		memcpy(out[n], row, (size_t)k);
		out[n][k] = '\0';
		row += k;
		n++;
	}
	return n;
}

static int
cmp_collate(const void *x, const void *y)
{
	return vntext_collate(*(const char *const *)x, *(const char *const *)y);
}

static void
test_pairs(void)
{
	for (size_t i = 0; i < NPAIRS; i++) {
		int got = sign(vntext_collate(pairs[i].a, pairs[i].b));
		int back = sign(vntext_collate(pairs[i].b, pairs[i].a));

		if (pairs[i].want == 0)
			ok(got == 0 && back == 0, "'%s' = '%s'", pairs[i].a, pairs[i].b);
		else
			ok(got == -1 && back == 1, "'%s' < '%s'", pairs[i].a, pairs[i].b);
		if (got != pairs[i].want)
			printf("#   got %d\n", got);
	}
}

/* The sort keys order every pair of the strings above as collate does. */
static void
test_keys(void)
{
	const char *s[2 * NPAIRS];
	char *k[2 * NPAIRS];
	size_t n = 0;
	int bad = 0, zero = 0;
	struct mc_err err;

	for (size_t i = 0; i < NPAIRS; i++) {
		s[n++] = pairs[i].a;
		s[n++] = pairs[i].b;
	}
	for (size_t i = 0; i < n; i++)
		if ((k[i] = vntext_sortkey(s[i], &err)) == NULL)
			bad++;
	is_int(bad, 0, "a sort key for each of %zu strings", n);
	if (bad != 0)
		return;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = sign(vntext_collate(s[i], s[j]));
			if (sign(strcmp(k[i], k[j])) != c) {
				printf("# key order of '%s' and '%s' differs\n", s[i], s[j]);
				bad++;
			}
			/* transitive through equality: a = b means the same key */
			if (c == 0 && strcmp(k[i], k[j]) != 0)
				zero++;
		}
	is_int(bad, 0, "key order = collate order on all %zu pairs", n * n);
	is_int(zero, 0, "equal strings have equal keys");
	for (size_t i = 0; i < n; i++)
		free(k[i]);
	ok(vntext_sortkey("ab\xff", &err) == NULL && err.kind == MC_EINVAL,
	    "sort key refuses invalid UTF-8");
}

/* 12 vowels × 6 tones + đ: a tone row ascends, rows follow a ă â e ê i
 * o ô ơ u ư y; the upper case of each follows the lower; upper() maps
 * each of the 67 lower letters to its capital. */
static void
test_letters(void)
{
	char lo[8][8], up[8][8], prev[8] = "";
	int count = 0, bad_order = 0, bad_case = 0, bad_upper = 0;

	for (int r = 0; r < 13; r++) {
		int n = letters(lower[r], lo), m = letters(upper[r], up);

		if (n != m)
			bad_upper++;
		for (int i = 0; i < n; i++) {
			char *u = vntext_upper(lo[i], NULL), *uu = vntext_upper(up[i], NULL);

			if ((unsigned char)lo[i][0] >= 0x80)
				count += 2;	/* the 134 are the precomposed ones */
			if (u == NULL || strcmp(u, up[i]) != 0 || uu == NULL ||
			    strcmp(uu, up[i]) != 0) {
				printf("# upper(%s) = %s, want %s\n", lo[i], u ? u : "?", up[i]);
				bad_upper++;
			}
			free(u);
			free(uu);
			if (vntext_collate(lo[i], up[i]) >= 0)
				bad_case++;
			if (prev[0] != '\0' && r != 12 && vntext_collate(prev, lo[i]) >= 0) {
				printf("# %s not before %s\n", prev, lo[i]);
				bad_order++;
			}
			snprintf(prev, sizeof prev, "%s", lo[i]);
		}
	}
	is_int(count, 134, "the 134 letters");
	is_int(bad_upper, 0, "upper case of all 67 letters (and capitals unchanged)");
	is_int(bad_case, 0, "each lower-case letter before its capital");
	is_int(bad_order, 0, "vowels and tones in order: a à ả ã á ạ ă … ỵ");
	ok(vntext_collate("d", "đ") < 0 && vntext_collate("đ", "e") < 0 &&
	    vntext_collate("Đ", "e") < 0, "d < đ < e");
}

static void
test_upper(void)
{
	struct mc_err err;
	char *s;

	s = vntext_upper("Nguyễn Văn Ánh", &err);
	is_str(s, "NGUYỄN VĂN ÁNH", "upper of a name");
	free(s);
	s = vntext_upper(NFD_NGUYEN " thị đào", &err);
	is_str(s, "NGUYỄN THỊ ĐÀO", "upper of NFD input is NFC");
	free(s);
	ok(vntext_upper("x\xc3", &err) == NULL && err.kind == MC_EINVAL,
	    "upper refuses invalid UTF-8");
}

static void
test_sort(void)
{
	/* the expected order; the list is sorted from a shuffle */
	static const char *const want[] = {
		"An", "An Bình", "Anh", "Ánh", "Ăn", "Ân", "Bảo", "Chi", "Cường",
		"Dũng", "Dương", "Đào", "Đặng", "Hà", "Hoà", "Lâm", "Lê", "Ngô",
		"Nguyên", "Nguyễn", "Oanh", "Ôn", "Ơn", "Trần", "Trương", "Uyên",
		"Ưng", "Vân", "Yến",
	};
	enum { N = sizeof want / sizeof want[0] };
	const char *v[N];
	int bad = 0;

	for (int i = 0; i < N; i++)
		v[i] = want[(i * 7 + 3) % N];	/* 7 is prime to N = 29 */
	qsort(v, N, sizeof v[0], cmp_collate);
	for (int i = 0; i < N; i++)
		if (strcmp(v[i], want[i]) != 0)
			bad++;
	is_int(bad, 0, "qsort with vntext_collate gives the Vietnamese order");
	ok(vntext_collate(NULL, "") < 0 && vntext_collate(NULL, NULL) == 0,
	    "NULL sorts first");
	ok(vntext_collaten("A\0b", 3, "A\0c", 3) < 0 && vntext_collaten("Hòa", 4,
	    "Hòa Bình", 4) == 0, "lengths, not NULs, end the strings");
	ok(vntext_collate("a\xff", "ab") > 0 && vntext_collate("a\xff", "a\xfe") > 0,
	    "bytes that are not UTF-8 sort last, by value");
}

/* Longer than the stack buffers of vntext_collate: the heap takes over. */
static void
test_long(void)
{
	char a[4096] = "", b[4096] = "";
	char *ka, *kb;

	for (int i = 0; i < 150; i++) {
		strcat(a, "Nguyễn Thị Thùy ");
		strcat(b, "Nguyễn Thị Thuỳ ");
	}
	strcat(a, "Dương");
	strcat(b, "Dung");
	ka = vntext_sortkey(a, NULL);
	kb = vntext_sortkey(b, NULL);
	ok(vntext_collate(b, a) < 0 && vntext_collate(a, b) > 0,
	    "names of %zu bytes: 'Thùy … Dung' < 'Thuỳ … Dương'", strlen(a));
	ok(ka != NULL && kb != NULL && strcmp(kb, ka) < 0, "and so are their keys");
	b[strlen(b) - 4] = '\0';
	strcat(b, "Dương");
	ok(vntext_collate(a, b) == 0, "Thùy = Thuỳ 150 times over");
	free(ka);
	free(kb);
}

static void
test_sqlite(void)
{
	char dir[] = "/tmp/motcua-test-collate.XXXXXX", path[64], got[512] = "";
	struct mc_err err;
	sqlite3 *db;
	sqlite3_stmt *st;

	if (mkdtemp(dir) == NULL) {
		ok(0, "make a temporary folder");
		return;
	}
	snprintf(path, sizeof path, "%s/c.db", dir);
	ok(db_open(path, DB_CREATE, &db, &err) == 0, "open a database");
	ok(sqlite3_exec(db, "CREATE TEMP TABLE n(name TEXT);"
	    "INSERT INTO n VALUES ('Đào'),('Dũng'),('Ưng'),('Uyên'),('Ánh'),"
	    "('Anh'),('An'),('Ơn'),('Ôn'),('Oanh'),('Zung')", NULL, NULL, NULL) ==
	    SQLITE_OK, "fill a table");
	if (sqlite3_prepare_v2(db, "SELECT group_concat(name, ' ') FROM "
	    "(SELECT name FROM n ORDER BY name COLLATE vi)", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(got, sizeof got, "%s", sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	is_str(got, "An Anh Ánh Dũng Đào Oanh Ôn Ơn Uyên Ưng Zung",
	    "ORDER BY name COLLATE vi");
	is_int(db_int(db, "SELECT 'Hòa' = 'Hoà' COLLATE vi", -1), 1,
	    "'Hòa' = 'Hoà' COLLATE vi");
	is_int(db_int(db, "SELECT count(DISTINCT name COLLATE vi) FROM "
	    "(SELECT 'Thủy' AS name UNION ALL SELECT 'Thuỷ' UNION ALL SELECT 'Thúy')",
	    -1), 2, "DISTINCT with COLLATE vi merges the two spellings");
	db_close(db);
	unlink(path);
	snprintf(path, sizeof path, "%s/c.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/c.db-shm", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	test_pairs();
	test_keys();
	test_letters();
	test_upper();
	test_sort();
	test_long();
	test_sqlite();
	return tap_done();
}

/* mkdb-people.c — who comes to the counter, for bench/mkdb: Vietnamese
 * names with the frequencies of the census (family names: Nguyễn about
 * 38 %, Trần 11 %, Lê 9.5 % …; middle names: Văn for most men, Thị for
 * most women), ID numbers, phones and addresses, and the procedures
 * weighted as a commune's counter sees them (the weights of
 * src/core/demo.c, per ten thousand receipts).  Deterministic for a
 * seed: everything is drawn from the caller's generator. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mkdb.h"

uint64_t
mkdb_rnd(uint64_t *s)
{
	/* xorshift64*: small, fast, the same sequence everywhere */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ull;
}

unsigned
mkdb_below(uint64_t *s, unsigned n)
{
	return (unsigned)((mkdb_rnd(s) >> 32) % n);
}

struct weighted {
	const char *v;
	int w;
};

/* Family names, per thousand people. */
static const struct weighted family[] = {
	{"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 71}, {"Hoàng", 30},
	{"Huỳnh", 21}, {"Phan", 45}, {"Vũ", 20}, {"Võ", 19}, {"Đặng", 21}, {"Bùi", 20},
	{"Đỗ", 14}, {"Hồ", 13}, {"Ngô", 13}, {"Dương", 10}, {"Lý", 5}, {"Đinh", 10},
	{"Trương", 9}, {"Lâm", 6}, {"Mai", 6}, {"Đoàn", 6}, {"Lương", 5}, {"Cao", 5},
	{"Hà", 5}, {"Tạ", 3}, {"Tô", 3}, {"Châu", 3}, {"Quách", 2}, {"Thái", 3},
	{"Lưu", 3}, {"Kiều", 2},
};
static const struct weighted middle_m[] = {
	{"Văn", 400}, {"Hữu", 70}, {"Đức", 70}, {"Minh", 80}, {"Quốc", 50},
	{"Thanh", 50}, {"Công", 40}, {"Xuân", 30}, {"Ngọc", 30}, {"Duy", 30},
	{"Hoàng", 30}, {"Quang", 40}, {"Trung", 20}, {"Anh", 20}, {"Tấn", 20},
	{"Thành", 20},
};
static const struct weighted middle_f[] = {
	{"Thị", 500}, {"Ngọc", 80}, {"Thanh", 50}, {"Thu", 50}, {"Kim", 40},
	{"Mỹ", 40}, {"Hồng", 40}, {"Phương", 30}, {"Bích", 30}, {"Minh", 30},
	{"Thúy", 30}, {"Hoài", 20}, {"Diệu", 20}, {"Khánh", 20}, {"Bảo", 20},
};
static const struct weighted given_m[] = {
	{"Anh", 60}, {"Hùng", 50}, {"Dũng", 50}, {"Tuấn", 50}, {"Minh", 45},
	{"Hải", 40}, {"Nam", 40}, {"Long", 40}, {"Sơn", 35}, {"Thắng", 35},
	{"Hoàng", 30}, {"Huy", 30}, {"Phúc", 30}, {"Quân", 30}, {"Khánh", 25},
	{"Bình", 25}, {"Cường", 25}, {"Đạt", 25}, {"Hiếu", 25}, {"Tài", 25},
	{"Trung", 25}, {"Việt", 20}, {"Lộc", 20}, {"Hòa", 20}, {"Thành", 20},
	{"Tâm", 20}, {"Toàn", 15}, {"Vinh", 15}, {"Phong", 15}, {"Tùng", 15},
	{"Khoa", 15}, {"Nghĩa", 15}, {"Tiến", 15}, {"Lâm", 10}, {"An", 15},
	{"Bảo", 15}, {"Duy", 10}, {"Kiên", 10}, {"Thịnh", 10}, {"Quý", 10},
};
static const struct weighted given_f[] = {
	{"Linh", 60}, {"Hương", 50}, {"Lan", 45}, {"Trang", 50}, {"Hà", 40},
	{"Mai", 40}, {"Thảo", 40}, {"Ngọc", 35}, {"Hằng", 35}, {"Phương", 35},
	{"Thủy", 30}, {"Nga", 30}, {"Yến", 30}, {"Anh", 40}, {"Hạnh", 25},
	{"Hoa", 25}, {"Huyền", 25}, {"Nhung", 20}, {"Oanh", 15}, {"Vân", 20},
	{"Uyên", 15}, {"Xuân", 15}, {"Ánh", 15}, {"Dung", 20}, {"Liên", 15},
	{"Loan", 15}, {"Nhi", 20}, {"Quyên", 10}, {"Thư", 20}, {"Trinh", 15},
	{"Vy", 20}, {"Tuyết", 10}, {"My", 15}, {"Châu", 10}, {"Giang", 15},
};
static const struct weighted provinces[] = {
	{"087", 60}, {"089", 8}, {"086", 6}, {"082", 5}, {"079", 8}, {"001", 4},
	{"092", 4}, {"080", 3}, {"084", 2},
};
static const char *const hamlets[] = {
	"Ấp 1", "Ấp 2", "Ấp 3", "Ấp 4", "Ấp Mỹ Phước", "Ấp Tân Hòa", "Ấp Bình Thạnh",
	"Ấp Long Hưng", "Ấp An Lạc", "Ấp Phú Thọ", "Tổ 4, khu phố 2", "Tổ 7, khu phố 1",
};

/* The procedures of demo.c's mix: the sample catalog's codes. */
const struct mkdb_mix mkdb_mix[] = {
	{"2.000815", 3800}, {"2.000884", 2000}, {"1.001193", 750}, {"1.004873", 650},
	{"2.000635", 450}, {"1.000894", 300}, {"1.000656", 280}, {"2.001035", 280},
	{"1.004859", 200}, {"2.000908", 180}, {"1.001776", 150}, {"1.001612", 100},
	{"2.000720", 90}, {"2.001406", 90}, {"1.001022", 80}, {"1.004884", 80},
	{"1.001731", 60}, {"1.001699", 50}, {"2.001019", 50}, {"1.000689", 40},
	{"2.000913", 40}, {"2.000992", 40}, {"1.001653", 30}, {"1.012812", 30},
	{"1.010825", 25}, {"1.004746", 20}, {"1.005461", 20}, {"1.004837", 20},
	{"1.004845", 10},
};
const size_t mkdb_nmix = sizeof mkdb_mix / sizeof mkdb_mix[0];

static const char *
pick(const struct weighted *t, size_t n, uint64_t *s)
{
	int total = 0, w;

	for (size_t i = 0; i < n; i++)
		total += t[i].w;
	w = (int)mkdb_below(s, (unsigned)total);
	for (size_t i = 0; i < n; i++) {
		if (w < t[i].w)
			return t[i].v;
		w -= t[i].w;
	}
	return t[n - 1].v;
}

#define PICKW(t, s) pick((t), sizeof(t) / sizeof((t)[0]), (s))

void
mkdb_person(struct mkdb_person *p, uint64_t *s)
{
	bool female = mkdb_below(s, 2);
	int year = 1945 + (int)mkdb_below(s, 62);
	const char *fam = PICKW(family, s);
	const char *mid = female ? PICKW(middle_f, s) : PICKW(middle_m, s);
	const char *giv = female ? PICKW(given_f, s) : PICKW(given_m, s);

	/* one in seven has a second middle name ("Nguyễn Thị Ngọc Anh") */
	if (mkdb_below(s, 7) == 0) {
		const char *mid2 = female ? PICKW(middle_f, s) : PICKW(middle_m, s);

		if (strcmp(mid2, mid) != 0 && strcmp(mid2, giv) != 0) {
			snprintf(p->name, sizeof p->name, "%s %s %s %s", fam, mid, mid2, giv);
			goto rest;
		}
	}
	snprintf(p->name, sizeof p->name, "%s %s %s", fam, mid, giv);
rest:
	/* the citizen ID: province, century and sex, year, six digits */
	snprintf(p->id, sizeof p->id, "%s%d%02d%06u", PICKW(provinces, s),
	    (year >= 2000 ? 2 : 0) + (female ? 1 : 0), year % 100, mkdb_below(s, 1000000));
	/* one in eight gives no phone */
	if (mkdb_below(s, 8) == 0)
		p->phone[0] = '\0';
	else
		snprintf(p->phone, sizeof p->phone, "0%c%08u", "3789"[mkdb_below(s, 4)],
		    mkdb_below(s, 100000000));
	snprintf(p->address, sizeof p->address, "%s, xã Mỹ An",
	    hamlets[mkdb_below(s, sizeof hamlets / sizeof hamlets[0])]);
	snprintf(p->birth, sizeof p->birth, "%04d-%02d-%02d", year, 1 + (int)mkdb_below(s, 12),
	    1 + (int)mkdb_below(s, 28));
}

/* citizen.c — ID numbers, phone numbers, e-mail addresses and birth dates,
 * as the counter meets them: the one rule both front ends apply. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/citizen.h"
#include "motcua/date.h"
#include "motcua/i18n.h"

/* Province codes of Circular 07/2016/TT-BCA (the 63 provinces before the
 * 2025 merger; cards issued earlier keep them). */
static const struct {
	char code[4];
	const char *name;
} provinces[] = {
	{"001", "Hà Nội"}, {"002", "Hà Giang"}, {"004", "Cao Bằng"},
	{"006", "Bắc Kạn"}, {"008", "Tuyên Quang"}, {"010", "Lào Cai"},
	{"011", "Điện Biên"}, {"012", "Lai Châu"}, {"014", "Sơn La"},
	{"015", "Yên Bái"}, {"017", "Hòa Bình"}, {"019", "Thái Nguyên"},
	{"020", "Lạng Sơn"}, {"022", "Quảng Ninh"}, {"024", "Bắc Giang"},
	{"025", "Phú Thọ"}, {"026", "Vĩnh Phúc"}, {"027", "Bắc Ninh"},
	{"030", "Hải Dương"}, {"031", "Hải Phòng"}, {"033", "Hưng Yên"},
	{"034", "Thái Bình"}, {"035", "Hà Nam"}, {"036", "Nam Định"},
	{"037", "Ninh Bình"}, {"038", "Thanh Hóa"}, {"040", "Nghệ An"},
	{"042", "Hà Tĩnh"}, {"044", "Quảng Bình"}, {"045", "Quảng Trị"},
	{"046", "Thừa Thiên Huế"}, {"048", "Đà Nẵng"}, {"049", "Quảng Nam"},
	{"051", "Quảng Ngãi"}, {"052", "Bình Định"}, {"054", "Phú Yên"},
	{"056", "Khánh Hòa"}, {"058", "Ninh Thuận"}, {"060", "Bình Thuận"},
	{"062", "Kon Tum"}, {"064", "Gia Lai"}, {"066", "Đắk Lắk"},
	{"067", "Đắk Nông"}, {"068", "Lâm Đồng"}, {"070", "Bình Phước"},
	{"072", "Tây Ninh"}, {"074", "Bình Dương"}, {"075", "Đồng Nai"},
	{"077", "Bà Rịa - Vũng Tàu"}, {"079", "Hồ Chí Minh"}, {"080", "Long An"},
	{"082", "Tiền Giang"}, {"083", "Bến Tre"}, {"084", "Trà Vinh"},
	{"086", "Vĩnh Long"}, {"087", "Đồng Tháp"}, {"089", "An Giang"},
	{"091", "Kiên Giang"}, {"092", "Cần Thơ"}, {"093", "Hậu Giang"},
	{"094", "Sóc Trăng"}, {"095", "Bạc Liêu"}, {"096", "Cà Mau"},
};

void
citizen_warn(struct mc_warnings *w, const char *fmt, ...)
{
	va_list ap;

	if (w == NULL || w->n >= MC_WARN_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(w->msg[w->n++], sizeof w->msg[0], fmt, ap);
	va_end(ap);
}

const char *
citizen_province(const char *prefix3)
{
	for (size_t i = 0; i < sizeof provinces / sizeof provinces[0]; i++)
		if (strncmp(provinces[i].code, prefix3, 3) == 0)
			return provinces[i].name;
	return NULL;
}

enum citizen_sex
citizen_id_sex(const char *id)
{
	if (id == NULL || strlen(id) != 12 || strspn(id, "0123456789") != 12 || id[3] > '5')
		return CITIZEN_SEX_UNKNOWN;
	return (id[3] - '0') % 2 == 1 ? CITIZEN_SEX_FEMALE : CITIZEN_SEX_MALE;
}

int
citizen_id_birth_year(const char id[13])
{
	int century = 1900 + 100 * ((id[3] - '0') / 2);

	return century + (id[4] - '0') * 10 + (id[5] - '0');
}

/* Keep digits; spaces, dots and dashes between groups are allowed. */
static int
digits_only(const char *in, char *out, size_t max, size_t *n)
{
	*n = 0;
	for (const char *p = in; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (*n >= max)
				return -1;
			out[(*n)++] = *p;
		} else if (*p != ' ' && *p != '.' && *p != '-') {
			return -1;
		}
	}
	out[*n] = '\0';
	return 0;
}

int
citizen_check_id(const char *in, int birth_jdn, char out[13],
    struct mc_warnings *w, struct mc_err *err)
{
	size_t n;

	if (in == NULL || digits_only(in, out, 12, &n) != 0 || n != 12)
		return err_set(err, MC_EINVAL,
		    _("the ID number '%s' is not valid: a citizen ID (CCCD) has exactly "
		    "12 digits"), in != NULL ? in : "");
	if (citizen_province(out) == NULL)
		citizen_warn(w, _("the ID number starts with %.3s, which is not a known "
		    "province code: check it against the card"), out);
	if (birth_jdn > 0) {
		int y, m, d;

		date_ymd(birth_jdn, &y, &m, &d);
		if (citizen_id_birth_year(out) != y)
			citizen_warn(w, _("the ID number says born in %d but the birth date "
			    "says %d: check both against the card"),
			    citizen_id_birth_year(out), y);
	} else {
		struct mc_time now;

		date_now(&now);
		int y, m, d;
		date_ymd(now.jdn, &y, &m, &d);
		if (citizen_id_birth_year(out) > y)
			citizen_warn(w, _("the ID number implies a birth year of %d, which "
			    "is in the future: check it against the card"),
			    citizen_id_birth_year(out));
	}
	return 0;
}

/* A mobile has 10 digits (0 and a 9-digit subscriber number); a landline
 * since the 2017 renumbering has 11: 02, the area code's rest and the
 * subscriber (0277 385 1234).  "+84" stands for the leading 0. */
int
citizen_check_phone(const char *in, char out[MC_PHONE_LEN], struct mc_err *err)
{
	char buf[MC_PHONE_LEN + 4];
	size_t n = 0;
	int bad = in == NULL;

	if (!bad && strncmp(in, "+84", 3) == 0) {
		buf[0] = '0';
		bad = digits_only(in + 3, buf + 1, sizeof buf - 2, &n) != 0;
		n++;
	} else if (!bad) {
		bad = digits_only(in, buf, sizeof buf - 1, &n) != 0;
	}
	if (!bad && buf[0] == '0' &&
	    (n == 10 || (n == 11 && buf[1] == '2'))) {
		memcpy(out, buf, n + 1);
		return 0;
	}
	return err_set(err, MC_EINVAL,
	    _("the phone number '%s' is not valid: a mobile has 10 digits, a landline "
	    "11 starting with 02, both start with 0"), in != NULL ? in : "");
}

int
citizen_check_email(const char *in, struct mc_err *err)
{
	const char *at = in != NULL ? strchr(in, '@') : NULL;

	if (at == NULL)
		return err_set(err, MC_EINVAL, _("the e-mail address '%s' has no '@': "
		    "check it, or leave it out"), in != NULL ? in : "");
	for (const unsigned char *p = (const unsigned char *)in; *p != '\0'; p++)
		if (*p <= ' ' || *p == 127)
			goto bad;
	if (at == in || at[1] == '\0' || strchr(at + 1, '@') != NULL)
		goto bad;
	return 0;
bad:
	return err_set(err, MC_EINVAL, _("the e-mail address '%s' is not valid: check "
	    "it, or leave it out"), in);
}

int
citizen_check_birth(const char *in, int *jdn, char iso[11], struct mc_err *err)
{
	struct mc_time now;
	char day[MC_DATE_LEN];

	/* date_parse_input's message: it fits the screen's bottom line */
	if (date_parse_input(in, jdn, err) != 0)
		return -1;
	date_format(*jdn, day);
	date_now(&now);
	if (*jdn > now.jdn)
		return err_set(err, MC_EINVAL, _("the birth date %s is in the future"), day);
	if (iso != NULL)
		memcpy(iso, day, MC_DATE_LEN);
	return 0;
}

/* Digits of s if s is only digits, spaces, dots and dashes; else "". */
void
citizen_digits(const char *s, char *out, size_t n)
{
	size_t k = 0;

	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			if (k + 1 >= n)
				break;
			out[k++] = *s;
		} else if (*s != ' ' && *s != '.' && *s != '-') {
			k = 0;
			break;
		}
	}
	out[k] = '\0';
}

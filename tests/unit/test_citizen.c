/* test_citizen.c — ID numbers and phone numbers. */
#include "config.h"

#include <string.h>

#include "motcua/citizen.h"
#include "motcua/date.h"
#include "tap.h"

static int
check(const char *id, int birth, char out[13], struct mc_warnings *w)
{
	struct mc_err err;

	memset(w, 0, sizeof *w);
	return citizen_check_id(id, birth, out, w, &err);
}

int
main(void)
{
	struct mc_warnings w;
	struct mc_err err;
	char id[13], ph[MC_PHONE_LEN];

	ok(check("087084000999", 0, id, &w) == 0 && w.n == 0, "a good ID number");
	is_str(id, "087084000999", "kept as is");
	is_str(citizen_province(id), "Đồng Tháp", "province of 087");
	is_int(citizen_id_sex(id), CITIZEN_SEX_MALE, "digit 0: male");
	is_int(citizen_id_birth_year(id), 1984, "born 1984");
	ok(check("001 305 012345", 0, id, &w) == 0 && strcmp(id, "001305012345") == 0,
	    "spaces between groups are dropped");
	ok(citizen_id_sex(id) == CITIZEN_SEX_FEMALE && citizen_id_birth_year(id) == 2005,
	    "digit 3: female, 2000s");
	/* the 4th digit of each century and sex, and what gives no sex */
	is_int(citizen_id_sex("001184000001"), CITIZEN_SEX_FEMALE, "digit 1: female (1900s)");
	is_int(citizen_id_sex("001204000001"), CITIZEN_SEX_MALE, "digit 2: male (2000s)");
	is_int(citizen_id_sex("001304000001"), CITIZEN_SEX_FEMALE, "digit 3: female (2000s)");
	is_int(citizen_id_sex("001404000001"), CITIZEN_SEX_MALE, "digit 4: male (2100s)");
	is_int(citizen_id_sex("001504000001"), CITIZEN_SEX_FEMALE, "digit 5: female (2100s)");
	is_int(citizen_id_sex("001604000001"), CITIZEN_SEX_UNKNOWN, "digit 6: no century yet");
	is_int(citizen_id_sex("001904000001"), CITIZEN_SEX_UNKNOWN, "digit 9: no century yet");
	is_int(citizen_id_sex("361234567"), CITIZEN_SEX_UNKNOWN, "a 9-digit CMND: unknown");
	is_int(citizen_id_sex("B1234567"), CITIZEN_SEX_UNKNOWN, "a passport number: unknown");
	is_int(citizen_id_sex("00108400000A"), CITIZEN_SEX_UNKNOWN, "12 with a letter: unknown");
	is_int(citizen_id_sex("0010840000011"), CITIZEN_SEX_UNKNOWN, "13 digits: unknown");
	is_int(citizen_id_sex(""), CITIZEN_SEX_UNKNOWN, "no ID: unknown");
	is_int(citizen_id_sex(NULL), CITIZEN_SEX_UNKNOWN, "NULL: unknown");
	ok(check("08708400099", 0, id, &w) != 0, "11 digits refused");
	ok(check("0870840009999", 0, id, &w) != 0, "13 digits refused");
	ok(check("08708400099A", 0, id, &w) != 0, "a letter refused");
	ok(check("", 0, id, &w) != 0, "empty refused");
	memset(&err, 0, sizeof err);
	citizen_check_id("12345", 0, id, NULL, &err);
	ok(strstr(err.msg, "12 digits") != NULL, "the message says 12 digits");

	ok(check("003084000999", 0, id, &w) == 0 && w.n == 1 &&
	    strstr(w.msg[0], "province") != NULL, "unknown province 003: a warning only");
	ok(check("087084000999", date_jdn(1984, 5, 1), id, &w) == 0 && w.n == 0,
	    "birth date agrees");
	ok(check("087084000999", date_jdn(2004, 5, 1), id, &w) == 0 && w.n == 1 &&
	    strstr(w.msg[0], "1984") != NULL, "century digit contradicts the birth date: warning");
	ok(check("087584000999", 0, id, &w) == 0 && w.n == 1, "born in 2184: warning");

	ok(citizen_check_phone("0912345678", ph, &err) == 0 && !strcmp(ph, "0912345678"),
	    "a good phone");
	ok(citizen_check_phone("0912 345 678", ph, &err) == 0 && !strcmp(ph, "0912345678"),
	    "spaces dropped");
	ok(citizen_check_phone("0912.345.678", ph, &err) == 0, "dots dropped");
	ok(citizen_check_phone("+84 912 345 678", ph, &err) == 0 &&
	    !strcmp(ph, "0912345678"), "+84 becomes 0");
	ok(citizen_check_phone("912345678", ph, &err) != 0, "9 digits refused");
	ok(citizen_check_phone("1912345678", ph, &err) != 0, "not starting with 0 refused");
	ok(citizen_check_phone("09123456789", ph, &err) != 0, "11 digits refused");
	ok(citizen_check_phone("09a2345678", ph, &err) != 0, "a letter refused");
	ok(strstr(err.msg, "10 digits") != NULL, "the message says 10 digits");
	ok(strstr(err.msg, "11") != NULL && strstr(err.msg, "02") != NULL,
	    "the message says a landline has 11 digits starting with 02");
	/* landlines: 02 + area code + subscriber, 11 digits */
	ok(citizen_check_phone("02773851234", ph, &err) == 0 && !strcmp(ph, "02773851234"),
	    "an 11-digit landline (Đồng Tháp)");
	ok(citizen_check_phone("0277 385 1234", ph, &err) == 0 &&
	    !strcmp(ph, "02773851234"), "a landline with spaces: digits only");
	ok(citizen_check_phone("0277.385.1234", ph, &err) == 0 &&
	    !strcmp(ph, "02773851234"), "a landline with dots: digits only");
	ok(citizen_check_phone("024.3825.1234", ph, &err) == 0 &&
	    !strcmp(ph, "02438251234"), "a Hà Nội landline");
	ok(citizen_check_phone("+84 277 385 1234", ph, &err) == 0 &&
	    !strcmp(ph, "02773851234"), "a landline with +84");
	ok(citizen_check_phone("+84 277 385 12345", ph, &err) != 0, "+84 and 11 digits refused");
	ok(citizen_check_phone("12773851234", ph, &err) != 0, "11 digits not starting with 0 refused");
	ok(citizen_check_phone("0277385123", ph, &err) == 0, "10 digits starting with 02 kept");
	ok(citizen_check_phone("027738512345", ph, &err) != 0, "12 digits refused");
	ok(citizen_check_phone("0277 385 1234 9", ph, &err) != 0, "a digit too many refused");
	ok(citizen_check_phone("", ph, &err) != 0, "nothing is not a phone");
	ok(citizen_check_phone("0277/3851234", ph, &err) != 0, "a slash refused");
	return tap_done();
}

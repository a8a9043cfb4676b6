/* test_cccd.c — the chip card's QR as a scanner types it: a good scan,
 * and every way a scan can be wrong, each refused whole. */
#include "config.h"

#include <string.h>

#include "motcua/citizen.h"
#include "motcua/date.h"
#include "motcua/vntext.h"
#include "tap.h"

#define GOOD "087084000999|361234567|Nguyễn Văn An|01051984|Nam|" \
	"Ấp 3, xã Tân Hội, Cao Lãnh, Đồng Tháp|10082021"

/* Parse s; true if refused with nothing left in q and a message. */
static bool
refused(const char *s, const char *word)
{
	struct mc_cccd_qr q, zero;
	struct mc_warnings w = {0};
	struct mc_err err;

	memset(&err, 0, sizeof err);
	memset(&zero, 0, sizeof zero);
	if (citizen_parse_cccd_qr(s, &q, &w, &err) == 0)
		return false;
	if (memcmp(&q, &zero, sizeof q) != 0) {
		diag("  something was left in the result");
		return false;
	}
	if (strstr(err.msg, word) == NULL || strstr(err.msg, "scan it again") == NULL) {
		diag(err.msg);
		return false;
	}
	/* the message line is 78 columns wide and takes two lines at most */
	if (vntext_wrap(err.msg, 78, NULL, 0) > 2 || strchr(err.msg, ';') != NULL) {
		diag("  longer than two lines of 78 columns, or not one sentence:");
		diag(err.msg);
		return false;
	}
	return true;
}

int
main(void)
{
	struct mc_cccd_qr q;
	struct mc_warnings w = {0};
	struct mc_err err;

	ok(citizen_is_cccd_qr(GOOD), "a QR is told from typing by its '|'");
	ok(!citizen_is_cccd_qr("087084000999"), "an ID number is not a QR");
	ok(!citizen_is_cccd_qr("nguyen van an"), "a name is not a QR");

	ok(citizen_parse_cccd_qr(GOOD, &q, &w, &err) == 0, "a good scan is read");
	is_str(q.id, "087084000999", "the ID");
	is_str(q.old_id, "361234567", "the old ID");
	is_str(q.name, "Nguyễn Văn An", "the name");
	is_str(q.birth, "1984-05-01", "the birth date, ddmmyyyy read");
	is_int(q.birth_jdn, date_jdn(1984, 5, 1), "the birth day");
	ok(!q.female, "Nam: male");
	is_str(q.address, "Ấp 3, xã Tân Hội, Cao Lãnh, Đồng Tháp", "the address, commas kept");
	is_int(q.issue_jdn, date_jdn(2021, 8, 10), "the date of issue");
	is_int(w.n, 0, "no warning for a card that agrees with itself");

	ok(citizen_parse_cccd_qr("087184000123||Trần  Thị Bình |15121984|Nữ|12 Lý Thường "
	    "Kiệt, Phường 1|01022022\r\n", &q, &w, &err) == 0,
	    "no old ID, a trailing line break: read");
	is_str(q.old_id, "", "the old ID is empty");
	ok(q.female, "Nữ: female");
	is_str(q.name, "Trần Thị Bình", "white space in the name collapsed");
	ok(citizen_parse_cccd_qr("087184000123||Trần Thị Bình|15121984|Nu\xcc\x9b\xcc\x83|"
	    "12 Lý Thường Kiệt|01022022", &q, &w, &err) == 0 && q.female,
	    "Nữ decomposed: female too");
	ok(refused("087084000999||Trần Thị Bình|15121984|Nữ|12 Lý Thường Kiệt|01022022",
	    "Nữ but the ID number's 4th digit says male"),
	    "Nữ on a card whose ID's 4th digit is 0 (male): refused");
	ok(refused("079305001234||Lê Văn Tư|15122005|Nam|12 Lý Thường Kiệt|01022022",
	    "Nam but the ID number's 4th digit says female"),
	    "Nam on a card whose ID's 4th digit is 3 (female): refused");
	ok(citizen_parse_cccd_qr("079205001234||Lê Văn Tư|15122005|Nam|12 Lý Thường Kiệt|"
	    "01022022", &q, &w, &err) == 0 && !q.female, "Nam and digit 2 (2000s, male): read");

	ok(refused("087084000999|361234567|Nguyễn Văn An|01051984|Nam|Ấp 3", "fewer than 7"),
	    "a partial scan (cut in the address): refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An", "fewer than 7"),
	    "three fields: refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An|01051984|Nam|Ấp 3|10082021|",
	    "more than 7"), "an extra '|' at the end: refused");
	ok(refused("087084000999|361234567|Nguyễn|Văn An|01051984|Nam|Ấp 3|10082021",
	    "more than 7"), "an extra '|' inside: refused");
	ok(refused("08708400099|361234567|Nguyễn Văn An|01051984|Nam|Ấp 3|10082021",
	    "ID number"), "an ID of 11 digits: refused");
	ok(refused("08708400099X|361234567|Nguyễn Văn An|01051984|Nam|Ấp 3|10082021",
	    "ID number"), "an ID with a letter: refused");
	ok(refused("087084000999|36123|Nguyễn Văn An|01051984|Nam|Ấp 3|10082021",
	    "old ID"), "an old ID of 5 digits: refused");
	ok(refused("087084000999|361234567||01051984|Nam|Ấp 3|10082021", "name is empty"),
	    "an empty name: refused");
	ok(refused("087084000999|361234567|   |01051984|Nam|Ấp 3|10082021", "name is empty"),
	    "a name of spaces: refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An|31021984|Nam|Ấp 3|10082021",
	    "date of birth"), "31 February: refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An|1984-05-01|Nam|Ấp 3|10082021",
	    "date of birth"), "a birth date not ddmmyyyy: refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An|01012099|Nam|Ấp 3|10082021",
	    "future"), "a birth date in the future: refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An|01051984|Male|Ấp 3|10082021",
	    "sex"), "a sex that is neither Nam nor Nữ: refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An|01051984|Nam||10082021",
	    "address is empty"), "an empty address: refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An|01051984|Nam|Ấp 3|100820",
	    "date of issue"), "a short date of issue: refused");
	ok(refused("087084000999|361234567|Nguyễn Văn An|01051984|Nam|Ấp 3|10081980",
	    "date of issue"), "issued before the birth: refused");
	ok(refused("087084000999|361234567|Nguyễn\tVăn An|01051984|Nam|Ấp 3|10082021",
	    "not plain text"), "a tab in the name: refused");
	ok(refused("|||||||", "more than 7"), "only bars: refused");
	ok(refused("||||||", "ID number"), "seven empty fields: refused");
	return tap_done();
}

/* citizen.h — checking what the applicant gives at the counter.
 *
 * A CCCD (citizen ID) is 12 digits: province of birth registration (3),
 * century and sex (1), year of birth (2), then 6 random digits; there is
 * no check digit.  A wrong length or a non-digit is refused.  An unknown
 * province or a century digit that contradicts the birth date is only a
 * warning: the codes may change, and the card in the officer's hand wins. */
#ifndef MOTCUA_CITIZEN_H
#define MOTCUA_CITIZEN_H

#include <stdbool.h>
#include <stddef.h>

#include "motcua/error.h"

#define MC_WARN_MAX 4

/* Warnings that do not stop a receipt, shown to the officer. */
struct mc_warnings {
	int n;
	char msg[MC_WARN_MAX][256];
};

void citizen_warn(struct mc_warnings *w, const char *fmt, ...) MC_PRINTF(2, 3);

/* Check an ID number; `out` gets it without spaces (13 bytes).
 * birth_jdn is the birth date if known, else 0. */
int citizen_check_id(const char *in, int birth_jdn, char out[13],
    struct mc_warnings *w, struct mc_err *err);

/* Room for a phone number's digits and the NUL. */
#define MC_PHONE_LEN 12

/* Check a phone number: a mobile's 10 digits or a landline's 11 (02…),
 * with spaces, dots and dashes between groups; `out` gets the digits only
 * ("+84 912 345 678" and "0912.345.678" both give "0912345678",
 * "0277 385 1234" gives "02773851234"). */
int citizen_check_phone(const char *in, char out[MC_PHONE_LEN], struct mc_err *err);

/* The digits of s (an ID or phone number as typed, or a search text) if s
 * is only digits, spaces, dots and dashes; else "".  out holds n bytes. */
void citizen_digits(const char *s, char *out, size_t n);

/* Check an e-mail address: one '@' with something on both sides and no
 * space or control character.  Both front ends and the receipt use it. */
int citizen_check_email(const char *in, struct mc_err *err);

/* Check a birth date typed in any form date_parse_input takes; refused
 * if it is in the future.  `jdn` gets the day, `iso` (may be NULL) its
 * stored form YYYY-MM-DD. */
int citizen_check_birth(const char *in, int *jdn, char iso[11], struct mc_err *err);

/* Province of birth registration for a 3-digit prefix, or NULL. */
const char *citizen_province(const char *prefix3);

/* The sex a CCCD's 4th digit gives (0, 2, 4 male; 1, 3, 5 female: the
 * 1900s, 2000s, 2100s).  Unknown for anything but 12 digits (a 9-digit
 * CMND, a passport number, no ID) and for a digit above 5 (no century
 * has been given one yet): the forms then say "Ông/Bà". */
enum citizen_sex { CITIZEN_SEX_UNKNOWN, CITIZEN_SEX_MALE, CITIZEN_SEX_FEMALE };
enum citizen_sex citizen_id_sex(const char *id);

/* Year of birth implied by an ID number (already checked). */
int citizen_id_birth_year(const char id[13]);

/* ---- the chip card's QR (citizen-qr.c) ----------------------------------
 *
 * The QR on a CCCD chip card holds seven fields separated by '|':
 *     ID|old ID|full name|ddmmyyyy birth|sex|address|ddmmyyyy issue
 * e.g. "087084000999|361234567|Nguyễn Văn An|01051984|Nam|Ấp 3, Tân Hội,
 * Cao Lãnh, Đồng Tháp|10082021".  A USB scanner types it like a keyboard
 * and Enter.  The old ID (9-digit CMND) may be empty. */
#define MC_QR_NAME_MAX 128	/* characters, as the receipt allows */
#define MC_QR_ADDRESS_MAX 500

struct mc_cccd_qr {
	char id[13];
	char old_id[13];	/* "" when the card has none */
	char name[MC_QR_NAME_MAX * 4 + 1];	/* NFC, white space collapsed */
	int birth_jdn;
	char birth[11];		/* YYYY-MM-DD */
	bool female;		/* the sex field: "Nữ" */
	char address[MC_QR_ADDRESS_MAX * 4 + 1];
	int issue_jdn;
};

/* Does this text look like a chip card's QR (it holds a '|')?  Nothing a
 * person types into an ID or search field does. */
bool citizen_is_cccd_qr(const char *s);

/* Read a chip card's QR as the scanner typed it (a trailing line break
 * is dropped).  All or nothing: a scan with a wrong number of fields, an
 * ID that is not 12 digits, a date that is not a day, an empty name or
 * address, a sex that is neither Nam nor Nữ, or a sex that the ID's 4th
 * digit contradicts (citizen_id_sex) is refused with a message saying
 * what to do (scan again, or type the details), and q is left zeroed.  Warnings about the ID (citizen_check_id) go to w. */
int citizen_parse_cccd_qr(const char *s, struct mc_cccd_qr *q, struct mc_warnings *w,
    struct mc_err *err);

#endif

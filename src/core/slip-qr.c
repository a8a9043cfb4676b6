/* slip-qr.c — the dossier code as a QR on the text slip, drawn with
 * Unicode half blocks (two rows of modules to a line: ▀ ▄ █), so a
 * scanner at F3 or F4 reads the code off the paper.  The receipt printer
 * draws its own QR (print-escpos.c). */
#include "config.h"

#include <errno.h>
#include <qrencode.h>
#include <string.h>

#include "motcua/i18n.h"
#include "slip-int.h"

#define QUIET 2		/* modules of white around the code */

/* Is module (x, y) dark?  Outside the symbol: the white quiet zone. */
static bool
dark(const QRcode *qr, int x, int y)
{
	if (x < 0 || y < 0 || x >= qr->width || y >= qr->width)
		return false;
	return (qr->data[y * qr->width + x] & 1) != 0;
}

int
slip_qr_append(const char *code, size_t indent, sqlite3_str *out, struct mc_err *err)
{
	static const char *const glyph[4] = {" ", "▄", "▀", "█"};	/* top, bottom */
	QRcode *qr;

	if (code == NULL || code[0] == '\0')
		return 0;	/* a guidance has no code: no QR */
	/* 8-bit hint, case kept: the encoder still picks the alphanumeric
	 * mode for a code's capitals, digits, dots and dashes */
	errno = 0;
	if ((qr = QRcode_encodeString(code, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) == NULL)
		return err_set(err, errno == ENOMEM ? MC_ENOMEM : MC_EINVAL,
		    _("no QR can be drawn for the code %s: %s"), code,
		    errno == ERANGE ? _("it is too long") : _("the encoder refused it"));
	for (int y = -QUIET; y < qr->width + QUIET; y += 2) {
		for (size_t i = 0; i < indent; i++)
			sqlite3_str_appendchar(out, 1, ' ');
		for (int x = -QUIET; x < qr->width + QUIET; x++)
			sqlite3_str_appendall(out, glyph[(dark(qr, x, y) ? 2 : 0) |
			    (dark(qr, x, y + 1) ? 1 : 0)]);
		sqlite3_str_appendchar(out, 1, '\n');
	}
	QRcode_free(qr);
	return 0;
}

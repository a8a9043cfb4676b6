/* pdf.h — forms on A4 paper as PDF, from a small layout language, drawn
 * with cairo's PDF surface and pango (Vietnamese text shaped and wrapped
 * by pango, font "Liberation Serif", metric-compatible with Times New
 * Roman, falling back to "DejaVu Serif").
 *
 * The page is A4 portrait (or landscape, see @page) with the margins of
 * Decree 30/2020/NĐ-CP: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
 * Nothing is drawn past them: a paragraph or a table too long for the
 * page goes on on the next one (a table repeats its header rows there).
 *
 * A layout is UTF-8 text, one directive a line.  Text is pango markup
 * (<b>, <i>, &amp; …); cells and columns are separated by '|' (a value
 * put into a layout goes through pdf_escape, which writes '|' as &#124;):
 *   @page landscape     first line only: A4 landscape (the logbook)
 *   @size N             the body's font size from here on, in points
 *                       (6 to 20; 13 by default)
 *   @left TEXT          the header's left column (the parent authority,
 *                       the receiving body), centred in 42 % of the width;
 *                       a short rule is drawn under its last line
 *   @right TEXT         the right column (the national name and the
 *                       motto), a rule as long as its last line under it;
 *                       consecutive @left and @right lines are one header
 *   @split LEFT|RIGHT   one line in the header's columns: the number line
 *                       left, the place and date right
 *   @title TEXT         bold, centred, 14 pt
 *   @center TEXT        centred
 *   @p TEXT             a paragraph, justified, its first line indented
 *   @text TEXT          a paragraph, left aligned (a line not starting
 *                       with '@' is the same)
 *   (an empty line)     half a line of space
 *   @space MM           that much space
 *   @table W W …        a table: one width per column (proportions of the
 *                       page's width; "8c" centres the column), then
 *   @th A|B|…           header rows (bold, repeated on each page)
 *   @tr A|B|…           body rows; the table ends at the next other line
 *   @sign T|H|N         a signature block: title, hint ("(Ký và ghi rõ họ
 *                       tên)"), room to sign, then the name; consecutive
 *                       @sign lines stand side by side
 *   @qr TEXT            TEXT as a QR code 28 mm wide, centred (nothing
 *                       for an empty TEXT)
 *   @newpage            the next page
 *   @# …                a comment
 *
 * Core code: nothing here writes to the terminal. */
#ifndef MOTCUA_PDF_H
#define MOTCUA_PDF_H

#include <stddef.h>

#include "motcua/error.h"

/* The bytes of a PDF (malloc'd); pdf_buf_free releases them. */
struct pdf_buf {
	unsigned char *p;
	size_t len;
};
void pdf_buf_free(struct pdf_buf *b);

/* Render a layout to PDF.  name names the layout in messages (the
 * template's file).  -1 with err set: a directive or markup that is not
 * right (the message quotes the line), out of memory, cairo's failure. */
int pdf_render(const char *layout, const char *name, struct pdf_buf *out,
    struct mc_err *err);

/* Text as it goes into a layout: pango markup's &amp; &lt; &gt; &quot;
 * &apos;, '|' as &#124;, line breaks and tabs as spaces (malloc'd; NULL
 * when out of memory). */
char *pdf_escape(const char *s);

#endif

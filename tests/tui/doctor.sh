# doctor.sh — F9 → 8 Check this PC at 80×24: the same checks as `motcua
# doctor`, each name then OK or what to do, word wrapped so that no word
# is cut (each sentence reads whole once its lines are joined: a word cut
# at the edge would read as two), in English
# and in Vietnamese; the scanner's check runs in a child process without
# a mark on the screen; an auditor may look too.  lp and lpstat are
# scripts on PATH, the scanner SANE's test backend: nothing here depends on
# this machine's printer.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"
SANE_CONFIG_DIR="$T/sane"
mkdir -p "$SANE_CONFIG_DIR"
echo test > "$SANE_CONFIG_DIR/dll.conf"
printf 'number_of_devices 2\n' > "$SANE_CONFIG_DIR/test.conf"
mkdir -p "$T/bin"
printf '#!/bin/sh\ncat >/dev/null\n' > "$T/bin/lp"
printf '#!/bin/sh\necho "printer Canon is idle.  enabled since Fri 20 Nov 2026 08:00:00"\necho "system default destination: Canon"\n' > "$T/bin/lpstat"
chmod +x "$T/bin/lp" "$T/bin/lpstat"
"$MOTCUA" --db "$db" --officer lan --password-file "$T/p1" setting set scan_device test:0 >/dev/null
# the day's backup, written before: the program's own would be written
# between keys, while the checks run
XDG_DATA_HOME="$T/xdg" MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" backup >/dev/null
ENV="XDG_DATA_HOME='$T/xdg' PATH='$T/bin:$PATH' SANE_CONFIG_DIR='$SANE_CONFIG_DIR' MOTCUA_DOCTOR_MIN_FREE_MB=1"

# open_doctor — F9, then its item 8
open_doctor() {
	tm send-keys F9
	wait_for "8  (Check this PC|Kiểm tra máy này)"
	tm send-keys 8
	wait_for "(All is well|What is not OK|Mọi thứ đều ổn|Mục nào không OK)"
}
# the view's text: the lines between the title and the keys' line
body() { screen | sed -n '4,21p'; }

start lan "$ENV"
open_doctor; ok "F9 → 8 opens Check this PC"
s=$(screen)
diag "$s"
like "$s" "Check this PC" "the title"
for n in "Terminal size" "Locale" "Console font" "Colours" "Printer" "Receipt code page" \
    "Scanner" "Clock" "Disk \(database\)" "Disk \(backups\)" "Database" "Schema version" \
    "Last backup" "Stations and keys"; do
	like "$s" "  $n +OK" "healthy: $n OK"
done
like "$s" "Terminal size +OK — 80×24" "the terminal as curses sees it"
like "$s" "Scanner +OK — test:0" "the scanner opened, from the screen"
like "$s" "Printer +OK — queue Canon, ready" "the printer's queue"
like "$s" "All is well\." "all is well"
unlike "$s" "SANE|sane_" "nothing of SANE's on the screen"
tm send-keys Escape
wait_for "8  Check this PC"; ok "Esc goes back to the menu"
tm send-keys Escape
tm send-keys F10
wait_for EXITED

# broken: lpstat missing, the code page of another script, old backup
sqlite3 "$db" "INSERT OR REPLACE INTO meta(key, value) VALUES ('print_backend', 'escpos'),
    ('print_device', '$T/receipt.bin'), ('escpos_codepage', '16')"
start lan "$ENV MOTCUA_LPSTAT='$T/none' MOTCUA_DOCTOR_MIN_FREE_MB=999999999"
open_doctor
s=$(screen)
diag "$s"
f=$(body | tr -s ' \n' '  ')
like "$f" "Receipt code page code page 16 is not a Vietnamese code page motcua knows: use 52 \(WPC1258 on Epson; 27, 35 or 94 on some clones\)" \
    "the code page's sentence, whole once its lines are joined"
like "$f" "Disk \(database\) only [0-9]+ MiB free in $T, the database's folder \(at least 999999999 wanted\): delete files nobody needs, or ask the technician for a larger disk" \
    "the disk's sentence, whole"
# more than a screenful: the rest a page down
tm send-keys NPage
wait_for "What is not OK says what to do; 'motcua doctor' shows the same\."; ok "PgDn: the rest, and the closing line"
f=$(body | tr -s ' \n' '  ')
like "$f" "Disk \(backups\) only [0-9]+ MiB free in $T/xdg/motcua/backups, the backups folder \(at least 999999999 wanted\): delete files nobody needs, or write the backups to a USB stick with 'motcua backup --out FOLDER'" \
    "the backups' sentence, whole"
test "$(body | wc -L)" -le 78; ok "PgDn: every line within the view's 76 columns"
test "$(body | wc -L)" -le 78; ok "every line within the view's 76 columns"
tm send-keys Escape
tm send-keys Escape
tm send-keys F10
wait_for EXITED

# in Vietnamese, whose sentences are longer
sqlite3 "$db" "DELETE FROM meta WHERE key IN ('print_backend', 'print_device', 'escpos_codepage')"
start lan "$ENV LANGUAGE=vi MOTCUA_LPSTAT='$T/none'"
open_doctor
s=$(screen)
diag "$s"
f=$(body | tr -s ' \n' '  ')
like "$f" "Máy in thiếu lpstat nên không kiểm tra được hàng đợi máy in: hãy cài các gói cups và cups-client" \
    "Vietnamese: the printer's sentence, whole"
like "$s" "Kiểm tra máy này" "Vietnamese: the title"
test "$(body | wc -L)" -le 78; ok "Vietnamese: every line within the view's 76 columns"
tm send-keys Escape
tm send-keys Escape
tm send-keys F10
wait_for EXITED

# an auditor looks too
start kim "$ENV"
open_doctor
like "$(screen)" "All is well\." "an auditor: the same checks"
done_testing

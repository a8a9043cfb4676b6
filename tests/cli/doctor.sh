# doctor.sh — motcua doctor: on a healthy setup every check is OK and the
# exit is 0; each broken setup gives exit 1 and the check's sentence saying
# what to do: a C locale, a 60×20 terminal, the Linux console without the
# Vietnamese font, a terminal without colours, no backup or an old one, a
# database with a page of garbage, a clock behind the newest event, a full
# disk (the threshold given by MOTCUA_DOCTOR_MIN_FREE_MB), a scanner set
# but absent or not answering, lpstat missing, a queue stopped, unknown or
# CUPS down.  Nothing here depends on this machine's terminal, printer or
# console: the terminal comes from COLUMNS, LINES and TERM, lpstat and lp
# are scripts on PATH, the scanner is SANE's test backend (scan.sh).
. "$top_srcdir/tests/cli/lib.sh"
SANE_CONFIG_DIR="$T/sane"; export SANE_CONFIG_DIR
mkdir -p "$SANE_CONFIG_DIR"
echo test > "$SANE_CONFIG_DIR/dll.conf"
printf 'number_of_devices 2\n' > "$SANE_CONFIG_DIR/test.conf"

# lp that takes the job, lpstat that tells of the queue Canon as the file
# $T/cups says: ready, stopped, or down (CUPS not running)
mkdir -p "$T/bin"
printf '#!/bin/sh\ncat >/dev/null\n' > "$T/bin/lp"
cat > "$T/bin/lpstat" <<EOS
#!/bin/sh
[ "\$*" = "-p -d" ] || { echo "lpstat: called as \$*" >&2; exit 2; }
case \$(cat "$T/cups") in
ready)	echo "printer Canon is idle.  enabled since Fri 20 Nov 2026 08:00:00"
	echo "printer Other-Canon is idle.  enabled since Fri 20 Nov 2026 08:00:00"
	echo "system default destination: Canon" ;;
stopped) echo "printer Canon disabled since Fri 20 Nov 2026 08:00:00 -"
	printf '\treason unknown\n'
	echo "system default destination: Canon" ;;
nodefault) echo "printer Canon is idle.  enabled since Fri 20 Nov 2026 08:00:00"
	echo "no system default destination" ;;
down)	echo "lpstat: Scheduler is not running." >&2; exit 1 ;;
esac
EOS
chmod +x "$T/bin/lp" "$T/bin/lpstat"
echo ready > "$T/cups"
PATH="$T/bin:$PATH"
export PATH COLUMNS=80 LINES=24 TERM=xterm-256color MOTCUA_DOCTOR_MIN_FREE_MB=1
unset MOTCUA_LPSTAT MOTCUA_CONSOLE_SETUP MOTCUA_DOCTOR_SCAN_MS

db="$T/a.db"
export MOTCUA_NOW="2026-11-20 08:00"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set scan_device test:0 >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 \
    --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-20 09:00" >/dev/null
MOTCUA_NOW="2026-11-20 09:05" "$MOTCUA" --db "$db" backup >/dev/null
ok "a unit, a scanner set, a receipt and a backup"
export MOTCUA_NOW="2026-11-20 10:00"

# doc [ARGS...] — motcua doctor on $db
doc() { run --db "$db" doctor "$@"; }
# line NAME — the line of check NAME, with the lines that continue it
line() {
	printf '%s\n' "$out" | awk -v n="$1" '
		index($0, n " ") == 1 { on = 1; print; next }
		on && /^ / { print; next }
		{ on = 0 }' | tr -s ' \n' '  ' | sed 's/ $//'
}
# esc TEXT — TEXT as a regex that matches it (the names have parentheses)
esc() { printf '%s' "$1" | sed 's/[][().*+?|^$\\]/\\&/g'; }
# broken DESC NAME REGEX — the last doc: exit 1, the check NAME says REGEX,
# and the summary on stderr
broken() {
	is "$rc" 1 "$1: exit 1"
	like "$(line "$2")" "^$(esc "$2") +$3" "$1: $2 says what to do"
	like "$err" "motcua: [0-9]+ of 14 checks? needs? attention: see above" "$1: the summary"
}

# ---- healthy ----------------------------------------------------------------
doc
is "$rc" 0 "healthy: exit 0"
is "$err" "" "healthy: nothing on stderr"
is "$(printf '%s\n' "$out" | wc -l)" 14 "healthy: fourteen checks, one line each"
is "$(printf '%s\n' "$out" | grep -cEv '^[A-Z][A-Za-z() ]+[a-z)]  +OK( — .*)?$')" 0 \
    "healthy: every line is a check and OK"
for n in "Terminal size" "Locale" "Console font" "Colours" "Printer" "Receipt code page" \
    "Scanner" "Clock" "Disk (database)" "Disk (backups)" "Database" "Schema version" \
    "Last backup" "Stations and keys"; do
	like "$(line "$n")" "^$(esc "$n") +OK" "healthy: $n OK"
done
like "$(line "Printer")" "OK — queue Canon, ready" "the default queue, ready, from lpstat"
like "$(line "Scanner")" "OK — test:0" "the scanner opened"
like "$(line "Database")" "OK — quick_check passed; 'motcua check' is the full one" \
    "the database: says which check ran"
like "$(line "Terminal size")" "OK — 80×24" "the terminal's size"
like "$(line "Last backup")" "OK — less than an hour ago" "the backup's age"
test "$(printf '%s\n' "$out" | wc -L)" -le 80; ok "healthy: no line over 80 columns"

# ---- the terminal -----------------------------------------------------------
LC_ALL=C doc
broken "C locale" "Locale" "the locale \(LC_ALL=C\) is ANSI_X3.4-1968, not UTF-8: set LANG=vi_VN.UTF-8 \(or C.UTF-8\) for the officers' account"
like "$(line "Terminal size")" "OK" "C locale: the other checks still OK"
LC_ALL=xx_YY.UTF-8 doc
broken "a locale not installed" "Locale" "the locale LC_ALL=xx_YY.UTF-8 is not installed on this PC: make it with 'sudo dpkg-reconfigure locales'"
COLUMNS=60 LINES=20 doc
broken "60×20 terminal" "Terminal size" "the terminal is 60×20 and motcua needs at least 80×24: make the window larger or its font smaller"
COLUMNS=100 LINES=23 doc
broken "one line short" "Terminal size" "the terminal is 100×23"
env -u COLUMNS -u LINES setsid -w "$MOTCUA" --db "$db" doctor > "$T/out" 2>&1 < /dev/null
out=$(cat "$T/out")
like "$(line "Terminal size")" "the terminal's size is not known \(not run in a terminal\?\)" \
    "no terminal: said"
TERM=dumb doc
broken "no colours" "Colours" "the terminal \(TERM=dumb\) shows no colours, so warnings are not red: set TERM"
env -u TERM setsid -w "$MOTCUA" --db "$db" doctor > "$T/out" 2>&1 < /dev/null
out=$(cat "$T/out")
like "$(line "Colours")" "TERM is not set: set it to the terminal's type" "no TERM: said"

# the Linux console: its font from console-setup's file
printf 'CHARMAP="UTF-8"\nCODESET="Lat15"\nFONTFACE="Fixed"\nFONTSIZE="8x16"\n' > "$T/cs"
TERM=linux MOTCUA_CONSOLE_SETUP="$T/cs" doc
broken "console font Lat15" "Console font" "the Linux console cannot show Vietnamese letters with CODESET=\"Lat15\" FONTFACE=\"Fixed\" FONTSIZE=\"8x16\" \(only console-setup's Vietnamese font has them\): set CHARMAP=\"UTF-8\" CODESET=\"Vietnamese\" FONTFACE=\"Fixed\" FONTSIZE=\"8x16\" in $T/cs, then run 'sudo setupcon'"
like "$(line "Colours")" "OK — 8 colours" "the Linux console: 8 colours"
printf "CODESET='Vietnamese'\nFONTFACE=Fixed\nFONTSIZE=\"8x16\"\n" > "$T/cs"
TERM=linux MOTCUA_CONSOLE_SETUP="$T/cs" doc
is "$rc" 0 "console font Vietnamese-Fixed16: exit 0"
like "$(line "Console font")" "OK — Vietnamese-Fixed 8x16" "console font Vietnamese: OK"
printf 'CODESET="Vietnamese"\nFONTFACE="Terminus"\nFONTSIZE="8x16"\n' > "$T/cs"
TERM=linux MOTCUA_CONSOLE_SETUP="$T/cs" doc
broken "Terminus has no Vietnamese" "Console font" "the Linux console cannot show Vietnamese letters with CODESET=\"Vietnamese\" FONTFACE=\"Terminus\""
TERM=linux MOTCUA_CONSOLE_SETUP="$T/no-such-file" doc
broken "no console-setup" "Console font" "the Linux console shows Vietnamese letters only with the Vietnamese font of the package console-setup, and $T/no-such-file is missing: install console-setup"

# ---- backups -----------------------------------------------------------------
MOTCUA_NOW="2026-11-24 10:00" doc
broken "old backup" "Last backup" "the newest backup is 4 days old: run 'motcua backup'"
XDG_DATA_HOME="$T/empty" doc
broken "no backup" "Last backup" "no backup of this station yet: run 'motcua backup'"

# ---- the clock ---------------------------------------------------------------
MOTCUA_NOW="2026-11-18 09:00" doc
broken "clock behind the newest event" "Clock" "the PC's clock says 2026-11-18 09:00, but this database holds an event of 2026-11-20 09:00: set the date and time"

# ---- disk space ---------------------------------------------------------------
MOTCUA_DOCTOR_MIN_FREE_MB=999999999 doc
broken "disk full" "Disk (database)" "only [0-9]+ MiB free in $T, the database's folder \(at least 999999999 wanted\): delete files nobody needs"
like "$(line "Disk (backups)")" "only [0-9]+ MiB free in $XDG_DATA_HOME/motcua/backups, the backups folder" \
    "disk full: the backups folder too"

# ---- the database ---------------------------------------------------------------
sqlite3 "$db" "VACUUM INTO '$T/bad.db'"
page=$(sqlite3 "$T/bad.db" "SELECT rootpage FROM sqlite_master WHERE name = 'dossier'")
psize=$(sqlite3 "$T/bad.db" "PRAGMA page_size")
head -c "$psize" /dev/zero | tr '\0' 'x' |
    dd of="$T/bad.db" bs="$psize" seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
ok "a copy with page $page (the dossiers) overwritten with garbage"
run --db "$T/bad.db" doctor
broken "a corrupted page" "Database" "the database is damaged \(.*\): record nothing more on this PC and ask a supervisor to bring back the newest backup that 'motcua backup --list' shows as checked OK, with 'motcua restore FILE'"
like "$(line "Terminal size")" "OK" "a corrupted page: the other checks still run"
run --db "$T/none.db" doctor
is "$rc" 1 "no database: exit 1"
like "$(line "Database")" "^Database +.*motcua init" "no database: says to set one up"
like "$(line "Locale")" "OK" "no database: the PC's checks still run"
test ! -e "$T/none.db"; ok "no database: none made"

# ---- the scanner --------------------------------------------------------------
"$MOTCUA" --db "$db" --password-file "$PWF" setting set scan_device test:9 >/dev/null
doc
broken "scanner absent" "Scanner" "there is no scanner 'test:9': check that it is plugged in and switched on, or choose another in the settings \(scan_device\)"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set scan_device test:1 >/dev/null
# a scanner that does not answer in time: the child is killed, the
# check goes on (1 ms: SANE's start alone takes longer)
start=$(date +%s)
MOTCUA_DOCTOR_SCAN_MS=1 doc
broken "scanner not answering" "Scanner" "the scanner test:1 did not answer within 1 seconds: check its cable and power"
test $(( $(date +%s) - start )) -lt 20; ok "scanner not answering: the doctor does not wait for it"
"$MOTCUA" --db "$db" --password-file "$PWF" setting unset scan_device >/dev/null
doc
like "$(line "Scanner")" "OK — no scanner set in scan_device" "no scanner set: not checked"

# ---- the printer ----------------------------------------------------------------
MOTCUA_LPSTAT="$T/no-lpstat" doc
broken "lpstat missing" "Printer" "lpstat is missing, so the printer's queue cannot be checked: install the packages cups and cups-client"
echo stopped > "$T/cups"
doc
broken "queue stopped" "Printer" "the printer queue 'Canon' is stopped: switch the printer on, check its paper, then run 'cupsenable Canon'"
echo down > "$T/cups"
doc
broken "CUPS down" "Printer" "CUPS does not answer \(lpstat: Scheduler is not running.\): install and start it"
echo nodefault > "$T/cups"
doc
broken "no default queue" "Printer" "no printer queue is chosen: make one the default \(sudo lpadmin -d NAME\) or name it in print_command"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command "lp -d Canon" >/dev/null
doc
like "$(line "Printer")" "OK — queue Canon, ready" "the queue print_command names (-d), ready"
echo ready > "$T/cups"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command "lp -dOther" >/dev/null
doc
broken "unknown queue" "Printer" "CUPS has no printer queue 'Other': add the printer"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command "lp-missing -d Canon" >/dev/null
doc
broken "print command missing" "Printer" "the print command 'lp-missing' is not installed: install the package cups-client \(for lp\), or set print_command"
"$MOTCUA" --db "$db" --password-file "$PWF" setting unset print_command >/dev/null

# the receipt printer: its device and code page
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_backend escpos >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_device /dev/usb/lp-none >/dev/null
doc
broken "receipt printer absent" "Printer" "the printer /dev/usb/lp-none is not there: plug it in and switch it on, or set print_device"
like "$(line "Receipt code page")" "OK — ESC t 52 \(CP1258\)" "the receipt code page: WPC1258"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_device "$T/receipt.bin" >/dev/null
sqlite3 "$db" "INSERT OR REPLACE INTO meta(key, value) VALUES ('escpos_codepage', '16')"
doc
broken "a code page without Vietnamese" "Receipt code page" "code page 16 is not a Vietnamese code page motcua knows: use 52"
like "$(line "Printer")" "OK — $T/receipt.bin" "a receipt printer's file that can be written: OK"
"$MOTCUA" --db "$db" --password-file "$PWF" setting unset print_backend >/dev/null

# ---- Vietnamese ---------------------------------------------------------------
LANGUAGE=vi COLUMNS=60 LINES=20 MOTCUA_LPSTAT="$T/no-lpstat" doc
is "$rc" 1 "in Vietnamese: exit 1 (the terminal, lpstat)"
test "$(printf '%s\n' "$out" | wc -L)" -le 80; ok "in Vietnamese: no line over 80 columns"
unlike "$out" "Terminal size|Locale" "in Vietnamese: the checks' names translated"
done_testing

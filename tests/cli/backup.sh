# backup.sh — backups nobody has to think of: the full-screen program's
# daily backup at the first start of a day (and not again that day), one at
# its end after a day's work, the rotation over many days given by the clock
# (7 daily, 4 weekly, 12 monthly; files not of the station's pattern left
# alone), the header's warning when the newest is old, F7's b and
# `backup --out DIR` onto a folder standing for a USB stick, `backup
# --list`, a backup that sqlite3 and `motcua --db BACKUP check` accept, and
# targets that cannot be written refused with no file left behind and the
# database unchanged.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
. "$top_srcdir/tests/tui/lib-login.sh"
db="$T/a.db"
unit_make "$db"
BK="$XDG_DATA_HOME/motcua/backups"
P="motcua-000.17.22.H56-1-"
# a folder made immutable (chattr +i) for the refusals, undone at the end:
# root writes in a read-only folder
IMM=
trap 'tm kill-server 2>/dev/null; [ -z "$IMM" ] || chattr -i $IMM 2>/dev/null; rm -rf "$T"' \
    EXIT INT TERM

# at TIME CMD... — motcua at that moment of the program's clock
at() { _t=$1; shift; MOTCUA_NOW="$_t" "$MOTCUA_BINARY" --db "$db" "$@"; }
# ours — this station's backups in the backups folder, one name a line
ours() { ls "$BK" 2>/dev/null | grep -E "^$P[0-9]{8}-[0-9]{4}(-[2-9])?\.db$" || true; }
# start TIME — the program at TIME in tmux, logged in as lan; quit — F10
start_at() {
	tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_NOW='$1' MOTCUA_MEDIA='$T/media' '$MOTCUA_BINARY' --db '$db'; echo EXITED; sleep 10"
	wait_for "F8 "
}
start() {
	start_at "$1"
	login lan
}
quit() {
	tm send-keys F10
	wait_for "EXITED"
	tui_fresh
}
screen() { tm capture-pane -p; }
# read_only DIR — DIR cannot be written (chmod, or chattr +i for root); 1
# when this machine cannot make it so
read_only() {
	if [ "$(id -u)" -ne 0 ]; then
		chmod 500 "$1"
	elif chattr +i "$1" 2>/dev/null; then
		IMM="$IMM $1"
	else
		return 1
	fi
}
writable() { chmod 700 "$1"; [ -z "$IMM" ] || chattr -i "$1" 2>/dev/null; }

# ---- the daily backup ------------------------------------------------------
check "no backups folder before the program starts" test ! -e "$BK"
start "2026-11-20 09:00"
is "$(ours)" "${P}20261120-0900.db" "the first start of the day writes the day's backup"
is "$(stat -c %a "$BK")" 700 "the backups folder is 0700"
is "$(stat -c %a "$XDG_DATA_HOME/motcua")" 700 "... and its parent"
is "$(stat -c %a "$BK/${P}20261120-0900.db")" 600 "the backup is 0600"
is "$(ls -A "$BK" | grep -v "^$P" | wc -l)" 0 "no temporary left beside it"
is "$(sqlite3 "$BK/${P}20261120-0900.db" "PRAGMA integrity_check")" ok \
    "sqlite3 opens it: integrity_check ok"
unlike "$(screen | head -1)" "backup" "a fresh backup: no warning in the header"
like "$(screen | head -1)" "UBND xã Mỹ An" "the header shows the unit's name"
quit
is "$(ours)" "${P}20261120-0900.db" "quitting after no work (a login only): no other backup"
start "2026-11-20 10:00"
is "$(ours)" "${P}20261120-0900.db" "a second start the same day: no other backup"
quit
code=$("$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive \
    --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 \
    --at "2026-11-20 10:30" | head -1)
like "$code" "^000\.17\.22\.H56-261120" "a receipt at 10:30"
start "2026-11-20 11:00"
is "$(ours)" "${P}20261120-0900.db" "a start after the receipt, the same day: none yet"
quit
is "$(ours)" "${P}20261120-1100.db" \
    "quitting after the day's work writes one; the day keeps only its newest"
is "$(sqlite3 "$BK/${P}20261120-1100.db" "SELECT count(*) FROM dossier")" 1 \
    "it holds the receipt"
start "2026-11-21 08:00"
is "$(ours | tr '\n' ' ')" "${P}20261120-1100.db ${P}20261121-0800.db " \
    "the next day's first start writes the next day's"
quit

# ---- backup --out DIR onto a "USB stick", --list, the copy is sound -------
mkdir -p "$T/media/USB"
export MOTCUA_NOW="2026-11-21 08:00"
sum=$(dbsum "$db")
run --db "$db" --officer lan backup --out "$T/media/USB"
is "$rc" 1 "backup --out without the password: refused"
like "$err" "password" "... says the password is needed"
is "$(ls -A "$T/media/USB" | wc -l)" 0 "... and wrote nothing"
run --db "$db" --officer lan --password-file "$T/lan.pw" backup --out "$T/media/USB"
is "$rc" 0 "backup --out DIR by an officer: exit 0"
is "$(ls "$T/media/USB")" "${P}20261121-0800.db" "the file on the stick is named by unit, station, time"
like "$out" "checked: $T/media/USB/${P}20261121-0800\.db \([0-9]+ bytes\)" "it says where and how big"
usb="$T/media/USB/${P}20261121-0800.db"
is "$(stat -c %a "$usb")" 600 "0600 on the stick"
is "$(sqlite3 "$usb" "PRAGMA integrity_check")" ok "sqlite3 opens it: integrity_check ok"
is "$(sqlite3 "$usb" "PRAGMA journal_mode")" delete "one file, no -wal needed"
is "$(sqlite3 "$usb" "SELECT count(*) FROM event")" "$(sqlite3 "$db" "SELECT count(*) FROM event")" \
    "it holds every event"
is "$(dbsum "$db")" "$sum" "the database is unchanged by the backup"
cp "$usb" "$T/copy.db"
check "motcua --db BACKUP check passes" "$MOTCUA_BINARY" --db "$T/copy.db" check
run --db "$db" --officer lan --password-file "$T/lan.pw" backup --out "$usb"
is "$rc" 1 "backup --out an existing file: refused"
like "$err" "already exists" "... says so"
run --db "$db" --officer lan --password-file "$T/lan.pw" backup --out "$T/media/USB/named.db"
is "$rc" 0 "backup --out a new FILE"
check "... written there" test -s "$T/media/USB/named.db"
run --db "$db" backup --list
is "$rc" 0 "backup --list: exit 0"
like "$out" "^backups folder: $BK$" "--list names the folder"
like "$out" "^${P}20261121-0800\.db  2026-11-21 08:00 +[0-9]+  checked OK$" \
    "--list: file, time, size, checked OK"
is "$(printf '%s\n' "$out" | grep -c "^$P")" 2 "--list: this station's two backups"
like "$(printf '%s\n' "$out" | sed -n 2p)" "20261121-0800" "--list: newest first"
# a damaged backup is listed as such
dd if=/dev/zero of="$BK/${P}20261120-1100.db" bs=4096 seek=2 count=20 conv=notrunc 2>/dev/null
run --db "$db" backup --list
is "$rc" 1 "--list with a damaged backup: exit 1"
like "$out" "${P}20261120-1100\.db .*DAMAGED" "... the damaged one says DAMAGED"
like "$err" "damaged" "... and what to do"
rm "$BK/${P}20261120-1100.db"

# ---- targets that cannot be written ------------------------------------
kept=$(ls -A "$BK")
refused "--out into a folder whose parent is missing" "$db" "there is no folder .*nothing was written" \
    --db "$db" --officer lan --password-file "$T/lan.pw" backup --out "$T/no/such/x.db"
check "... no folder made" test ! -e "$T/no"
refused "--out below a file" "$db" "there is no folder" \
    --db "$db" --officer lan --password-file "$T/lan.pw" backup --out "$T/copy.db/x.db"
mkdir "$T/ro"
if read_only "$T/ro"; then
	refused "--out a read-only folder" "$db" "cannot write in $T/ro.*nothing was written" \
	    --db "$db" --officer lan --password-file "$T/lan.pw" backup --out "$T/ro"
	is "$(ls -A "$T/ro" | wc -l)" 0 "... nothing left in it"
	writable "$T/ro"
else
	echo "ok $((tap_n = tap_n + 1)) # SKIP no way to make a read-only folder here"
fi
# a full disk: the copy hits the file size limit (ulimit -f, SIGXFSZ
# ignored) as it would hit a full disk
mkdir "$T/full"
sum=$(dbsum "$db")
(trap '' XFSZ; ulimit -f 64; MOTCUA_NOW="2026-11-21 08:30" "$MOTCUA_BINARY" --db "$db" \
    --officer lan --password-file "$T/lan.pw" backup --out "$T/full") >"$T/out" 2>"$T/err"
is "$?" 1 "a disk that fills up: exit 1"
like "$(cat "$T/err")" "disk may be full.*nothing was written" "... says the disk may be full, and what to do"
is "$(ls -A "$T/full" | wc -l)" 0 "... no partial file, no temporary"
is "$(dbsum "$db")" "$sum" "... the database unchanged"
is "$(ls -A "$BK")" "$kept" "the refusals left the backups folder as it was"

unset MOTCUA_NOW

# ---- the header's warning, F7's b ------------------------------------------
# days later the backups folder takes no file: the day's backup fails and
# the header says how old the newest is
if read_only "$BK"; then
	start_at "2026-11-25 09:00"
	like "$(screen | tr -s ' \n' '  ')" "The day's backup was not written: cannot write in $BK" \
	    "the login's bottom line says why the day's backup failed"
	diag "$(screen)"
	login lan
	like "$(screen | head -1)" "Last backup 4 days ago: F7, b" "the header warns of a 4-day-old backup"
	unlike "$(screen | head -1)" "UBND" "... in the unit's name's place"
	tm send-keys F7
	wait_for "Removable media"
	tm send-keys b
	wait_for "Backup written and checked"; ok "F7, b: a backup onto the medium"
	like "$(screen | tr -s ' \n' '  ')" "Backup written and checked: $T/media/USB/${P}20261125-0900\.db" \
	    "... its name on the screen"
	diag "$(screen)"
	check "... the file is on the stick" test -s "$T/media/USB/${P}20261125-0900.db"
	is "$(sqlite3 "$T/media/USB/${P}20261125-0900.db" "PRAGMA integrity_check")" ok "... and sound"
	like "$(screen | head -1)" "UBND xã Mỹ An" "... and the header's warning has gone"
	tm send-keys Escape
	quit
	writable "$BK"
else
	echo "ok $((tap_n = tap_n + 1)) # SKIP no way to make a read-only folder here"
fi
"$MOTCUA_BINARY" --db "$db" --officer boss --password-file "$T/boss.pw" setting set \
    backup_warn_days 0 >/dev/null; ok "backup_warn_days 0"
# with the folder writable again, the day's backup is written at the start
start "2026-11-26 09:00"
unlike "$(screen | head -1)" "backup" "a backup of today: no warning"
quit
"$MOTCUA_BINARY" --db "$db" --officer boss --password-file "$T/boss.pw" setting unset \
    backup_warn_days >/dev/null

# ---- the settings are checked --------------------------------------------
for bad in "backup_daily 0" "backup_daily x" "backup_weekly 521" "backup_monthly 1000" \
    "backup_warn_days 366"; do
	refused "setting set $bad" "$db" "is not a value for" --db "$db" --officer boss \
	    --password-file "$T/boss.pw" setting set $bad
done

# ---- rotation over many days -----------------------------------------------
rm -f "$BK/$P"*
# files that are not this station's backups stay, whatever their age
: > "$BK/motcua-2026-01-01.db"
: > "$BK/notes.txt"
: > "$BK/motcua-000.17.22.H56-2-20250101-0900.db"
: > "$BK/${P}20250101-0900.db.bak"
# the 1st and the 15th of each month for 14 months, every 4th day in the
# five weeks before the end, each of the last 10 days, and twice on the last
days=
for m in 2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 \
    2026-10 2026-11 2026-12 2027-01 2027-02; do
	days="$days $m-01 $m-15"
done
i=0
while [ $i -lt 35 ]; do
	days="$days $(date -d "2027-02-18 - $((35 - i)) days" +%Y-%m-%d)"
	i=$((i + 4))
done
i=9
while [ $i -ge 0 ]; do
	days="$days $(date -d "2027-03-10 - $i days" +%Y-%m-%d)"
	i=$((i - 1))
done
made=0
for d in $days; do
	at "$d 17:00" backup >/dev/null || echo "# backup at $d failed"
	made=$((made + 1))
done
at "2027-03-10 17:30" backup >/dev/null
# what should be kept, by an independent reckoning (date's ISO weeks run
# Monday to Sunday): the newest of each of the last 7 days, 4 weeks and 12
# months among the backups made
for d in $days; do echo "$d 1700"; done > "$T/made"
echo "2027-03-10 1730" >> "$T/made"
sort -r "$T/made" | while read -r d hm; do
	echo "$(echo "$d" | tr -d -)-$hm $(echo "$d" | tr -d -) $(date -d "$d" +%G%V) $(echo "$d" | cut -c1-7)"
done | awk '
	{ name = $1
	  if (!($2 in day) && nd < 7) { day[$2] = 1; nd++; keep[name] = 1 }
	  if (!($3 in wk) && nw < 4) { wk[$3] = 1; nw++; keep[name] = 1 }
	  if (!($4 in mo) && nm < 12) { mo[$4] = 1; nm++; keep[name] = 1 }
	  if (NR == 1) keep[name] = 1 }
	END { for (k in keep) print k }' | sort > "$T/want"
ours | sed "s/^$P//; s/\.db$//" | sort > "$T/got"
is "$(cat "$T/got")" "$(cat "$T/want")" "rotation keeps 7 daily, 4 weekly, 12 monthly"
diag "kept: $(tr '\n' ' ' < "$T/got")"
is "$(wc -l < "$T/got" | tr -d ' ')" "$(wc -l < "$T/want" | tr -d ' ')" "... that many files"
like "$(cat "$T/got")" "20270310-1730" "the newest is kept"
unlike "$(cat "$T/got")" "20270310-1700" "the same day's older one is not"
like "$(cat "$T/got")" "20260415-1700" "the oldest month kept: April 2026 (12 months back from March 2027), its newest"
unlike "$(cat "$T/got")" "20260401-1700" "... not its older one"
unlike "$(cat "$T/got")" "202603" "March 2026 is past the 12 months"
for f in motcua-2026-01-01.db notes.txt motcua-000.17.22.H56-2-20250101-0900.db \
    "${P}20250101-0900.db.bak"; do
	check "rotation leaves $f alone" test -e "$BK/$f"
done
# fewer kept when the settings say so
"$MOTCUA_BINARY" --db "$db" --officer boss --password-file "$T/boss.pw" setting set \
    backup_monthly 0 >/dev/null
"$MOTCUA_BINARY" --db "$db" --officer boss --password-file "$T/boss.pw" setting set \
    backup_weekly 0 >/dev/null
"$MOTCUA_BINARY" --db "$db" --officer boss --password-file "$T/boss.pw" setting set \
    backup_daily 2 >/dev/null
at "2027-03-11 09:00" backup >/dev/null
is "$(ours | tr '\n' ' ')" "${P}20270310-1730.db ${P}20270311-0900.db " \
    "backup_daily 2, weekly and monthly 0: the two newest days"
# a clock set back: the backup just written is kept, though its name is
# older than every other
at "2025-06-01 09:00" backup >/dev/null
is "$(ours | tr '\n' ' ')" "${P}20250601-0900.db ${P}20270310-1730.db ${P}20270311-0900.db " \
    "a backup written with the clock set back is not deleted by its own rotation"
# the demo is never backed up
rm -rf "$T/demo-xdg"
tm new-session -d -x 80 -y 24 "env LANGUAGE=en XDG_DATA_HOME='$T/demo-xdg' MOTCUA_NOW='2026-11-20 09:00' '$MOTCUA_BINARY' --demo; echo EXITED; sleep 10"
wait_for "F10"
unlike "$(screen | head -1)" "backup" "the demo: no warning"
quit
is "$(ls "$T/demo-xdg/motcua/backups" 2>/dev/null | wc -l)" 0 "the demo writes no backup"
done_testing

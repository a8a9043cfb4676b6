# auth.sh — every command that changes data proves its acting officer:
# refused with a wrong password, with none (no terminal to ask it on), with
# a password file others may read, and for an officer whose password a
# supervisor reset, each time exit 1 with one line and nothing changed;
# accepted with --officer and --password-file before or after the
# subcommand.  The commands that only read take no password and --officer
# anywhere.  No password or hash in any output, bundle or slip.  About
# sixty Argon2id checks: slow-ish under the sanitizers, on purpose.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
WRONG=Sai-Mat-Khau-4412
pwfile "$T/wrong" "$WRONG"
pwfile "$T/minh.pw" Minh-Tam-Thoi-8830
pwfile "$T/minh2.pw" Minh-Rieng-2291
cp "$PWF" "$T/loose"; chmod 644 "$T/loose"

run --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 \
	--sample-catalog --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF"
is "$rc" 0 "init with the supervisor lan"
run --db "$db" --officer lan --password-file "$PWF" officer add minh "Trần Minh" \
	--new-password-file "$T/minh.pw"
is "$rc" 0 "the officer minh"

# datasum DB — every row of every table but the logins' failure counts (a
# wrong password is counted) and the station's own audit events (dossier
# ''), which record a failed login, and the high-water mark of the
# station's own events that follows them (meta own_seq_high:…): "did the
# data change?"
datasum() {
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND
	    name <> 'officer_login' AND name NOT LIKE 'sqlite%' ORDER BY name"); do
		w=
		[ "$t" = event ] && w="WHERE dossier <> ''"
		[ "$t" = meta ] && w="WHERE key NOT LIKE 'own\\_seq\\_high:%' ESCAPE '\\'"
		echo "== $t"
		sqlite3 "$1" "SELECT * FROM \"$t\" $w"
	done | sha256sum | cut -d' ' -f1
}
lines() { printf '%s\n' "$1" | wc -l; }

# proved DESC CMD... — the refusals and then the command itself, with
# --officer and --password-file after it
proved() {
	d=$1; shift
	# a wrong password, the options before the command
	before=$(datasum "$db")
	run --db "$db" --officer lan --password-file "$T/wrong" "$@"
	is "$rc" 1 "$d, a wrong password: exit 1"
	is "$(lines "$err")" 1 "$d, a wrong password: one line"
	like "$err" "wrong password for 'lan'" "$d, a wrong password: says so"
	is "$(datasum "$db")" "$before" "$d, a wrong password: no data changed"
	# none: no option gives it, no terminal to ask it on (run has none)
	before=$(dbsum "$db")
	run --db "$db" "$@" --officer lan
	is "$rc" 1 "$d, no password: exit 1"
	is "$(lines "$err")" 1 "$d, no password: one line"
	like "$err" "no terminal .*--password-file" "$d, no password: says to give --password-file"
	is "$(dbsum "$db")" "$before" "$d, no password: database unchanged"
	# a file of mode 0644
	run --db "$db" "$@" --password-file "$T/loose" --officer lan
	is "$rc" 1 "$d, a 0644 password file: exit 1"
	like "$err" "chmod 600" "$d, a 0644 password file: says chmod 600"
	is "$(dbsum "$db")" "$before" "$d, a 0644 password file: database unchanged"
	# the right one, the options after the command
	run --db "$db" "$@" --officer lan --password-file "$PWF"
	is "$rc" 0 "$d, --officer and --password-file after it: exit 0"
}

# ---- each command that changes data ------------------------------------------------
proved "receive" receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 \
	--at "2026-11-20 09:30"
code=$(printf '%s\n' "$out" | head -1)
like "$code" "^000\.17\.22\.H56-261120-1001$" "receive: the code"
is "$(sqlite3 "$db" "SELECT officer FROM event WHERE dossier = (SELECT id FROM dossier
	WHERE code = '$code')")" lan "receive: recorded as the acting officer"
proved "guide" guide --procedure 1.001022 --name "Lê Thị Bình" --id 001305012345 --docs 1 \
	--at "2026-11-20 09:40"
proved "event" event "$code" handover --to "Phạm Văn Tư" --at "2026-11-20 10:00"
proved "catalog import" catalog import "$top_srcdir/tests/data/catalog-good.json"
proved "calendar set" calendar set 2026-12-26 work "Làm bù"
proved "calendar unset" calendar unset 2026-12-26
proved "calendar import" calendar import "$top_srcdir/data/calendar-2026.json"
proved "setting set" setting set sameday_cutoff 16:00
proved "setting unset" setting unset sameday_cutoff
proved "publish" publish catalog --out "$T/catalog.motcua"
proved "export" export --out "$T/events.motcua"
proved "import" import "$T/events.motcua"
proved "check --rebuild" check --rebuild
proved "officer add" officer add hoa "Đỗ Thị Hoa" --new-password-file "$T/minh.pw"
proved "officer unlock" officer unlock hoa

# --officer and --password-file before the subcommand, the contract's form
run --db "$db" --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 \
	--name "Trần Văn Cường" --id 087084000998 --at "2026-11-20 10:30"
is "$rc" 0 "--officer and --password-file before the command: exit 0"
run --db "$db" receive --address "$ADDR" --officer minh --procedure 1.001193 --name "Võ Thị Dung" \
	--id 087184000997 --password-file "$T/minh.pw"
is "$rc" 0 "--officer and --password-file among the options: exit 0"
c2=$(printf '%s\n' "$out" | head -1)
like "$(setsid -w "$MOTCUA" --db "$db" history "$c2")" " minh +receive " \
	"... recorded as the officer named"
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name X --id 087184000997
is "$rc" 1 "three officers and no --officer: exit 1"
like "$err" "--officer USER" "... says to name the officer"
run --db "$db" --officer nobody --password-file "$PWF" export --out "$T/x.motcua"
is "$rc" 1 "an unknown acting officer: exit 1"
like "$err" "no officer 'nobody'" "... says so"
test ! -e "$T/x.motcua"; ok "... and writes no bundle"
run --db "$db" check --password-file "$PWF"
is "$rc" 2 "check --password-file without --rebuild: usage error"
like "$err" "goes with --rebuild" "... says so"

# ---- a password a supervisor reset: only passwd until a new one is set ---------------------
run --db "$db" --officer lan --password-file "$PWF" officer reset minh \
	--new-password-file "$T/minh2.pw"
is "$rc" 0 "lan resets minh's password"
for c in "receive --procedure 1.001193 --name X --id 087084000996" \
    "event $code result" "catalog import $top_srcdir/tests/data/catalog-good.json" \
    "calendar set 2026-12-27 work X" "calendar unset 2026-12-27" \
    "calendar import $top_srcdir/data/calendar-2026.json" "setting set sameday_cutoff 16:00" \
    "setting unset sameday_cutoff" "publish calendar --out $T/cal.motcua" \
    "export --out $T/m.motcua" "import $T/events.motcua" "check --rebuild" \
    "officer unlock hoa"; do
	before=$(dbsum "$db")
	run --db "$db" --officer minh --password-file "$T/minh2.pw" $c
	is "$rc $(lines "$err")" "1 1" "a reset password: ${c%% [-/0-9A-Z]*} refused, one line"
	like "$err" "run 'motcua passwd' first" "a reset password: ${c%% [-/0-9A-Z]*}: says to run passwd"
	is "$(dbsum "$db")" "$before" "a reset password: ${c%% [-/0-9A-Z]*}: database unchanged"
done
test ! -e "$T/cal.motcua" && test ! -e "$T/m.motcua"; ok "a reset password: no bundle written"
run --db "$db" --officer minh --password-file "$T/minh2.pw" passwd --new-password-file "$T/minh.pw"
is "$rc" 0 "a reset password: passwd is allowed"
run --db "$db" --officer minh --password-file "$T/minh.pw" export --out "$T/m.motcua"
is "$rc" 0 "... and then the other commands"

# ---- the commands that only read: no password, --officer before or after --------------
for c in "list" "show $code" "find An" "history $code" "due --as-of 2026-11-20" \
    "report officer --date 2026-11-20" "report summary --from 2026-11-01 --to 2026-11-30" \
    "catalog list --search khai" "catalog export" "calendar holidays 2026" \
    "setting list" "setting get lang" \
    "peers" "officer list" "check" "slip $code --out $T/slip.txt"; do
	a=$(setsid -w "$MOTCUA" --db "$db" --officer minh $c 2>&1 </dev/null); ra=$?
	b=$(setsid -w "$MOTCUA" --db "$db" $c --officer minh 2>&1 </dev/null); rb=$?
	is "$ra" 0 "$c: no password needed"
	is "$rb $b" "$ra $a" "$c: --officer after the command, the same"
	printf '%s\n' "$a" >> "$T/run.log"
done
like "$(cat "$T/slip.txt")" "$code" "slip wrote the form"
a=$(setsid -w "$MOTCUA" --db "$db" --officer minh calendar due --from "2026-11-20 09:00" \
	--limit "3 days" </dev/null); ra=$?
b=$(setsid -w "$MOTCUA" --db "$db" calendar due --from "2026-11-20 09:00" --limit "3 days" \
	--officer minh </dev/null); rb=$?
is "$ra $a" "0 2026-11-25 09:00" "calendar due: no password needed"
is "$rb $b" "$ra $a" "calendar due: --officer after the command, the same"
run --db "$db" --officer lan --password-file "$PWF" list
is "$rc" 2 "a command that only reads refuses --password-file"

# ---- no password or hash anywhere it could leak ------------------------------------------
for f in "$T/events.motcua" "$T/catalog.motcua" "$T/m.motcua" "$T/slip.txt"; do
	unseen "$f" "$(basename "$f"): no password or hash in it"
done
cat "$T"/slips/* > "$T/slips.all" 2>/dev/null || find "$T" -name 'mau*' -exec cat {} + > "$T/slips.all"
test -s "$T/slips.all"; ok "the saved slips are there"
unseen "$T/slips.all" "the saved slips: no password or hash in them"
for p in "$PASSWORD" "$WRONG" Minh-Tam-Thoi-8830 Minh-Rieng-2291; do
	! grep -aqF -- "$p" "$T/run.log"; ok "no output of motcua has the password '${p%%-*}-…'"
done
done_testing

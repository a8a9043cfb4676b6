# enforce.sh — every role × every action through the command line: for
# each row of `motcua roles` and each role, the command that does the
# action, run by an officer of that role with the right password, succeeds
# where the table says "yes" and is refused where it says "-" (exit 1, a
# line saying which role may, the database byte for byte unchanged).  The
# actions that only read (read, report, audit) need no proof on the
# command line, where the database file's own mode guards them: they are
# run by every role and must succeed.  "restore" has no command yet.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
export MOTCUA_NOW="2026-11-20 09:00"
"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 \
    --sample-catalog --supervisor boss "Trần Văn Bảo" --password-file "$PWF" >/dev/null
add() {	# add USER "Full name" ROLE
	"$MOTCUA" --db "$db" --officer boss --password-file "$PWF" officer add "$1" "$2" \
	    --role "$3" --new-password-file "$PWF" >/dev/null
}
add lan "Nguyễn Thị Lan" officer
add kim "Phạm Kim" auditor
add minh "Trần Minh" officer
# the three roles' officers, as `motcua roles` names the roles
user_of() { case $1 in officer) echo lan ;; supervisor) echo boss ;; auditor) echo kim ;; esac; }
as() { u=$1; shift; "$MOTCUA" --db "$db" --officer "$u" --password-file "$PWF" "$@"; }

# another station's bundle, for the import
"$MOTCUA" --db "$T/o.db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 2 \
    --sample-catalog --supervisor boss "Trần Văn Bảo" --password-file "$PWF" >/dev/null
"$MOTCUA" --db "$T/o.db" --officer boss --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 \
    --name "Người Trạm Hai" --id 087090000001 >/dev/null
"$MOTCUA" --db "$T/o.db" --officer boss --password-file "$PWF" export --out "$T/other.motcua" \
    >/dev/null
enrol "$db" "$T/o.db"
# a third station's key card, for the trust
"$MOTCUA" --db "$T/t.db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 3 \
    --supervisor boss "Trần Văn Bảo" --password-file "$PWF" >/dev/null
"$MOTCUA" --db "$T/t.db" station card --out "$T/t.card" >/dev/null
tfp=$("$MOTCUA" --db "$T/t.db" station show | sed -n 's/^fingerprint: //p')

# a small PNG in the home folder, for attach (file_added)
PNG="$HOME/page.png"
python3 -c 'import struct, zlib, sys
c = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" + c(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    + c(b"IDAT", zlib.compress(b"\0\x80")) + c(b"IEND", b""))' > "$PNG"

n=0
# receipt OWNER — a new dossier received now by OWNER (the n-th); prints
# its code
receipt() {
	as "$1" receive --address "$ADDR" --procedure 1.001193 --name "Người Thử $n" \
	    --id "08709$(printf '%07d' $n)" | head -1
}
# step CODE KIND USER — the event with what each kind needs
step() {
	case $2 in
	handover) set -- "$@" --to "Phạm Văn Tư" ;;
	transfer) set -- "$@" --agency "Phòng Tư pháp" ;;
	pause|refuse|withdraw|cancel|stop) set -- "$@" --reason "Lý do thử" ;;
	apologize) set -- "$@" --reason "Lý do thử" --new-date "2026-12-30 09:00" ;;
	return) set -- "$@" --rating satisfied ;;
	esac
	_c=$1 _k=$2 _u=$3; shift 3
	as "$_u" event "$_c" "$_k" "$@"
}
# prepare ACTION ROLE — what the action needs first: a dossier of the
# actor's own (lan's for the auditor, who receives none) with the step
# before it; sets $code
prepare() {
	owner=$(user_of "$2"); [ "$2" = auditor ] && owner=lan
	code=
	n=$((n + 1))
	case $1 in
	handover|transfer|pause|result|refuse|withdraw|cancel|apologize|stop)
		code=$(receipt "$owner") ;;
	transfer-back) code=$(receipt "$owner"); step "$code" transfer "$owner" >/dev/null ;;
	resume) code=$(receipt "$owner"); step "$code" pause "$owner" >/dev/null ;;
	return) code=$(receipt "$owner"); step "$code" result "$owner" >/dev/null ;;
	file_added) code=$(receipt "$owner") ;;
	esac
	case $code in
	''|000.17.22.H56-*) ;;
	*) echo "Bail out! the dossier for $1 by $2: $code"; exit 1 ;;
	esac
}
# attempt ACTION ROLE — run the action's command as the role's officer
attempt() {
	u=$(user_of "$2")
	case $1 in
	receive) run --db "$db" --officer "$u" --password-file "$PWF" receive --address "$ADDR" \
	    --procedure 1.001193 --name "Người Mới" --id "087091$(printf '%06d' $n)" ;;
	guide) run --db "$db" --officer "$u" --password-file "$PWF" guide \
	    --procedure 1.001193 --name "Người Hỏi" --id 087092000001 --docs 1 ;;
	handover|transfer|transfer-back|pause|resume|result|return|refuse|withdraw|cancel|apologize|stop)
		step "$code" "$1" "$u" >"$T/out" 2>"$T/err"; rc=$?; err=$(cat "$T/err") ;;
	file_added) run --db "$db" --officer "$u" --password-file "$PWF" attach "$code" "$PNG" ;;
	catalog) run --db "$db" --officer "$u" --password-file "$PWF" catalog import \
	    "$top_srcdir/data/catalog-sample.json" ;;
	calendar) run --db "$db" --officer "$u" --password-file "$PWF" calendar set \
	    2026-12-24 off "Ngày thử" ;;
	setting) run --db "$db" --officer "$u" --password-file "$PWF" setting set paper_width 58 ;;
	officer) run --db "$db" --officer "$u" --password-file "$PWF" officer role minh officer ;;
	publish) rm -f "$T/pub.motcua"
		run --db "$db" --officer "$u" --password-file "$PWF" publish catalog --out "$T/pub.motcua" ;;
	import) run --db "$db" --officer "$u" --password-file "$PWF" import "$T/other.motcua" ;;
	export) rm -f "$T/exp.motcua"
		run --db "$db" --officer "$u" --password-file "$PWF" export --out "$T/exp.motcua" ;;
	backdate) run --db "$db" --officer "$u" --password-file "$PWF" receive --address "$ADDR" \
	    --procedure 1.001193 --name "Người Cũ" --id "087093$(printf '%06d' $n)" --at "2026-11-19 09:00" ;;
	rebuild) run --db "$db" --officer "$u" --password-file "$PWF" check --rebuild ;;
	trust) run --db "$db" --officer "$u" --password-file "$PWF" station trust "$T/t.card" \
	    --fingerprint "$tfp" ;;
	read) run --db "$db" --officer "$u" list ;;
	report) run --db "$db" --officer "$u" report summary --from 2026-11-01 --to 2026-11-30 ;;
	audit) run --db "$db" --officer "$u" audit ;;
	*) return 2 ;;
	esac
	return 0
}

LANGUAGE=en "$MOTCUA" roles | sed 1d > "$T/table"
[ "$(wc -l < "$T/table")" -ge 27 ]; ok "the table has a row per action ($(wc -l < "$T/table"))"
while read -r action o s a what; do
	[ "$action" = restore ] && { ok "restore: no command yet, core's test covers it"; continue; }
	for role in officer supervisor auditor; do
		case $role in officer) may=$o ;; supervisor) may=$s ;; auditor) may=$a ;; esac
		prepare "$action" "$role"
		before=$(dbsum "$db")
		attempt "$action" "$role" || { false; ok "$action: a command to try it"; continue; }
		case $action in
		read|report|audit)
			is "$rc" 0 "$role $action: reading needs no proof on the command line" ;;
		*)
			if [ "$may" = yes ]; then
				is "$rc" 0 "$role may $action${err:+ ($err)}"
			else
				is "$rc" 1 "$role may not $action"
				like "$err" "supervisor" "... says who may (a supervisor)"
				is "$(dbsum "$db")" "$before" "... and the database is unchanged"
			fi ;;
		esac
	done
done < "$T/table"
done_testing

# officer-admin.sh — a supervisor's administration of officers on the
# command line: deactivate and activate (never delete), change a role,
# reset a password (to be changed at the next login), end a lock; each
# with the acting supervisor's password, refused for a wrong one, for an
# officer or an auditor, for an unknown officer and for the last active
# supervisor, with nothing changed.  Each Argon2id hash or check is slow
# under the sanitizers: this file makes about fifteen.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"

pwfile "$T/p1" first-Secret-9137
pwfile "$T/p2" second-Secret-4826
pwfile "$T/p3" third-Secret-7352
# rows — the officers and their logins, but the failure count
rows() {
	sqlite3 "$db" "SELECT o.username, o.role, o.active, l.hash, l.must_change
	    FROM officer o JOIN officer_login l USING (username) ORDER BY 1"
}
col() { sqlite3 "$db" "SELECT $2 FROM officer JOIN officer_login USING (username)
	WHERE username = '$1'"; }
# as USER PWFILE ARGS — run motcua as the acting officer USER
as() { u=$1 f=$2; shift 2; run --db "$db" --officer "$u" --password-file "$f" "$@"; }

run --db "$db" init --unit-code 000.17.22.H56 --unit-name X --station 1 \
	--supervisor lan "Lê Thị Lan" --password-file "$T/p1"
is "$rc" 0 "init with the supervisor lan"
as lan "$T/p1" officer add minh "Trần Minh" --new-password-file "$T/p3"
is "$rc" 0 "add the officer minh"

# ---- a wrong supervisor password ----------------------------------------------------
before=$(rows)
as lan "$T/p2" officer deactivate minh
is "$rc" 1 "deactivate with a wrong password: exit 1"
is "$(printf '%s\n' "$err" | wc -l)" 1 "... one line"
like "$err" "wrong password for 'lan'" "... says so"
is "$(rows)" "$before" "... nothing changed"

# ---- deactivate, activate --------------------------------------------------------
as lan "$T/p1" officer deactivate minh
is "$rc" 0 "deactivate: exit 0"
like "$out" "Officer minh deactivated" "... says so"
run --db "$db" officer list
like "$out" "^minh +officer +inactive +Trần Minh" "officer list shows minh inactive"
is "$(sqlite3 "$db" "SELECT count(*) FROM officer WHERE username = 'minh'")" 1 \
	"... and minh is kept"
as lan "$T/p1" officer activate minh
is "$rc" 0 "activate: exit 0"
like "$out" "Officer minh activated" "... says so"
run --db "$db" officer list
like "$out" "^minh +officer +active " "officer list shows minh active again"

# ---- reset, and the temporary password is changed with passwd ----------------------------
as lan "$T/p1" officer reset minh --new-password-file "$T/p2"
is "$rc" 0 "reset: exit 0"
like "$out" "Password of minh reset" "... says so"
is "$(col minh must_change)" 1 "... minh must change it"
like "$(col minh hash)" '^\$argon2id\$' "... with an Argon2id hash"
refused "a reset password, for anything but passwd" "$db" "run 'motcua passwd' first" \
	--db "$db" --officer minh --password-file "$T/p2" export --out "$T/x.motcua"
is "$(printf '%s\n' "$err" | wc -l)" 1 "... one line"
test ! -e "$T/x.motcua"; ok "... and no bundle written"
as minh "$T/p2" passwd --new-password-file "$T/p3"
is "$rc" 0 "minh's temporary password works for passwd"
is "$(col minh must_change)" 0 "... and no longer must be changed"

# ---- refused for an officer, an auditor, an unknown officer, the last supervisor ----------
refused "an officer changing a role" "$db" "may not manage officers" \
	--db "$db" --officer minh --password-file "$T/p3" officer role minh supervisor
is "$(printf '%s\n' "$err" | wc -l)" 1 "... one line"
as lan "$T/p1" officer role minh auditor
is "$rc" 0 "role: exit 0"
like "$out" "Officer minh is now auditor" "... says so"
run --db "$db" officer list
like "$out" "^minh +auditor +active " "officer list shows minh an auditor"
refused "an auditor deactivating" "$db" "may not manage officers" \
	--db "$db" --officer minh --password-file "$T/p3" officer deactivate lan
refused "an unknown officer" "$db" "no officer 'nobody'" \
	--db "$db" --officer lan --password-file "$T/p1" officer deactivate nobody
refused "the last supervisor deactivating themself" "$db" "last active supervisor" \
	--db "$db" --officer lan --password-file "$T/p1" officer deactivate lan
refused "the last supervisor demoting themself" "$db" "last active supervisor" \
	--db "$db" --officer lan --password-file "$T/p1" officer role lan officer
before=$(rows)
run --db "$db" --officer lan --password-file "$T/p1" officer role minh boss
is "$rc" 1 "an unknown role: exit 1"
like "$err" "unknown role 'boss'" "... says so"
is "$(rows)" "$before" "... nothing changed"

# ---- unlock -----------------------------------------------------------------------
sqlite3 "$db" "UPDATE officer_login SET failures = 5,
	locked_until = '2099-01-01T00:00:00+07:00' WHERE username = 'minh'"
as lan "$T/p1" officer unlock minh
is "$rc" 0 "unlock: exit 0"
like "$out" "Officer minh unlocked" "... says so"
is "$(col minh "failures || ',' || coalesce(locked_until, 'none')")" "0,none" \
	"... the failures and the lock cleared"

done_testing

# passwd.sh — passwords on the command line: init's first supervisor,
# password files (0600, the user's own, not empty), the acting officer's
# password and role for officer add, passwd, and no password's text in any
# output or in the database.  Each Argon2id hash is slow under the
# sanitizers: this file makes about a dozen.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
P1=first-Secret-9137
P2=second-Secret-4826
P3=third-Secret-7352

pwfile "$T/p1" "$P1"
pwfile "$T/p2" "$P2"
pwfile "$T/p3" "$P3"
: > "$T/all.out"
# prun ARGS — run, keeping every output for the grep at the end
prun() {
	run "$@"
	cat "$T/out" "$T/err" >> "$T/all.out"
}
# rows — the officers and their logins, but the failure count
rows() {
	sqlite3 "$db" "SELECT o.username, o.role, o.active, l.hash, l.must_change
	    FROM officer o JOIN officer_login l USING (username) ORDER BY 1"
}
failures() { sqlite3 "$db" "SELECT failures FROM officer_login WHERE username = '$1'"; }

# ---- init with the first supervisor ---------------------------------------------
cp "$T/p1" "$T/loose"; chmod 644 "$T/loose"
prun --db "$db" init --unit-code 000.17.22.H56 --unit-name X --station 1 \
	--supervisor lan "Lê Thị Lan" --password-file "$T/loose"
is "$rc" 1 "init with a password file of mode 0644: exit 1"
like "$err" "chmod 600" "init with a 0644 file: says to chmod 600"
test ! -e "$db"; ok "init with a 0644 file: no database made"

prun --db "$db" init --unit-code 000.17.22.H56 --unit-name X --station 1 \
	--supervisor lan "Lê Thị Lan" --password-file "$T/p1"
is "$rc" 0 "init --supervisor: exit 0"
like "$out" "Supervisor lan added" "init --supervisor: says so"
is "$(sqlite3 "$db" "SELECT role || ',' || full_name FROM officer")" "supervisor,Lê Thị Lan" \
	"the first officer is a supervisor"
like "$(sqlite3 "$db" "SELECT hash FROM officer_login WHERE username = 'lan'")" '^\$argon2id\$' \
	"with an Argon2id hash"
run --db "$T/b.db" init --unit-code 000.17.22.H56 --unit-name X --station 1 --password-file "$T/p1"
is "$rc" 2 "init --password-file without --supervisor: usage error"
test ! -e "$T/b.db"; ok "... and no database made"

# ---- password files that are refused ---------------------------------------------
refused "passwd with a 0644 file" "$db" "chmod 600 .*loose" \
	--db "$db" --officer lan --password-file "$T/loose" passwd --new-password-file "$T/p3"
chmod 640 "$T/loose"
refused "a file readable by the group" "$db" "chmod 600" \
	--db "$db" --officer lan --password-file "$T/loose" passwd --new-password-file "$T/p3"
: > "$T/empty"; chmod 600 "$T/empty"
refused "an empty password file" "$db" "is empty" \
	--db "$db" --officer lan --password-file "$T/empty" passwd --new-password-file "$T/p3"
refused "a missing password file" "$db" "cannot read the password file" \
	--db "$db" --officer lan --password-file "$T/none" passwd --new-password-file "$T/p3"
refused "a folder as password file" "$db" "not a regular file" \
	--db "$db" --officer lan --password-file "$T" passwd --new-password-file "$T/p3"
refused "an empty new-password file" "$db" "is empty" \
	--db "$db" --officer lan --password-file "$T/p1" passwd --new-password-file "$T/empty"
is "$(failures lan)" 0 "refused files count no failure"
before=$(dbsum "$db")
run --db "$db" --password-file "$T/p1" officer list
is "$rc" 2 "--password-file before a command that takes none: usage error"
like "$err" "officer list takes no --password-file" "... says so"
# no terminal (a new session has none): the password cannot be asked
before=$(dbsum "$db")
setsid -w "$MOTCUA" --db "$db" --officer lan passwd --new-password-file "$T/p3" \
	>"$T/out" 2>"$T/err" </dev/null
is "$?" 1 "no --password-file and no terminal: exit 1"
like "$(cat "$T/err")" "use|give it with --password-file" "... says to use --password-file"
is "$(dbsum "$db")" "$before" "... database unchanged"

# ---- officer add with the acting officer's password --------------------------------
before=$(rows)
prun --db "$db" --officer lan --password-file "$T/p2" officer add minh "Trần Minh" \
	--new-password-file "$T/p2"
is "$rc" 1 "officer add, wrong password: exit 1"
is "$(printf '%s\n' "$err" | wc -l)" 1 "... one line"
like "$err" "wrong password for 'lan'" "... says so"
is "$(rows)" "$before" "... no officer added, no password changed"
is "$(failures lan)" 1 "... the failure counted"

prun --db "$db" --officer lan --password-file "$T/p1" officer add minh "Trần Minh" \
	--new-password-file "$T/p2"
is "$rc" 0 "officer add by the supervisor: exit 0"
is "$(sqlite3 "$db" "SELECT role FROM officer WHERE username = 'minh'")" officer "minh added, an officer"
like "$(sqlite3 "$db" "SELECT hash FROM officer_login WHERE username = 'minh'")" '^\$argon2id\$' \
	"... with a password"
is "$(failures lan)" 0 "the right password clears the failures"

before=$(rows)
prun --db "$db" --officer minh --password-file "$T/p2" officer add hoa "Hoa" --role supervisor \
	--new-password-file "$T/p3"
is "$rc" 1 "officer add by an officer: exit 1"
like "$err" "may not manage officers" "... says the role may not"
is "$(rows)" "$before" "... nobody added"

# without --password-file and without a terminal: nobody to prove it, nobody added
before=$(dbsum "$db")
setsid -w "$MOTCUA" --db "$db" --officer lan officer add hoa "Nguyễn Hoa" \
	--new-password-file "$T/p3" >"$T/out" 2>"$T/err" </dev/null
is "$?" 1 "officer add without the acting officer's password: exit 1"
is "$(wc -l < "$T/err")" 1 "... one line"
is "$(dbsum "$db")" "$before" "... database unchanged"
cat "$T/out" "$T/err" >> "$T/all.out"

# ---- passwd ---------------------------------------------------------------------------
before=$(rows)
prun --db "$db" --officer lan --password-file "$T/p3" passwd --new-password-file "$T/p2"
is "$rc" 1 "passwd, wrong current password: exit 1"
is "$(printf '%s\n' "$err" | wc -l)" 1 "... one line"
is "$(rows)" "$before" "... nothing changed"
pwfile "$T/short" "Zq5x7"
prun --db "$db" --officer lan --password-file "$T/p1" passwd --new-password-file "$T/short"
is "$rc" 1 "passwd, a new password too short: exit 1"
like "$err" "at least" "... says how long"
is "$(rows)" "$before" "... nothing changed"
prun --db "$db" --officer lan --password-file "$T/p1" passwd --new-password-file "$T/p3"
is "$rc" 0 "passwd: exit 0"
like "$out" "Password of lan changed" "... says so"
[ "$(rows)" != "$before" ]; ok "... the hash changed"
prun --db "$db" --officer lan --password-file "$T/p1" officer add an "Lê An" --new-password-file "$T/p2"
is "$rc" 1 "the old password no longer works"
prun --db "$db" --officer lan --password-file "$T/p3" officer add an "Lê An" --new-password-file "$T/p2"
is "$rc" 0 "the new one does"

# ---- no password's text anywhere --------------------------------------------------
for p in "$P1" "$P2" "$P3" Zq5x7; do
	! grep -q -- "$p" "$T/all.out"; ok "'$p' in no output"
	! cat "$T"/a.db* | grep -aq -- "$p"; ok "'$p' nowhere in the database file"
done

done_testing

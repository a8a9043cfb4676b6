# admin-officers.sh — F9 Officers through the screen, checked in the
# database: add an officer with a first password typed twice (stored only
# as a hash), two different passwords refused, deactivate and
# reactivate, reset a password (must be changed at the next login),
# change a role, and the last supervisor kept.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"

start lan
tm send-keys F9
wait_for "1  Officers"; ok "F9 opens the administration menu for a supervisor"
tm send-keys 1
wait_for "Username +Role"; ok "1 opens the officers"
s=$(screen)
like "$s" "lan +supervisor +active .*Lê Thị Lan" "lan is listed, a supervisor"
like "$s" "minh +officer +active .*Trần Minh" "minh is listed, an officer"
like "$s" "kim +auditor +active" "kim is listed, an auditor"
like "$(screen | tail -1)" "a Add +d \(De\)activate +r Reset password" "the hints show the keys"

# ---- add, with two different passwords first -------------------------------------
tm send-keys a
wait_for "A new officer"
typ hoa; tm send-keys Enter
typ "Vũ Hoa"; tm send-keys Enter
tm send-keys Space Enter
typ second-Secret-4826; tm send-keys Enter
typ second-Secret-4827; tm send-keys Enter
wait_for "the two passwords differ"; ok "two different passwords are refused"
is "$(q "SELECT count(*) FROM officer WHERE username = 'hoa'")" 0 "... and nothing is added"
like "$(screen)" "Password again +•{18}" "the password is masked"
tm send-keys C-u
typ second-Secret-4826; tm send-keys Enter
wait_for "Officer hoa added"; ok "the officer is added"
is "$(q "SELECT full_name, role, active FROM officer WHERE username = 'hoa'")" \
	"Vũ Hoa|supervisor|1" "hoa: full name, role supervisor (Space chose it), active"
h=$(q "SELECT hash FROM officer_login WHERE username = 'hoa'")
like "$h" '^\$argon2id\$' "hoa's password is an Argon2id hash"
case "$h" in *second-Secret*) false ;; *) true ;; esac
ok "... that is not the password"
wait_for "hoa +supervisor +active"; ok "hoa appears in the list"

# ---- deactivate minh, activate again ---------------------------------------------
tm send-keys Home Down Down Down
tm send-keys d
wait_for "Deactivate minh"; ok "d asks before deactivating minh"
tm send-keys y
wait_for "Officer minh deactivated"; ok "minh deactivated"
is "$(q "SELECT active FROM officer WHERE username = 'minh'")" 0 "minh is inactive, kept"
like "$(screen)" "minh +officer +inactive" "the list says so"
tm send-keys d
wait_for "Activate minh"
tm send-keys y
wait_for "activated again"; ok "minh activated again"
is "$(q "SELECT active FROM officer WHERE username = 'minh'")" 1 "minh is active again"

# ---- reset minh's password ---------------------------------------------------------
tm send-keys r
wait_for "temporary password for minh"; ok "r asks a temporary password for minh"
typ third-Secret-7352; tm send-keys Enter
typ third-Secret-7352; tm send-keys Enter
wait_for "Password of minh reset"; ok "minh's password is reset"
is "$(q "SELECT must_change FROM officer_login WHERE username = 'minh'")" 1 \
	"minh must change it at the next login"
wait_for "minh +officer +active +must change"; ok "the list says so"

# ---- change minh's role --------------------------------------------------------------
tm send-keys o
wait_for "The new role"
tm send-keys Right Right Enter
wait_for "minh is now auditor"; ok "o changes minh's role"
is "$(q "SELECT role FROM officer WHERE username = 'minh'")" auditor "minh is an auditor"

# ---- the last active supervisor keeps the role (hoa deactivated first) ------------
tm send-keys Home d
wait_for "Deactivate hoa"
tm send-keys y
wait_for "Officer hoa deactivated"; ok "hoa deactivated"
sum=$(datasum "$db")
tm send-keys Home Down Down o
wait_for "The new role"
tm send-keys Left Enter
wait_for "last active supervisor"; ok "the last supervisor cannot change role: core says why"
is "$(datasum "$db")" "$sum" "... and nothing changed"
done_testing

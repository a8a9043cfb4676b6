# admin-roles.sh — who may use F9: an officer is refused with a message;
# an auditor sees every item read-only, and each change key is refused
# with core's reason, the database unchanged.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"
sum=$(datasum "$db")

start minh
tm send-keys F9
wait_for "Administration \(F9\) is for a supervisor"; ok "an officer is refused F9"
like "$(flat)" "supervisor or an auditor: minh is officer" "... saying why"
like "$(screen)" "Main menu" "... and stays on the main screen"

start kim
tm send-keys F9
wait_for "1  Officers"; ok "an auditor opens F9"
like "$(screen)" "Read only: the role auditor may look here but change nothing" "... read-only"
refuse() {	# refuse KEY WHAT — the key refused, saying the role may not
	# first a harmless key, until the last refusal is gone from the screen
	tm send-keys Up
	i=0
	while screen | grep -q "may not" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	tm send-keys "$1"
	wait_for "the role 'auditor' may not"; ok "$2 refused for an auditor"
}
tm send-keys 1
wait_for "Username +Role"
refuse a "adding an officer"
refuse d "deactivating an officer"
refuse r "resetting a password"
refuse o "changing a role"
refuse u "unlocking"
tm send-keys Escape
wait_for "2  Catalog"
tm send-keys 2
wait_for "Code +Time limit"
like "$(screen)" "Read only" "the catalog is read-only"
tm send-keys Enter
wait_for "Documents:"; ok "an auditor sees a procedure"
tm send-keys Escape
refuse i "importing a catalog"
refuse x "abolishing a procedure"
refuse m "amending a procedure"
tm send-keys Escape
wait_for "3  Holidays"
tm send-keys 3
wait_for "Year 2026"
refuse o "setting a day off"
refuse w "setting a working day"
refuse x "clearing a day"
refuse i "importing a calendar"
tm send-keys Escape
wait_for "4  Settings"
tm send-keys 4
wait_for "colleague_steps"
refuse Enter "editing a setting"
refuse d "resetting a setting"
is "$(datasum "$db")" "$sum" "nothing changed"
done_testing

# admin-audit.sh — F9 Audit: the station's audit events newest first,
# filtered by officer and dates; a supervisor's changes on the other F9
# screens appear there; an auditor sees it too.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"

start lan
tm send-keys F9
wait_for "2  Catalog"
tm send-keys 2
wait_for "Code +Time limit"
tm send-keys x
wait_for "Abolish 1\.001193"
tm send-keys y
wait_for "abolished \(kept"
tm send-keys x
wait_for "back in force"
tm send-keys y
wait_for "in force again"
is "$(q "SELECT group_concat(kind) FROM (SELECT kind FROM event WHERE dossier = ''
	AND kind LIKE 'catalog%' ORDER BY seq)")" "catalog_import,catalog_abolish,catalog_restore" \
	"the two changes are audit events in the chain"
tm send-keys Escape
wait_for "6  Audit"
tm send-keys 6
wait_for "When +Officer +What"; ok "6 opens the audit"
# every audit event: init's and the officers' (2026-01-01, the command
# line's clock), lan's login and the two changes (2026-11-20)
all=$(q "SELECT count(*) FROM event WHERE dossier = ''")
day=$(q "SELECT count(*) FROM event WHERE dossier = '' AND at LIKE '2026-11-20%'")
is "$all|$day" "7|3" "(seven audit events, three of them today)"
s=$(screen)
like "$s" "Officer: all +From: — +To: — +$all events" "no filter: every event"
like "$s" "lan +Logged in" "the login is one"
like "$s" "lan +Officer added: kim" "so is an officer added"
first=$(screen | grep -n "Procedure" | head -1)
like "$first" "2026-11-20 09:00 +lan +Procedure restored: 1\.001193" "the newest first"
like "$s" "lan +Procedure abolished: 1\.001193" "then the older one"
like "$(screen | tail -1)" "f Filter" "the hints show the filter key"

# ---- filters ---------------------------------------------------------------------------
tm send-keys f
wait_for "Which audit events"; ok "f asks the filter"
typ minh; tm send-keys Enter Enter Enter
wait_for "Officer: minh"
like "$(screen)" "No audit event matches" "minh did nothing"
tm send-keys f
wait_for "Which audit events"
tm send-keys C-u; typ lan; tm send-keys Enter; typ 21/11/2026; tm send-keys Enter Enter
wait_for "From: 2026-11-21"
like "$(screen)" "0 events" "nothing from 21/11/2026"
tm send-keys f
wait_for "Which audit events"
tm send-keys Enter C-u; typ 20/11/2026; tm send-keys Enter; typ 20/11/2026; tm send-keys Enter
wait_for "From: 2026-11-20 +To: 2026-11-20"
like "$(screen)" "$day events" "the three on 20/11/2026"
tm send-keys f
wait_for "Which audit events"
tm send-keys Enter C-u; typ 99/99/2026; tm send-keys Enter Enter
wait_for "a date is not valid"; ok "a date that is none is refused"

# ---- an auditor sees it ------------------------------------------------------------------
start kim
tm send-keys F9
wait_for "6  Audit"
tm send-keys 6
wait_for "When +Officer +What"; ok "an auditor opens the audit"
# and kim's own login is one more
like "$(screen)" "$((all + 1)) events" "... with the events"
done_testing

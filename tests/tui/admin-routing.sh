# admin-routing.sh — F9 Catalog → r: a procedure's deciding body and
# routing through the screen, checked with sqlite3: the form holds what
# the catalog says, a forward with no body is refused with core's message
# and nothing changes, Esc leaves the form with nothing changed, a forward
# to a body typed in Telex is a new version and an audit event; Enter on
# the procedure shows it, and F2's summary then names the new destination.
# An auditor (read-only) and an officer (no F9) cannot change it.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"
BODY="Sở Tư pháp tỉnh Đồng Nai"
route() { q "SELECT coalesce(decided_by, '-') || '|' || routing FROM procedure WHERE code = '1.001193'"; }
is "$(route)" "-|decide" "1.001193 is decided here, no body named, to begin with"

start lan
tm send-keys F9
wait_for "2  Catalog"
tm send-keys 2
wait_for "Code +Time limit +Fee +Procedure"
like "$(screen | tail -1)" "m Amend +r Routing" "the hints show r Routing"
tm send-keys Home Enter
wait_for "Documents:"
s=$(screen)
like "$s" "Decided by: +this unit \(the catalog names no body\)" "the procedure: who decides it"
like "$s" "Routing: +decided here" "... and its routing"
tm send-keys Escape
wait_for "Code +Time limit"

# ---- a forward to no one: refused, nothing changed
sum=$(datasum "$db")
tm send-keys r
wait_for "The body that decides 1\.001193"; ok "r opens the routing of the procedure"
s=$(screen)
diag "$s"
like "$s" "Routing +\(•\) decided here +\( \) forwarded" "the form holds the routing held"
like "$(flat)" "and whether it is decided here or forwarded there \(Space, ← →\)\. Enter saves, Esc cancels\." "the intro, whole"
tm send-keys Enter Space
wait_for "Routing +\( \) decided here +\(•\) forwarded"; ok "Space chooses forwarded"
tm send-keys Enter
wait_for "would be forwarded to no one"; ok "a forward with no body is refused with core's message"
like "$(flat)" "name the deciding body it is sent to" "... saying what to do"
is "$(datasum "$db")" "$sum" "... and nothing changed"

# ---- Esc cancels: the body typed, then Esc
tm send-keys Up; typ "Sowr Tuw phaps"
wait_for "Deciding body +Sở Tư pháp"
tm send-keys Escape
wait_for "Code +Time limit"; ok "Esc leaves the form"
is "$(datasum "$db")" "$sum" "... and nothing changed"

# ---- forwarded to the body typed (Telex): saved
tm send-keys r
wait_for "The body that decides 1\.001193"
tm send-keys C-u; typ "Sowr Tuw phaps tirnh Ddoongf Nai"
wait_for "Deciding body +$BODY"
tm send-keys Enter Space Enter
wait_for "Procedure 1\.001193 is now forwarded to $BODY"; ok "the routing is saved, and the screen says so"
is "$(route)" "$BODY|forward" "the database: forwarded to the body typed"
is "$(q "SELECT group_concat(change || ' ' || coalesce(decided_by, '-') || ' ' || routing, '; ')
	FROM procedure_version WHERE procedure_code = '1.001193'")" \
	"held - decide; amend $BODY forward" "two versions: the one held, the new routing"
is "$(q "SELECT officer || ' ' || json_extract(body, '\$.procedure') FROM event
	WHERE kind = 'catalog_amend'")" "lan 1.001193" "an audit event catalog_amend by lan"
tm send-keys Home Enter
wait_for "Documents:"
s=$(screen)
diag "$s"
like "$s" "Decided by: +$BODY" "the procedure shows its deciding body"
like "$s" "Routing: +forwarded" "... and that it is forwarded"
like "$(flat)" "2\. 2026-11-20T09:00 amend same day; free; 4 documents; forwarded to Sở Tư pháp tỉnh Đồng Nai; by lan" "... and the version, wrapped whole"
tm send-keys Escape Escape Escape
wait_for "F2 "

# ---- F2: the summary names the new destination
tm send-keys F2
wait_for "1/4"
typ dkks
wait_for "1.001193"
tm send-keys Enter
wait_for "2/4"
tm send-keys a Enter
wait_for "3/4"
typ 087084000999
tm send-keys Enter
typ "Nguyeenx Vawn An"
tm send-keys Enter Enter Enter
typ "Aaps 3, xax Myx An"
tm send-keys F8
wait_for "4/4"
s=$(screen)
diag "$s"
like "$s" "Decided by +$BODY \(forwarded\)" "F2 summary: the new deciding body, forwarded"
tm send-keys Escape Escape Escape Escape
wait_for "F2 "
tm send-keys F10
wait_for "EXITED"

# ---- an auditor sees the routing but may not change it; an officer has no F9
sum=$(datasum "$db")
start kim
tm send-keys F9
wait_for "2  Catalog"
tm send-keys 2
wait_for "Code +Time limit"
tm send-keys Home r
wait_for "the role 'auditor' may not"; ok "an auditor is refused the routing, with core's message"
unlike "$(screen)" "The body that decides" "... the form does not open"
tm send-keys F10
wait_for "EXITED"
start minh
tm send-keys F9
wait_for "Administration \(F9\) is for a supervisor"; ok "an officer is refused F9, so the routing too"
is "$(datasum "$db")" "$sum" "neither changed anything"
is "$(route)" "$BODY|forward" "the routing is still the supervisor's"
done_testing

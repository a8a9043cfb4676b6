#!/bin/sh
# routing.sh — where each procedure goes (catalog.h): the catalog's
# optional "decided_by" and "routing" ("decide", the default, or
# "forward"), checked at import, exported back, kept by the receipt and
# the dossier; a transfer without --agency goes to a forward procedure's
# deciding body; the logbook's "Cơ quan chủ trì giải quyết" and the
# summary's table by deciding body.
. "$top_srcdir/tests/cli/lib.sh"

DB="$T/r.db"
check "init" "$MOTCUA" --db "$DB" init --unit-code 000.00.00.H01 \
	--unit-name "UBND xã Mỹ An" --station 1 --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF"

# cat_file FILE VERSION ROUTING2 — a catalog of two procedures: A decides
# (no routing keys at all), B as ROUTING2 says (JSON members, may be "")
cat_file() {
	cat > "$1" <<JSON
{"format": "motcua-catalog", "format_version": 1, "version": $2, "issued": "2026-01-0$2",
 "issuer": "UBND tỉnh Thử", "procedures": [
  {"code": "1.000001", "name": "Đăng ký khai sinh", "field": "Hộ tịch", "level": "commune",
   "time_limit": "1 day", "fee": 0, "result": "Giấy khai sinh", "legal_basis": "Luật Hộ tịch",
   "documents": [{"name": "Tờ khai", "form": "original", "quantity": 1, "required": true}]},
  {"code": "1.000002", "name": "Cấp Phiếu lý lịch tư pháp", "field": "Lý lịch tư pháp",
   "level": "province", "time_limit": "10 days", "fee": 200000, "result": "Phiếu lý lịch tư pháp",
   "legal_basis": "Luật Lý lịch tư pháp"$3,
   "documents": [{"name": "Tờ khai", "form": "original", "quantity": 1, "required": true}]}
 ]}
JSON
}

# ---- import: without the keys, with them, and a forward with no body ----
cat_file "$T/v1.json" 1 ""
run --db "$DB" --password-file "$PWF" catalog import "$T/v1.json"
is "$rc" 0 "a catalog without routing keys imports"
is "$(sqlite3 "$DB" "SELECT group_concat(code || ' ' || routing || ' ' || coalesce(decided_by, '-'), '; ')
    FROM procedure")" "1.000001 decide -; 1.000002 decide -" "... every procedure decided here, no body named"

cat_file "$T/bad.json" 2 ', "routing": "forward"'
refused "a forward without decided_by" "$DB" \
	'procedure 1.000002 \(no. 2\): "decided_by" is needed for a procedure with "routing": "forward"' \
	--db "$DB" --password-file "$PWF" catalog import "$T/bad.json"
cat_file "$T/bad2.json" 2 ', "decided_by": "", "routing": "forward"'
refused "a forward with an empty decided_by" "$DB" '"decided_by" is needed' \
	--db "$DB" --password-file "$PWF" catalog import "$T/bad2.json"
cat_file "$T/bad3.json" 2 ', "decided_by": "Sở Tư pháp", "routing": "elsewhere"'
refused "an unknown routing" "$DB" '"routing" must be "decide" .* or "forward"' \
	--db "$DB" --password-file "$PWF" catalog import "$T/bad3.json"
cat_file "$T/bad4.json" 2 ', "decided_by": 7'
refused "a decided_by that is not text" "$DB" '"decided_by"' \
	--db "$DB" --password-file "$PWF" catalog import "$T/bad4.json"

cat_file "$T/v2.json" 2 ', "decided_by": "Sở Tư pháp tỉnh Đồng Tháp", "routing": "forward"'
run --db "$DB" --password-file "$PWF" catalog import "$T/v2.json"
is "$rc" 0 "a forward naming its body imports"
like "$out" "1 amended" "... as an amendment of the procedure"
is "$(sqlite3 "$DB" "SELECT routing || ' ' || decided_by FROM procedure WHERE code = '1.000002'")" \
	"forward Sở Tư pháp tỉnh Đồng Tháp" "... stored"

# ---- export writes them back; a decide writes nothing new ---------------
run --db "$DB" catalog export
is "$rc" 0 "export: exit 0"
printf '%s\n' "$out" > "$T/export.json"
like "$out" '"decided_by": "Sở Tư pháp tỉnh Đồng Tháp",' "export: the deciding body"
like "$out" '"routing": "forward",' "export: the routing"
is "$(printf '%s\n' "$out" | grep -c '"routing"')" 1 "export: no routing key for the procedure decided here"
DB2="$T/r2.db"
"$MOTCUA" --db "$DB2" init --unit-code 000.00.00.H02 --unit-name "UBND xã Hai" --station 1 \
	--supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" >/dev/null
run --db "$DB2" --password-file "$PWF" catalog import "$T/export.json"
is "$rc" 0 "the export imports into another database"
run --db "$DB2" catalog export
is "$out" "$(cat "$T/export.json")" "... and exports the same bytes: a round trip"

# ---- the sample catalog forwards what a commune does not decide ----------
DB3="$T/r3.db"
"$MOTCUA" --db "$DB3" init --unit-code 000.00.00.H03 --unit-name "UBND xã Ba" --station 1 \
	--supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --sample-catalog >/dev/null
is "$(sqlite3 "$DB3" "SELECT code || ' ' || decided_by FROM procedure WHERE routing = 'forward'")" \
	"1.010825 Sở Nội vụ tỉnh" "sample: the province's procedure is forwarded to its department"
is "$(sqlite3 "$DB3" "SELECT count(*) FROM procedure WHERE routing = 'decide' AND field IN
    ('Hộ tịch', 'Chứng thực', 'Bảo trợ xã hội')")" 25 "sample: civil status, certification, allowances decided here"

# ---- the receipt and the dossier carry where it goes --------------------
A() { "$MOTCUA" --db "$DB" --officer lan --password-file "$PWF" "$@"; }
fwd=$(A receive --procedure 1.000002 --name "Trần Văn Bình" --id 087184000123 \
    --address "$ADDR" --at "2026-11-20 09:00" | head -1)
here=$(A receive --procedure 1.000001 --name "Lê Thị Hoa" --id 087184000124 \
    --address "$ADDR" --at "2026-11-20 09:30" | head -1)
is "$(sqlite3 "$DB" "SELECT json_extract(e.body, '\$.procedure.decided_by') || ' / ' ||
    json_extract(e.body, '\$.procedure.routing') FROM event e JOIN dossier d ON d.id = e.dossier
    WHERE d.code = '$fwd' AND e.kind = 'receive'")" "Sở Tư pháp tỉnh Đồng Tháp / forward" \
	"the receive event's procedure names the body and the routing"
is "$(sqlite3 "$DB" "SELECT decided_by || ' ' || routing FROM dossier WHERE code = '$fwd'")" \
	"Sở Tư pháp tỉnh Đồng Tháp forward" "the dossier row carries them"
is "$(sqlite3 "$DB" "SELECT coalesce(decided_by, '-') || ' ' || routing FROM dossier WHERE code = '$here'")" \
	"- decide" "a procedure decided here: no body, decide"
before=$(sqlite3 "$DB" "SELECT decided_by || ' ' || routing FROM dossier WHERE code = '$fwd'")
run --db "$DB" --officer lan --password-file "$PWF" check --rebuild
is "$(sqlite3 "$DB" "SELECT decided_by || ' ' || routing FROM dossier WHERE code = '$fwd'")" \
	"$before" "a rebuild from the events projects them again"

# ---- the first hand-off: a transfer with no --agency --------------------
run --db "$DB" --officer lan --password-file "$PWF" event "$here" transfer --at "2026-11-20 10:00"
is "$rc" 1 "transfer without --agency on a procedure decided here: refused"
like "$err" "needs the agency" "... with its message"
run --db "$DB" --officer lan --password-file "$PWF" event "$fwd" transfer --at "2026-11-20 10:00"
is "$rc" 0 "transfer without --agency on a forward procedure: recorded"
is "$(sqlite3 "$DB" "SELECT json_extract(e.body, '\$.agency') FROM event e JOIN dossier d
    ON d.id = e.dossier WHERE d.code = '$fwd' AND e.kind = 'transfer'")" \
	"Sở Tư pháp tỉnh Đồng Tháp" "... to the deciding body"
is "$(sqlite3 "$DB" "SELECT agency FROM dossier WHERE code = '$fwd'")" \
	"Sở Tư pháp tỉnh Đồng Tháp" "... and the dossier says where it is"
run --db "$DB" slip "$fwd" --form 05
like "$out" "^ Sở Tư pháp tỉnh Đồng +10 giờ 00 phút, +Chuyển: Nguyễn Thị Lan" "the control sheet's hand-off row names the body"

# ---- the logbook's "Cơ quan chủ trì giải quyết" ----------------------------
# a third dossier, forwarded but not yet sent: the logbook names its body
fwd2=$(A receive --procedure 1.000002 --name "Phạm Văn Cường" --id 087184000125 \
    --address "$ADDR" --at "2026-11-21 09:00" | head -1)
run --db "$DB" report logbook --from 2026-11-01 --to 2026-11-30 --format csv
like "$out" "$fwd,.*,Sở Tư pháp tỉnh Đồng Tháp," "logbook: the transferred dossier's agency"
like "$out" "$fwd2,.*,Sở Tư pháp tỉnh Đồng Tháp," "logbook: a forward not yet sent names its deciding body"
like "$out" "$here,.*,UBND xã Mỹ An," "logbook: a procedure decided here names the unit"

# ---- the summary by deciding body ---------------------------------------
run --db "$DB" report summary --from 2026-11-01 --to 2026-11-30
is "$rc" 0 "summary: exit 0"
printf '%s\n' "$out" > "$T/summary.txt"
like "$out" "^Field " "summary: the table by field as before"
like "$out" "^Deciding body " "summary: then a table by deciding body"
like "$(sed -n '/^Deciding body/,$p' "$T/summary.txt")" \
	"^Sở Tư pháp tỉnh Đồng Tháp +0 +2 " "... the forwarded body: 2 new"
like "$(sed -n '/^Deciding body/,$p' "$T/summary.txt")" \
	"^UBND xã Mỹ An +0 +1 " "... this unit: 1 new"
like "$(sed -n '/^Deciding body/,$p' "$T/summary.txt")" "^Total +0 +3 " "... and the total"
run --db "$DB" report summary --from 2026-11-01 --to 2026-11-30 --format json
is "$rc" 0 "summary json: exit 0"
is "$(sqlite3 :memory: "SELECT json_group_array(json_extract(value, '\$.body') || ':' ||
    json_extract(value, '\$.received_new')) FROM json_each(json_extract('$out', '\$.bodies'))")" \
	'["Sở Tư pháp tỉnh Đồng Tháp:2","UBND xã Mỹ An:1"]' "json: \"bodies\" with each body's counters"
is "$(sqlite3 :memory: "SELECT json_extract('$out', '\$.total.received_new') || ' ' ||
    json_array_length(json_extract('$out', '\$.fields')) || ' ' ||
    json_type(json_extract('$out', '\$.bodies[0].satisfaction'))")" "3 2 object" \
	"json: the keys of before kept; a body's row has a field row's counters"

done_testing

# channel.sh — how a dossier came to the counter (receive --channel
# direct|post|online, schema 012): kept in the receipt's event and the
# dossier, counted by report summary (received_online, received_post, the
# text's line), sent as the portal's HinhThuc, carried to another station
# and checked there; a wrong word refused with the database unchanged.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
M() { "$MOTCUA" --db "$db" "$@"; }
recv() {	# recv ID AT [OPTION...] — a receipt; its code printed
	_id=$1 _at=$2; shift 2
	M --officer lan --password-file "$PWF" receive --procedure 1.001022 --name "Nguyễn Văn An" \
	    --id "$_id" --address "$ADDR" --at "$_at" "$@" | head -1
}
d1=$(recv 087084000901 "2026-11-16 09:00")
d2=$(recv 087084000902 "2026-11-16 09:10" --channel post)
d3=$(recv 087084000903 "2026-11-16 09:20" --channel online)
d4=$(recv 087084000904 "2026-11-16 09:30" --channel direct)
chan() { sqlite3 "$db" "SELECT channel FROM dossier WHERE code = '$1'"; }
is "$(chan "$d1")|$(chan "$d2")|$(chan "$d3")|$(chan "$d4")" "direct|post|online|direct" \
    "the dossiers keep how they came (handed in by default)"
is "$(sqlite3 "$db" "SELECT json_extract(e.body, '$.channel') FROM event e JOIN dossier d ON
    d.id = e.dossier AND e.kind = 'receive' WHERE d.code = '$d3'")" online \
    "the receipt's event carries it"
refused "an unknown channel" "$db" "unknown channel 'fax': use direct \(handed in\), post or online" \
    --db "$db" --officer lan --password-file "$PWF" receive --procedure 1.001022 \
    --name "Nguyễn Văn An" --id 087084000905 --address "$ADDR" --channel fax

run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format json
is "$(jget "$out" '$.total.received_new')|$(jget "$out" '$.total.received_online')|$(jget "$out" '$.total.received_post')" \
    "4|1|1" "report summary json: 4 new, 1 online, 1 by post"
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30
like "$out" "New by channel: handed in 2   by post 1   online 1" "report summary text: the channel line"

run --db "$db" report portal --from 2026-11-16 --to 2026-11-16
is "$rc" 0 "report portal"
printf '%s' "$out" > "$T/portal.json"
hin() { sqlite3 :memory: "SELECT json_extract(value, '$.HinhThuc') FROM json_each(readfile('$T/portal.json'))
    WHERE json_extract(value, '$.MaHoSo') = '$1'"; }
is "$(hin "$d1")|$(hin "$d2")|$(hin "$d3")" "0|2|1" "the portal's HinhThuc: 0 handed in, 2 post, 1 online"

# another station takes the channel with the receipt; a forged word is refused
. "$top_srcdir/tests/cli/forge.sh"
dbB="$T/b.db"
"$MOTCUA" --db "$dbB" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 2 --sample-catalog >/dev/null
check "B trusts A" enrol "$dbB" "$db"
good="$T/good.motcua"
(MOTCUA_NOW="2026-11-30 17:00" && export MOTCUA_NOW &&
    M --officer lan --password-file "$PWF" export --out "$good" --all >/dev/null)
forge_setup "$db" "$good"
body=$(sqlite3 "$good" "SELECT json_set(body, '$.code', replace(json_extract(body, '$.code'),
    '-1001', '-1009'), '$.channel', 'fax', '$.book_no', 9, '$.received',
    '2026-11-18T09:00:00+07:00') FROM event WHERE origin = '$idA' AND kind = 'receive' ORDER BY seq LIMIT 1")
forge fax "$idA" "$(lastA)" "2026-11-18T09:00:00+07:00" lan 7d3e0c1a-5b2f-4e8a-9c6d-1f2a3b4c5d6e receive "$body"
refused "a receipt whose channel is no channel, in a bundle" "$dbB" \
    "was not imported: .*its channel is not of its type.*nothing was changed" \
    --db "$dbB" --officer lan --password-file "$PWF" import "$f"
run --db "$dbB" --officer lan --password-file "$PWF" import "$good"
is "$rc" 0 "B imports A's genuine bundle"
is "$(sqlite3 "$dbB" "SELECT channel FROM dossier WHERE code = '$d2'")" post "at B, d2 came by post"
done_testing

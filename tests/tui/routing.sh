# routing.sh — at 80x24, in Vietnamese: where a dossier goes.  F2's
# summary names the deciding body of a forward procedure of the sample
# catalog (1.010825 → Sở Nội vụ tỉnh, "chuyển đi") and of one decided
# here (the unit, "giải quyết tại đây"); the detail says the same; q on a
# forward dossier opens the transfer with the agency filled in with that
# body; confirmed, the event in the database names it.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
M() { "$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" "$@"; }
fwd=$(M receive --procedure 1.010825 --name "Trần Văn Bình" --id 087184000123 \
    --address "$ADDR" --at "2026-11-20 08:30" | head -1)
unit=$(q "SELECT value FROM meta WHERE key = 'unit_name'")

START_ENV="LANGUAGE=vi" start
# ---- F2: the summary of a forward procedure
tm send-keys F2
wait_for "1/4"
tm send-keys -l "1.010825"
wait_for "1.010825"
tm send-keys Enter
wait_for "2/4"
tm send-keys a Enter
wait_for "3/4"
tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Nguyeenx Vawn An"
tm send-keys Enter Enter Enter
tm send-keys -l "Aaps 3, xax Myx An"
tm send-keys F8
wait_for "Tiếp nhận 4/4"
s=$(screen)
diag "$s"
like "$s" "Nơi giải quyết +Sở Nội vụ tỉnh \(chuyển đi\)" "F2 summary: the deciding body, forwarded"
tm send-keys Escape Escape Escape Escape
wait_for "F2 "
# ---- F2: a procedure decided here
tm send-keys F2
wait_for "1/4"
tm send-keys -l dkks
wait_for "1.001193"
tm send-keys Enter
wait_for "2/4"
tm send-keys a Enter
wait_for "3/4"
tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Nguyeenx Vawn An"
tm send-keys Enter Enter Enter
tm send-keys -l "Aaps 3, xax Myx An"
tm send-keys F8
wait_for "Tiếp nhận 4/4"
s=$(screen)
diag "$s"
like "$s" "Nơi giải quyết +$unit \(giải quyết tại đây\)" "F2 summary: this unit, decided here"
tm send-keys Escape Escape Escape Escape
wait_for "F2 "
is "$(q 'SELECT count(*) FROM dossier')" 1 "nothing received on the way"

# ---- F3 → the forward dossier → q: the agency proposed
tm send-keys F3
wait_for "Tìm:"
tm send-keys -l "$fwd"
tm send-keys Enter
wait_for "Lịch sử"
s=$(screen)
diag "$s"
like "$s" "Giải quyết +Sở Nội vụ tỉnh \(chuyển đi\)" "the detail: where it goes"
tm send-keys Enter
wait_for "p  Phiếu kiểm soát"
tm send-keys q
wait_for "Sở Nội vụ tỉnh"
s=$(screen)
diag "$s"
like "$s" ": +Sở Nội vụ tỉnh" "q: the agency field filled in with the deciding body"
tm send-keys Enter
wait_for "\?"; ok "Enter: the confirmation"
tm send-keys Enter
wait_for "Lịch sử"
is "$(q "SELECT json_extract(e.body, '\$.agency') FROM event e JOIN dossier d ON d.id = e.dossier
    WHERE d.code = '$fwd' AND e.kind = 'transfer'")" "Sở Nội vụ tỉnh" \
    "the database: the transfer's agency is the deciding body"
is "$(q "SELECT status || ' ' || agency FROM dossier WHERE code = '$fwd'")" \
    "transferred Sở Nội vụ tỉnh" "the dossier: transferred there"
done_testing

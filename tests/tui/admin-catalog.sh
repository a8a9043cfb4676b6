# admin-catalog.sh — F9 Catalog through the screen, checked in the
# database: a procedure's details; the province's catalog imported from
# a USB stick, its counts shown before anything changes (core's dry run)
# and then applied; a time limit, fee and document list amended (a new
# version of the procedure) while a dossier received before keeps its
# own; a procedure abolished and restored.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"

code=$("$MOTCUA" --db "$db" --officer minh --password-file "$T/minh.pw" receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" \
	--id 087084000999 --at "2026-11-19 09:00" | head -1)
like "$code" "^000\.17\.22\.H56-261119" "a dossier of 1.001193 received before any change"
old=$(q "SELECT time_limit, fee, documents FROM dossier WHERE code = '$code'")

# the province's next catalog: version 2, one fee changed, one left out, one new
"$MOTCUA" --db "$db" catalog export > "$T/v1.json"
sqlite3 :memory: "SELECT json_set(json_remove(j, '\$.procedures[1]'), '\$.version', 2,
	'\$.procedures[2].fee', 12345, '\$.procedures[#]',
	json_set(json_extract(j, '\$.procedures[3]'), '\$.code', '9.000001'))
	FROM (SELECT readfile('$T/v1.json') AS j)" > "$T/media/USB/catalog-v2.json"
n=$(q "SELECT count(*) FROM procedure")

start lan
tm send-keys F9
wait_for "2  Catalog"
tm send-keys 2
wait_for "Code +Time limit +Fee +Procedure"; ok "2 opens the catalog"
like "$(screen)" "1\.001193 +same day +0 +Thủ tục đăng ký khai sinh" "the first procedure, its limit and fee"
like "$(screen | tail -1)" "Enter OK +i Import +x Abolish/restore +m Amend" "the hints show the keys"
tm send-keys Enter
wait_for "Documents:"; ok "Enter shows the procedure"
s=$(screen)
like "$s" "Field: +Hộ tịch" "its field"
like "$s" "1\. Tờ khai đăng ký khai sinh" "its documents"
like "$s" "none: as the catalog file gave it" "no version made here yet"
tm send-keys Escape

# ---- import: the counts first, nothing changed, then applied -----------------------
sum=$(datasum "$db")
tm send-keys i
wait_for "Import the province's catalog"; ok "i asks for the file"
like "$(screen)" "$T/media/USB/catalog-v2.json" "the file on the stick is offered"
tm send-keys Enter
wait_for "Apply the catalog"; ok "the counts are shown before applying"
like "$(screen)" "1 new, 1 amended, 1 abolished, $((n - 2)) unchanged" "... the right counts"
is "$(datasum "$db")" "$sum" "... and nothing changed yet"
tm send-keys y
wait_for "Catalog imported: 1 new, 1 amended, 1 abolished"; ok "y applies the file"
is "$(q "SELECT value FROM meta WHERE key = 'catalog_version'")" 2 "catalog version 2 held"
is "$(q "SELECT count(*) FROM procedure WHERE code = '9.000001'")" 1 "the new procedure is there"
is "$(q "SELECT count(*) FROM procedure WHERE abolished IS NOT NULL")" 1 "the one left out is abolished"

# ---- amend 1.001193: 7 days, 50000 VND, the first document removed ----------------------
tm send-keys Home m
wait_for "Amend 1\.001193"; ok "m opens the amendment"
tm send-keys C-u; typ "7 ngày"; tm send-keys Enter
tm send-keys C-u; typ 50000; tm send-keys Enter
tm send-keys C-u Enter Enter Enter Enter Enter
wait_for "Procedure 1\.001193 amended"; ok "the amendment is saved"
is "$(q "SELECT time_limit, fee FROM procedure WHERE code = '1.001193'")" "7 days|50000" \
	"the procedure now has 7 days and 50000 VND"
is "$(q "SELECT count(*) FROM procedure_document WHERE procedure_code = '1.001193'")" 3 \
	"... and three documents"
is "$(q "SELECT group_concat(change) FROM procedure_version WHERE procedure_code = '1.001193'")" \
	"held,amend" "two versions: the one held, the amendment"
is "$(q "SELECT time_limit, fee FROM procedure_version WHERE procedure_code = '1.001193'
	AND revision = 1")" "same day|0" "the version held keeps the old values"
is "$(q "SELECT time_limit, fee, documents FROM dossier WHERE code = '$code'")" "$old" \
	"the dossier received before keeps its time limit, fee and documents"
out=$("$MOTCUA" --db "$db" show "$code")
like "$out" "Tờ khai đăng ký khai sinh" "motcua show still lists its first document"
tm send-keys Enter
wait_for "Versions"
like "$(screen)" "2\. 2026-11-20T09:00 +amend +7 (days|ngày)" "the procedure shows its new version"
tm send-keys Escape

# ---- abolish, restore ----------------------------------------------------------------
tm send-keys x
wait_for "Abolish 1\.001193"; ok "x asks before abolishing"
tm send-keys y
wait_for "abolished \(kept"; ok "abolished"
is "$(q "SELECT abolished FROM procedure WHERE code = '1.001193'")" 2026-11-20 "dated today"
wait_for "\[abolished\] Thủ tục đăng ký khai sinh"; ok "the list says so"
is "$(q "SELECT count(*) FROM dossier WHERE code = '$code'")" 1 "the dossier is still there"
tm send-keys x
wait_for "back in force"
tm send-keys y
wait_for "in force again"; ok "restored"
is "$(q "SELECT abolished IS NULL FROM procedure WHERE code = '1.001193'")" 1 "in force again"
is "$(q "SELECT group_concat(change) FROM procedure_version WHERE procedure_code = '1.001193'")" \
	"held,amend,abolish,restore" "each change is a version"
done_testing

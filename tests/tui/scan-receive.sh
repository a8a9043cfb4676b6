# scan-receive.sh — scanning at F2's checklist with SANE's own test
# backend (a private SANE_CONFIG_DIR whose dll.conf names only `test`; no
# scanner): s scans the highlighted document, from the glass a page a
# scan with the question of another page, the pages and ▣ beside the
# document, and the receipt keeps them (file_added events of the new
# dossier, dossier_file rows, each stored file's SHA-256 the event's).  A
# scanner that is not there is one message, and the receipt goes on.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
sane_test_scanner
START_ENV="SANE_CONFIG_DIR='$SANE_CONFIG_DIR'"
setting() {
	"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set "$@" >/dev/null
}
shot() {	# the screen into the log, for a person to read
	printf '%s\n' "$(screen)" | sed 's/^/# /'
}
# the applicant's fields, from the ID to the summary
applicant() {
	wait_for "3/4"
	tm send-keys -l "$1"
	tm send-keys Enter
	tm send-keys -l "$2"
	tm send-keys Enter Enter
	tm send-keys -l "0912345678"
	tm send-keys Enter
	tm send-keys -l "$ADDR"
	tm send-keys Enter Enter Enter
	wait_for "4/4"
}
# the message lines at the foot (22 and 23 of 24), joined with a space
message() {
	screen | sed -n '22,23p' | sed 's/^ *//; s/ *$//' | grep -v '^$' | tr '\n' ' ' |
	    sed 's/ $//'
}
setting scan_device test:0

start
tm send-keys F2
wait_for "1/4"
tm send-keys -l dkks
wait_for "1.001193 +Thủ tục đăng ký khai sinh "
tm send-keys Enter
wait_for "2/4"; ok "the checklist"
like "$(screen)" "s Scan" "the key bar shows s: Scan"
# ---- document 1 from the glass: two pages, one after the other ------------
tm send-keys s
wait_for "Another page of document 1\?"; ok "s scans document 1, then asks for another page"
shot
like "$(screen)" "Document 1: 1 page scanned" "the message says one page so far"
tm send-keys y
wait_for "Document 1: 2 pages scanned"; ok "y: a second page"
wait_for "Another page of document 1\?"; ok "... and the question again"
tm send-keys n
wait_for "▣ 2 pages"; ok "n: done; ▣ and the pages beside the document"
s=$(screen)
shot
like "$s" "\[x\]  1\. Tờ khai đăng ký khai sinh \(theo mẫu\) +▣ 2 pages  original ×1 \*" \
    "document 1: marked handed in, ▣ 2 pages, its form"
like "$s" "Received 1 of 4; 1 required missing; ▣ 2 pages scanned" "the count below says so"
unlike "$s" "Another page" "the question is gone"
# ---- document 2: one page -------------------------------------------------
tm send-keys 2 s
wait_for "Another page of document 2\?"
tm send-keys n
wait_for "▣ 3 pages scanned"; ok "document 2: one page"
like "$(screen)" "\[x\]  2\. .*▣ 1 page  " "document 2 marked, ▣ 1 page"
is "$(q "SELECT count(*) FROM dossier")" 0 "nothing written before the receipt"
is "$(q "SELECT count(*) FROM event WHERE kind = 'file_added'")" 0 "no file event yet"
check "no file in the store yet" test -z "$(find "$T/files" -type f 2>/dev/null)"
# ---- document 3 with a scanner that is not there: a message, no mark ------
setting scan_device nosuch:0
tm send-keys 3 s
wait_for "Not scanned"; ok "a scanner that is not there: the message"
shot
is "$(message)" "Not scanned: there is no scanner 'nosuch:0'. Switch it on, or choose another in F9 Settings (scan_device) or with motcua setting set scan_device" \
    "the message: what is wrong and where the scanner is chosen, whole words"
like "$(screen)" "\[ \]  3\." "document 3 not marked"
unlike "$(screen)" "Another page" "no question of another page"
like "$(screen)" "▣ 3 pages scanned" "the pages scanned before are still held"
# ---- the receipt goes on and keeps the pages -----------------------------
tm send-keys Enter
applicant 087084000999 "Nguyen Van An"
shot
# the documents' lines of the summary, joined (a document's line wraps)
s=$(screen | sed -n '6,12p' | sed 's/^ *Documents *//; s/^ *//; s/ *$//' | tr '\n' ' ')
like "$s" "1\. Tờ khai đăng ký khai sinh \(theo mẫu\) \(original ×1\), ▣ 2 pages scanned" "the summary: document 1's pages"
like "$s" "sinh \(original ×1\), ▣ 1 page scanned" "... and document 2's"
tm send-keys Enter
wait_for "Receive this dossier"
tm send-keys Enter
wait_for "Mẫu 01"; ok "received: the slip"
code=$(q "SELECT code FROM dossier")
like "$(message)" "^Dossier $code received, due .*, with 3 pages scanned" "the message: received, with the pages"
is "$(q "SELECT count(*) FROM event e JOIN dossier d ON d.id = e.dossier WHERE e.kind = 'file_added' AND d.code = '$code'")" 3 \
    "three file_added events of the dossier (a page from the glass each)"
is "$(q "SELECT group_concat(document || ':' || pages || ':' || source || ':' || doc_name, ' ') FROM (SELECT * FROM dossier_file ORDER BY at, origin, seq)")" \
    "1:1:scan:Tờ khai đăng ký khai sinh (theo mẫu) 1:1:scan:Tờ khai đăng ký khai sinh (theo mẫu) 2:1:scan:$(q "SELECT json_extract(documents, '\$[1].name') FROM dossier")" \
    "dossier_file: document 1 twice, document 2 once, one page each, scanned"
is "$(q "SELECT count(*) FROM event e WHERE e.kind = 'file_added' AND e.seq > (SELECT seq FROM event WHERE kind = 'receive')")" 3 \
    "the files come right after the receipt"
# every event's hash is the stored file's
bad=0
for sha in $(q "SELECT json_extract(body, '\$.sha256') FROM event WHERE kind = 'file_added'"); do
	f=$(find "$T/files" -type f -name "$sha.pdf")
	if [ -z "$f" ] || [ "$(sha256sum "$f" | cut -d' ' -f1)" != "$sha" ] ||
	    [ "$(stat -c %a "$f")" != 600 ]; then
		diag "file $sha: missing, altered or not 0600"
		bad=$((bad + 1))
	fi
done
is "$bad" 0 "each event's SHA-256 is its stored file's (0600)"
check "no temporary left in the store" test -z "$(find "$T/files" -name '.scan-*')"
tm send-keys Escape
wait_for "Main menu"

# ---- a receipt whose only scan fails: it completes, with no file -----------
tm send-keys F2
wait_for "1/4"
tm send-keys -l dkks
wait_for "1.001193 +Thủ tục đăng ký khai sinh "
tm send-keys Enter
wait_for "2/4"
tm send-keys s
wait_for "Not scanned"; ok "the scanner fails on the first document"
tm send-keys a Enter
applicant 087184000123 "Tran Thi Binh"
unlike "$(screen)" "scanned" "the summary says nothing was scanned"
tm send-keys Enter
wait_for "Receive this dossier"
tm send-keys Enter
wait_for "Mẫu 01"; ok "the receipt goes on: the slip"
code2=$(q "SELECT code FROM dossier WHERE applicant_id = '087184000123'")
like "$code2" "-261120-" "the second dossier is recorded"
like "$(message)" "^Dossier $code2 received, due [^,]*$" "the message: received, nothing of scans"
is "$(q "SELECT count(*) FROM dossier_file f JOIN dossier d ON d.id = f.dossier WHERE d.code = '$code2'")" 0 \
    "no file for it"
is "$(q "SELECT count(*) FROM event WHERE kind = 'file_added'")" 3 "no new file event"
run --db "$db" check
is "$rc" 0 "check: the chain and the files are sound"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing

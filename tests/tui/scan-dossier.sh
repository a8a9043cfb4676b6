# scan-dossier.sh — scanning after the receipt, from F3's view of a
# dossier, with SANE's own test backend (a private SANE_CONFIG_DIR whose
# dll.conf names only `test`; no scanner): the view lists the dossier's
# files (document, pages, when), s lists its documents and the result,
# a letter scans into one: from the glass a page a scan with the question
# of another, from the feeder (scan_source adf) its ten sheets in one
# PDF.  A scanner that is not there, and no scanner at all, are one
# message each and the dossier is unchanged.  The database is checked:
# dossier_file rows, file_added events, each stored file's SHA-256 the
# event's.
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
# the message lines at the foot (22 and 23 of 24), joined with a space
message() {
	screen | sed -n '22,23p' | sed 's/^ *//; s/ *$//' | grep -v '^$' | tr '\n' ' ' |
	    sed 's/ $//'
}
code=$("$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" \
    --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 --docs 1,2 \
    --at "2026-11-20 08:30" | head -1)
like "$code" "-261120-" "a dossier received at the counter"
doc2=$(q "SELECT json_extract(documents, '\$[1].name') FROM dossier")
setting scan_device test:0

start
tm send-keys F3
wait_for "Find:"
tm send-keys -l "$code"
tm send-keys Enter
wait_for "History"; ok "F3 opens the dossier"
s=$(screen)
shot
like "$s" "Files: none scanned yet \(s scans\)" "the view: no file yet, and the key that scans"
like "$s" "s Scan" "... and so does the key bar"
tm send-keys F1
wait_for "Keys of this screen"
like "$(screen)" "s +Scan" "the help lists s: Scan"
tm send-keys Escape
wait_for "History"

# ---- s: the documents and the result ------------------------------------
tm send-keys s
wait_for "Scan \(the letter or Enter\)"; ok "s: what to scan into, its title whole"
s=$(screen)
shot
like "$s" "a +1\. Tờ khai đăng ký khai sinh \(theo mẫu\) +not scanned" "a: document 1, nothing scanned"
like "$s" "d +4\. Văn bản ủy quyền" "d: document 4"
like "$s" "e +The result \(returned to the citizen\) +not scanned" "e: the result, last"
like "$s" "The scanner's glass: one page a scan" "it says the glass takes a page at a time"
# ---- b: a late page of document 2, from the glass -------------------------
tm send-keys b
wait_for "Another page of document 2\?"; ok "b scans document 2 and asks for another page"
like "$(screen)" "Scanned document 2: 1 page, kept as file 1 of $code" "the message: the file's number"
tm send-keys n
wait_for "2\. Giấy chứng sinh.* ▣ 1 page"; ok "n: document 2 shows ▣ 1 page"
is "$(q "SELECT count(*) || ':' || document || ':' || pages || ':' || result FROM dossier_file")" "1:2:1:0" \
    "dossier_file: one file of document 2, one page, not the result"
# ---- e: the result from the feeder: ten sheets, one file -------------------
setting scan_source adf
tm send-keys e
wait_for "Scanned the result: 10 pages, kept as file 2"; ok "e: the result, the feeder's ten sheets"
sleep 0.3
unlike "$(screen)" "Another page" "the feeder takes the stack: no question"
like "$(screen)" "The result \(returned to the citizen\) +▣ 10 pages" "the result shows ▣ 10 pages"
like "$(screen)" "The scanner's feeder" "it says the feeder takes every page"
is "$(q "SELECT document IS NULL, pages, result, source FROM dossier_file WHERE result")" "1|10|1|scan" \
    "dossier_file: the result, ten pages, no document, scanned"
sha=$(q "SELECT sha256 FROM dossier_file WHERE result")
f=$(find "$T/files" -type f -name "$sha.pdf")
is "$(pdfinfo "$f" | sed -n 's/^Pages: *//p')" 10 "one PDF of ten pages"

# ---- a scanner that is not there; then none at all ----------------------
setting scan_source flatbed
setting scan_device nosuch:0
# the dossier's files and events (the settings change between the two)
filesum() {
	q "SELECT * FROM dossier_file ORDER BY 1, 2; SELECT count(*) FROM event WHERE dossier <> ''"
}
sum=$(filesum)
tm send-keys a
wait_for "Not scanned"; ok "a scanner that is not there: the message"
is "$(message)" "Not scanned: there is no scanner 'nosuch:0'. Switch it on, or choose another in F9 Settings (scan_device) or with motcua setting set scan_device" \
    "the message: what is wrong and where to choose the scanner, whole words"
like "$(screen)" "1\. Tờ khai đăng ký khai sinh \(theo mẫu\) +not scanned" "document 1 still not scanned"
setting scan_device ""
: > "$SANE_CONFIG_DIR/dll.conf"	# SANE knows no backend: no scanner at all
tm send-keys a
wait_for "no scanner was found"; ok "no scanner at all: the message"
shot
is "$(message)" "Not scanned: no scanner was found. Plug it in and switch it on; choose it in F9 Settings (scan_device) or with motcua setting set scan_device" \
    "... says where it is chosen"
is "$(filesum)" "$sum" "the failed scans changed nothing"
check "no temporary left in the store" test -z "$(find "$T/files" -name '.scan-*')"

# ---- Esc stops a scan: a slow scanner (200 ms before each block it sends,
# about 1.6 s a page), stopped in the middle of its page ---------------------
echo test > "$SANE_CONFIG_DIR/dll.conf"
cp "$SANE_CONFIG_DIR/test.conf" "$T/test.conf.fast"
printf 'read-delay true\nread-delay-duration 200000\n' >> "$SANE_CONFIG_DIR/test.conf"
setting scan_device test:0
tm send-keys a
wait_for "Scanning document 1… wait for the scanner, or Esc to stop"
ok "a scan says that Esc stops it"
tm send-keys Escape
wait_for "Not scanned: the scan was cancelled"; ok "Esc: the scan stops"
is "$(message)" "Not scanned: the scan was cancelled: nothing was kept" "... and says nothing was kept"
is "$(filesum)" "$sum" "the stopped scan changed nothing"
check "no temporary left in the store after the stop" test -z "$(find "$T/files" -name '.scan-*')"
cp "$T/test.conf.fast" "$SANE_CONFIG_DIR/test.conf"

# ---- from the glass again: a document of two pages -------------------------
echo test > "$SANE_CONFIG_DIR/dll.conf"
setting scan_device test:0
tm send-keys a
wait_for "Another page of document 1\?"
tm send-keys Enter
wait_for "Scanned document 1: 1 page, kept as file 4"; ok "Enter (yes): the second page, file 4"
wait_for "Another page of document 1\?"
tm send-keys Escape
wait_for "1\. Tờ khai đăng ký khai sinh \(theo mẫu\) +▣ 2 pages"; ok "Esc (no): document 1 shows ▣ 2 pages"

# ---- back on the view: the files ----------------------------------------
tm send-keys Escape
wait_for "Files: 4, the last 3"; ok "the view lists the files: four, the last three"
s=$(screen)
shot
like "$s" "Files: 4, the last 3 \(motcua files lists all\)" "the heading says there are more"
like "$s" " 2  The result +▣ 10 pages  2026-11-20 09:00" "file 2: the result, ten pages, when"
like "$s" " 3  1\. Tờ khai đăng ký khai sinh \(theo mẫu\) +▣ 1 page  2026-11-20 09:00" "file 3: document 1, one page"
like "$s" " 4  1\. Tờ khai đăng ký khai sinh \(theo mẫu\) +▣ 1 page  2026-11-20 09:00" "file 4: its second page"
unlike "$s" " 1  2\. Giấy" "file 1 is left out of the three"
like "$s" "File attached" "the history has the files"

# ---- the database: the events and the files on disk ----------------------
is "$(q "SELECT count(*) FROM event WHERE kind = 'file_added'")" 4 "four file_added events"
is "$(q "SELECT group_concat(coalesce(document, 'r') || ':' || pages, ' ') FROM (SELECT * FROM dossier_file ORDER BY at, origin, seq)")" \
    "2:1 r:10 1:1 1:1" "dossier_file: document 2, the result, document 1 twice"
is "$(q "SELECT doc_name FROM dossier_file WHERE document = 2")" "$doc2" "the document's name kept with the file"
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
run --db "$db" files "$code" --json
is "$(jlen "$out")" 4 "motcua files lists the four"
is "$(jget "$out" '$[1].result')" 1 "... the second the result"
run --db "$db" check
is "$rc" 0 "check: the chain and the files are sound"
tm send-keys Escape
wait_for "Find:"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing

# scan.sh — motcua scan CODE: a document scanned through SANE straight
# into a dossier, with SANE's own test backend and no scanner (a private
# SANE_CONFIG_DIR whose dll.conf names only `test`): a page from the
# glass, the feeder's pages, the event's hash equal to the stored file's,
# and a scanner that is not there refused with the dossier unchanged.
. "$top_srcdir/tests/cli/lib.sh"
sane_test_scanner; export SANE_CONFIG_DIR
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 \
    --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-20 09:30"
code=$(echo "$out" | head -1)
S() {
	run --db "$db" --officer lan --password-file "$PWF" scan "$@"
}

S "$code" --document 1 --device test:0
is "$rc" 0 "a page from the glass: exit 0"
like "$out" "file 1 scanned \(pdf, 1 page, " "one page, kept as a PDF"
run --db "$db" files "$code" --json
is "$(jget "$out" '$[0].source')" scan "files: its source is scan"
is "$(jget "$out" '$[0].document')" 1 "files: for document 1"
is "$(jget "$out" '$[0].pages')" 1 "files: one page"
sha=$(jget "$out" '$[0].sha256')
stored=$(find "$T/files" -type f -name "$sha.pdf")
check "the PDF is in the store under its hash" test -n "$stored"
is "$(sha256sum "$stored" | cut -d' ' -f1)" "$sha" "the event's SHA-256 is the stored file's"
is "$(sqlite3 "$db" "SELECT json_extract(body, '\$.sha256') FROM event WHERE kind = 'file_added'")" \
    "$sha" "the event in the chain holds that hash"
is "$(pdfinfo "$stored" | sed -n 's/^Pages: *//p')" 1 "pdfinfo reads one page"
is "$(stat -c %a "$stored")" 600 "the file is 0600"
check "no temporary left in the store" test -z "$(find "$T/files" -name '.scan-*')"

# the feeder: every sheet, one PDF
run --db "$db" --officer lan --password-file "$PWF" setting set scan_source adf
S "$code" --document 2 --device test:0
is "$rc" 0 "the feeder: exit 0"
like "$out" "file 2 scanned \(pdf, 10 pages, " "the test feeder's ten sheets in one PDF"
run --db "$db" files "$code" --json
is "$(jget "$out" '$[1].pages')" 10 "files: ten pages"

# no such scanner: refused, nothing changed
sum=$(datasum "$db")
S "$code" --document 1 --device nosuch:0
is "$rc" 1 "an unknown scanner: exit 1"
like "$err" "scanner|máy quét" "says what is wrong with the scanner"
is "$(datasum "$db")" "$sum" "the dossier unchanged"
check "no temporary left" test -z "$(find "$T/files" -name '.scan-*')"
# a dossier that is not there: refused before the scanner is asked
S "000.17.22.H56-261120-1999" --device test:0
is "$rc" 1 "an unknown dossier: exit 1"
is "$(datasum "$db")" "$sum" "nothing changed"
done_testing

# attach-sync.sh — a file kept with a dossier travels as its event: the
# other station takes the file_added event in (the body checked as
# attach_add writes it, after the dossier's receipt at any status), lists
# the file with its hash, and `check` there names the file missing until
# it comes (here a bundle made --without-files: bundle-files.sh has the
# bundles that carry the files); a bundle whose file event was altered is
# refused, nothing changed.
. "$top_srcdir/tests/cli/lib.sh"
dbA="$T/a/a.db" dbB="$T/b/b.db"
mkdir -p "$T/a" "$T/b"	# each station its own folder: its files/ beside it
for s in A B; do
	eval "db=\$db$s"
	n=1; [ $s = B ] && n=2
	"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
	    --station $n --sample-catalog --supervisor truong "Trần Văn Trưởng" \
	    --password-file "$PWF" >/dev/null
	ok "station $s: init"
done
check "A trusts B" enrol "$dbA" "$dbB"
check "B trusts A" enrol "$dbB" "$dbA"
run --db "$dbA" --officer truong --password-file "$PWF" receive --address "$ADDR" \
    --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999
code=$(echo "$out" | head -1)
mkdir -p "$HOME/in"
"$MOTCUA" --db "$dbA" slip "$code" --format pdf --out "$HOME/in/slip.pdf" 2>/dev/null
run --db "$dbA" --officer truong --password-file "$PWF" attach "$code" "$HOME/in/slip.pdf" --document 1
is "$rc" 0 "A: a file attached to the first document"
sha=$(sha256sum "$HOME/in/slip.pdf" | cut -d' ' -f1)

run --db "$dbA" --officer truong --password-file "$PWF" export --out "$T/a1.motcua" --without-files
is "$rc" 0 "A: exported"
cp "$dbB" "$T/b-before.db"
run --db "$dbB" --officer truong --password-file "$PWF" import "$T/a1.motcua"
is "$rc" 0 "B: the bundle with the file's event is taken in"
run --db "$dbB" files "$code" --json
is "$rc" 0 "B: files lists the dossier's files"
like "$out" "$sha" "B: the file's SHA-256, as A recorded it"
is "$(sqlite3 "$dbB" "SELECT count(*) FROM dossier_file")" 1 "B: one row in dossier_file"
is "$(sqlite3 "$dbB" "SELECT document FROM dossier_file")" 1 "B: for the first document"
run --db "$dbB" check
is "$rc" 1 "B: check says a file is missing (it has not come yet)"
like "$out" "$code" "B: and names the dossier"
run --db "$dbB" --officer truong --password-file "$PWF" import "$T/a1.motcua"
is "$rc" 0 "B: the same bundle again: nothing new"
is "$(sqlite3 "$dbB" "SELECT count(*) FROM dossier_file")" 1 "B: still one row"

# a bundle whose file event says another hash: its signature no longer
# holds, and B is unchanged
python3 - "$T/a1.motcua" "$T/forged.motcua" "$sha" <<'PY'
import sys
src, dst, sha = sys.argv[1:4]
data = open(src, 'rb').read()
assert sha.encode() in data
open(dst, 'wb').write(data.replace(sha.encode(), b'0' * 64, 1))
PY
rm -f "$dbB" "$dbB-wal" "$dbB-shm"
cp "$T/b-before.db" "$dbB"
sum=$(datasum "$dbB")
run --db "$dbB" --officer truong --password-file "$PWF" import "$T/forged.motcua"
check "B: a bundle with an altered file event is refused" test "$rc" -ne 0
is "$(datasum "$dbB")" "$sum" "B: unchanged by the refused bundle"
done_testing

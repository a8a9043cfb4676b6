# bundle-files.sh — bundles carry the files their events name (sync.h,
# format 2.1): A attaches, exports, B takes the bundle in and holds the
# same bytes (files --json, file N --out, check); a bundle made
# --without-files is exactly format 2.0 (what an older motcua reads), its
# files are reported missing at B (import and check) until a later bundle
# brings them, also one made --for B --files-since DATE when B holds the
# events already; a bundle whose file was altered (its body, or body and
# hash together), that carries a file no event names, or whose header and
# tables disagree, is refused with B's database and files folder
# unchanged; a station keeping files in the database (attach_blobs) takes
# them there.  (A file added and re-signed with a trusted or an untrusted
# key: tests/unit/test_bundle_files.)
. "$top_srcdir/tests/cli/lib.sh"
dbA="$T/a/a.db" dbB="$T/b/b.db" dbC="$T/c/c.db"
mkdir -p "$T/a" "$T/b" "$T/c"	# each station its own folder: its files/ beside it
n=0
for s in A B C; do
	eval "db=\$db$s"
	n=$((n + 1))
	"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
	    --station $n --sample-catalog --supervisor truong "Trần Văn Trưởng" \
	    --password-file "$PWF" >/dev/null
	ok "station $s: init"
done
check "A trusts B" enrol "$dbA" "$dbB"
check "B trusts A" enrol "$dbB" "$dbA"
check "C trusts A" enrol "$dbC" "$dbA"
sup() { db=$1; shift; run --db "$db" --officer truong --password-file "$PWF" "$@"; }
# the files folder of a station: every name, mode and digest in it
files_of() { (cd "$1" 2>/dev/null && find . -type f -exec sha256sum {} + | sort); }

mkdir -p "$HOME/in"
sup "$dbA" receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" \
    --id 087084000991
c1=$(echo "$out" | head -1)
sup "$dbA" receive --address "$ADDR" --procedure 1.001193 --name "Lê Thị Bình" \
    --id 087084000992
c2=$(echo "$out" | head -1)
"$MOTCUA" --db "$dbA" slip "$c1" --format pdf --out "$HOME/in/one.pdf" 2>/dev/null
"$MOTCUA" --db "$dbA" slip "$c2" --format pdf --out "$HOME/in/two.pdf" 2>/dev/null
sup "$dbA" attach "$c1" "$HOME/in/one.pdf" --document 1
is "$rc" 0 "A: a file attached to $c1"
sup "$dbA" attach "$c2" "$HOME/in/two.pdf"
is "$rc" 0 "A: a file attached to $c2"
sha1=$(sha256sum "$HOME/in/one.pdf" | cut -d' ' -f1)
sha2=$(sha256sum "$HOME/in/two.pdf" | cut -d' ' -f1)

# ---- without files: format 2.0, to the letter --------------------------------
sup "$dbA" export --out "$T/a0.motcua" --without-files
is "$rc" 0 "A: exported --without-files"
unlike "$out" "files carried" "... and says no file was carried"
is "$(sqlite3 "$T/a0.motcua" "SELECT group_concat(name, ' ') FROM (SELECT name FROM
    sqlite_schema ORDER BY name)")" \
    "bundle event sqlite_autoindex_bundle_1 sqlite_autoindex_event_1" \
    "a0: the two tables of format 2.0, no file table"
is "$(sqlite3 "$T/a0.motcua" "SELECT count(*) FROM bundle WHERE key = 'format_minor'")" 0 \
    "a0: no format_minor: an older motcua reads it"
is "$(sqlite3 "$T/a0.motcua" "SELECT value FROM bundle WHERE key = 'format_version'")" 2 \
    "a0: format 2"

sup "$dbB" import "$T/a0.motcua"
is "$rc" 0 "B: takes a0 in"
like "$out" "2 files its events name have not come" "B: the import reports two files missing"
like "$out" "$c1 file 1" "... naming the first"
like "$out" "$c2 file 1" "... and the second"
run --db "$dbB" files "$c1" --json
like "$out" "$sha1" "B: files lists the file with its sha256"
run --db "$dbB" check
is "$rc" 1 "B: check says files are missing"
like "$out" "$c1" "... naming the dossier"

# ---- with files ------------------------------------------------------------------
sup "$dbA" export --out "$T/a1.motcua"
is "$rc" 0 "A: exported with its files"
like "$out" "2 files carried" "... two files carried"
is "$(sqlite3 "$T/a1.motcua" "SELECT value FROM bundle WHERE key = 'format_minor'")" 1 \
    "a1: format 2.1"
is "$(sqlite3 "$T/a1.motcua" "SELECT group_concat(sha256 || ':' || size, ' ') FROM
    (SELECT * FROM file ORDER BY sha256)")" \
    "$(printf '%s:%s\n%s:%s\n' "$sha1" "$(stat -c %s "$HOME/in/one.pdf")" \
    "$sha2" "$(stat -c %s "$HOME/in/two.pdf")" | sort | tr '\n' ' ' | sed 's/ $//')" \
    "a1: both files, by sha256 and size"
is "$(sqlite3 "$T/a1.motcua" "SELECT hex(body) FROM file WHERE sha256 = '$sha1'")" \
    "$(od -An -v -tx1 "$HOME/in/one.pdf" | tr -d ' \n' | tr a-f A-F)" \
    "a1: the file's bytes as attached"
like "$(sqlite3 "$dbA" "SELECT body FROM event WHERE kind = 'export' ORDER BY seq DESC
    LIMIT 1")" '"files":"2"' "A: the export's audit event counts the files"

# ---- refused, with B unchanged -----------------------------------------------------
sumB=$(dbsum "$dbB")
storeB=$(files_of "$T/b/files")
spoil() {	# spoil NAME SQL — a copy of a1 edited, then refused at B
	cp "$T/a1.motcua" "$T/$1.motcua"
	sqlite3 "$T/$1.motcua" "$2"
}
refused_b() {	# refused_b DESC NAME REGEX
	run --db "$dbB" --officer truong --password-file "$PWF" import "$T/$2.motcua"
	is "$rc" 1 "$1: refused"
	like "$err" "$3" "$1: says why"
	like "$err" "nothing was changed" "$1: says nothing was changed"
	is "$(dbsum "$dbB")" "$sumB" "$1: B's database unchanged"
	is "$(files_of "$T/b/files")" "$storeB" "$1: B's files folder unchanged"
}
spoil body "UPDATE file SET body = zeroblob(size) WHERE sha256 = '$sha1'"
refused_b "a file's body altered (same size)" body "not what its hash says"
# a new content under its own hash: the content hash covers the sha256
sqlite3 :memory: "SELECT writefile('$T/evil.bin', randomblob(3000))" >/dev/null
evil=$(sha256sum "$T/evil.bin" | cut -d' ' -f1)
spoil rehashed "UPDATE file SET sha256 = '$evil', size = 3000,
    body = readfile('$T/evil.bin') WHERE sha256 = '$sha1'"
refused_b "a file's body and hash altered together" rehashed "does not match its checksum"
spoil extra "INSERT INTO file VALUES ('$evil', 3000, readfile('$T/evil.bin'))"
refused_b "a file no event names, added" extra "does not match its checksum"
spoil notable "DROP TABLE file"
refused_b "the file table taken out, the header left" notable "do not agree with its header"
spoil nominor "DELETE FROM bundle WHERE key = 'format_minor'"
refused_b "format_minor taken out, the files left" nominor "do not agree with its header"
spoil newer "UPDATE bundle SET value = '2' WHERE key = 'format_minor'"
refused_b "a newer minor format" newer "newer motcua"
spoil badsize "UPDATE file SET size = size + 1 WHERE sha256 = '$sha1'"
refused_b "a size that is not its body's" badsize "malformed"

# ---- taken in ---------------------------------------------------------------------------
sup "$dbB" import "$T/a1.motcua"
is "$rc" 0 "B: takes a1 in"
like "$out" "2 files kept" "B: keeps its two files"
unlike "$out" "have not come" "B: and no file is missing any more"
run --db "$dbB" files "$c1" --json
is "$(jget "$out" '$[0].sha256')" "$sha1" "B: files --json, the sha256 A recorded"
run --db "$dbB" file "$c1" 1 --out "$T/got1.pdf"
is "$rc" 0 "B: file $c1 1 --out"
check "B: the same bytes as attached on A" cmp "$T/got1.pdf" "$HOME/in/one.pdf"
run --db "$dbB" file "$c2" 1 --out "$T/got2.pdf"
check "B: the second file too" cmp "$T/got2.pdf" "$HOME/in/two.pdf"
stored=$(find "$T/b/files" -type f -name "$sha1.pdf")
is "$(stat -c %a "$stored")" 600 "B: kept in the store, 0600"
is "$(stat -c %a "$(dirname "$stored")")" 700 "B: its folder 0700"
run --db "$dbB" check
is "$rc" 0 "B: check finds every file"
like "$(sqlite3 "$dbB" "SELECT body FROM event WHERE kind = 'import' ORDER BY seq DESC
    LIMIT 1")" '"files":"2"' "B: the import's audit event counts the files kept"
sumB=$(dbsum "$dbB")
sup "$dbB" import "$T/a1.motcua"
like "$out" "nothing new" "B: a1 again: nothing new"
is "$(dbsum "$dbB")" "$sumB" "B: a1 again changes nothing"

# ---- held events, files sent again with --files-since ---------------------------------
# a PNG of 4x4 pixels (zlib by hand, as attach.sh makes one)
python3 - "$HOME/in/three.png" <<'PY'
import sys, struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
raw = b''.join(b'\0' + bytes([i * 20 % 256, 100, 200]) * 4 for i in range(4))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
sup "$dbA" attach "$c1" "$HOME/in/three.png" --document 1
is "$rc" 0 "A: a third file attached"
sup "$dbB" export --out "$T/b1.motcua"
sup "$dbA" import "$T/b1.motcua"
is "$rc" 0 "A hears from B (what B holds)"
sup "$dbA" export --for 2 --without-files --out "$T/a2.motcua"
is "$rc" 0 "A: exported for B, without files"
sup "$dbB" import "$T/a2.motcua"
like "$out" "1 files its events name have not come" "B: the third file reported missing"
like "$out" "$c1 file 2" "... as file 2 of $c1"
run --db "$dbB" check
is "$rc" 1 "B: check says so"
sup "$dbB" export --out "$T/b2.motcua"
sup "$dbA" import "$T/b2.motcua"
is "$rc" 0 "A hears from B again (B holds the third file's event)"
is "$(sqlite3 "$dbA" "SELECT count(*) FROM meta WHERE key LIKE 'files_owed:%'")" 1 \
    "A: the export without files left the files owed to B"
sup "$dbA" export --for 2 --out "$T/a3.motcua"
like "$out" "3 files carried" "A: the next export for B carries the files owed from that day"
is "$(sqlite3 "$dbA" "SELECT count(*) FROM meta WHERE key LIKE 'files_owed:%'")" 0 \
    "... and the debt is paid"
sup "$dbA" export --for 2 --out "$T/a3b.motcua"
unlike "$out" "files carried" "A: for B again, B holds the events and nothing is owed: no file carried"
day=$(sqlite3 "$dbA" "SELECT substr(max(at), 1, 10) FROM dossier_file")
sup "$dbA" export --for 2 --files-since "$day" --out "$T/a4.motcua"
is "$rc" 0 "A: --files-since $day"
like "$out" "3 files carried" "... carries the files of that day, the events held or not"
sup "$dbA" export --without-files --files-since "$day" --out "$T/a5.motcua"
is "$rc" 2 "--without-files and --files-since together: a usage error"
sup "$dbB" import "$T/a4.motcua"
is "$rc" 0 "B: takes a4 in"
like "$out" "1 files kept" "B: the missing file kept"
unlike "$out" "have not come" "B: none missing"
run --db "$dbB" check
is "$rc" 0 "B: check finds every file"
run --db "$dbB" file "$c1" 2 --out "$T/got3.png"
check "B: the third file's bytes" cmp "$T/got3.png" "$HOME/in/three.png"
is "$(find "$T/b/files" -type f -name '*.png' | wc -l | tr -d ' ')" 1 \
    "B: kept under its type's extension"

# ---- a station that keeps files in its database --------------------------------------
sup "$dbC" setting set attach_blobs 1
is "$rc" 0 "C: attach_blobs 1"
sup "$dbC" import "$T/a1.motcua"
is "$rc" 0 "C: takes a1 in"
is "$(sqlite3 "$dbC" "SELECT count(*) FROM file_blob")" 2 "C: the two files in file_blob"
is "$(find "$T/c" -path '*files*' -type f | wc -l | tr -d ' ')" 0 "C: none in a files folder"
run --db "$dbC" file "$c1" 1 --out "$T/gotc.pdf"
check "C: the same bytes" cmp "$T/gotc.pdf" "$HOME/in/one.pdf"
done_testing

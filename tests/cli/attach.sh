# attach.sh — files kept with a dossier: attach checks what a file is by
# its content and where it comes from, keeps it content-addressed beside
# the database and records its hash in an event of the dossier; files
# lists them, file N copies one back out, check finds one missing or
# altered.  Every refusal leaves the database and the files folder as
# they were.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
store="$T/files"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-20 09:30"
code=$(echo "$out" | head -1)

# ---- small real files of each type, made here ---------------------------
in="$HOME/in"
mkdir -p "$in"
# mk KIND FILE [ARGS] — a PNG (4x4 RGB, zlib by hand), a TIFF of N pages
# (4x4 grey, one strip each), a PDF of N pages (a plain page tree), or a
# hostile PDF: its /Count not its leaves, a loop in its tree, cut short
mk() {
	python3 - "$@" <<'PY'
import sys, struct, zlib
def png(path):
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    raw = b''.join(b'\0' + bytes([i * 20 % 256, 100, 200]) * 4 for i in range(4))
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
def tiff(path, pages):
    out = bytearray(b'II*\0' + struct.pack('<I', 0)); prev = 4
    for p in range(pages):
        data = len(out); out += bytes([p * 30 % 256]) * 16
        ifd = len(out); struct.pack_into('<I', out, prev, ifd)
        tags = [(256, 3, 4), (257, 3, 4), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                (273, 4, data), (277, 3, 1), (278, 3, 4), (279, 4, 16)]
        out += struct.pack('<H', len(tags))
        for t, ty, v in tags:
            out += struct.pack('<HHI', t, ty, 1) + (struct.pack('<HH', v, 0) if ty == 3 else struct.pack('<I', v))
        prev = len(out); out += struct.pack('<I', 0)
    open(path, 'wb').write(bytes(out))
def pdf(path, pages, count=None, kids=None, eof=True):
    objs = {1: b'<< /Type /Catalog /Pages 2 0 R >>'}; refs = []
    for p in range(pages):
        objs[3 + p] = b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'; refs.append(b'%d 0 R' % (3 + p))
    if kids is not None: refs = [k.encode() for k in kids]
    objs[2] = b'<< /Type /Pages /Kids [' + b' '.join(refs) + b'] /Count %d >>' % (pages if count is None else count)
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'); offs = {}
    for k in sorted(objs):
        offs[k] = len(out); out += b'%d 0 obj\n' % k + objs[k] + b'\nendobj\n'
    xref = len(out); m = max(objs) + 1
    out += b'xref\n0 %d\n0000000000 65535 f \n' % m
    for k in range(1, m): out += b'%010d 00000 n \n' % offs[k]
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n' % (m, xref)
    if eof: out += b'%%EOF\n'
    open(path, 'wb').write(bytes(out))
k, f = sys.argv[1], sys.argv[2]
if k == 'png': png(f)
elif k == 'tiff': tiff(f, int(sys.argv[3]))
elif k == 'pdf': pdf(f, int(sys.argv[3]))
elif k == 'pdf-count': pdf(f, 2, count=int(sys.argv[3]))
elif k == 'pdf-loop': pdf(f, 1, kids=['2 0 R'])
elif k == 'pdf-cut': pdf(f, 2, eof=False)
PY
}
mk png "$in/photo.png"
mk tiff "$in/one.tif" 1
mk tiff "$in/three.tiff" 3
mk pdf "$in/three.pdf" 3
# an 8x8 JPEG (libjpeg, quality 50)
printf '%s' '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCv4N/5Z0UUVZB//9k=' | base64 -d > "$in/photo.jpg"
"$MOTCUA" --db "$db" slip "$code" --format pdf --out "$in/slip.pdf" 2>/dev/null
slip_pages=$(pdfinfo "$in/slip.pdf" | sed -n 's/^Pages: *//p')

# storesum — the files folder: every name, mode and content
storesum() {
	if [ -d "$store" ]; then
		(cd "$store" && find . -printf '%p %m\n' | sort && find . -type f -exec sha256sum {} + | sort)
	fi | sha256sum | cut -d' ' -f1
}
# no_file DESC CMD... — refused (exit 1, says why, database unchanged) and
# the files folder unchanged
no_file() {
	d=$1 re=$2; shift 2
	sbefore=$(storesum)
	refused "$d" "$db" "$re" "$@"
	is "$(storesum)" "$sbefore" "$d: the files folder unchanged"
}
A() { run --db "$db" --officer lan --password-file "$PWF" attach "$@"; }

# ---- the image module missing: a clear message, nothing kept ---------------
mv_module=$MOTCUA_IMAGE_MODULE
MOTCUA_IMAGE_MODULE="$T/no-such-module.so"; export MOTCUA_IMAGE_MODULE
no_file "the image module missing" "no-such-module.so" --db "$db" --officer lan --password-file "$PWF" attach "$code" "$in/photo.png" --document 1
MOTCUA_IMAGE_MODULE=$mv_module; export MOTCUA_IMAGE_MODULE

# ---- each type, pages right -----------------------------------------------
A "$code" "$in/photo.png" --document 1
is "$rc" 0 "a PNG: exit 0"
like "$out" "file 1 attached \(png, 1 page, " "a PNG: file 1, one page"
A "$code" "$in/photo.jpg" --document 1
like "$out" "file 2 attached \(jpeg, 1 page, " "a JPEG: one page"
A "$code" "$in/one.tif" --document 2
like "$out" "file 3 attached \(tiff, 1 page, " "a TIFF of one page"
A "$code" "$in/three.tiff" --document 2
like "$out" "file 4 attached \(tiff, 3 pages, " "a TIFF of three pages: 3 pages"
A "$code" "$in/slip.pdf"
like "$out" "file 5 attached \(pdf, $slip_pages pages?, " "motcua's own PDF slip: as many pages as pdfinfo counts ($slip_pages)"
A "$code" "$in/three.pdf" --result
like "$out" "file 6 attached \(pdf, 3 pages, " "a PDF of three pages: 3 pages"
is "$(pdfinfo "$in/three.pdf" | sed -n 's/^Pages: *//p')" 3 "(pdfinfo agrees)"

# ---- files --json, the event and the store ---------------------------------
run --db "$db" files "$code" --json
is "$rc" 0 "files --json: exit 0"
is "$(jget "$out" '$[#]')" "" "(json)"
is "$(jlen "$out")" 6 "six files"
is "$(jget "$out" '$[0].document')" 1 "file 1: document 1"
is "$(jget "$out" '$[0].document_name')" "Tờ khai đăng ký khai sinh (theo mẫu)" "file 1: the document's name"
is "$(jget "$out" '$[0].type')" png "file 1: png"
is "$(jget "$out" '$[0].pages')" 1 "file 1: 1 page"
is "$(jget "$out" '$[0].bytes')" "$(wc -c < "$in/photo.png")" "file 1: its bytes"
is "$(jget "$out" '$[0].sha256')" "$(sha256sum < "$in/photo.png" | cut -d' ' -f1)" "file 1: the sha256 of the file"
is "$(jget "$out" '$[0].name')" photo.png "file 1: its name"
is "$(jget "$out" '$[0].by')" lan "file 1: by the officer"
is "$(jget "$out" '$[0].at')" "2026-11-20T09:30:00+07:00" "file 1: when"
is "$(jget "$out" '$[0].result')" 0 "file 1: not the result"
is "$(jget "$out" '$[3].pages')" 3 "file 4: 3 pages"
is "$(jget "$out" '$[4].document')" "" "file 5: the dossier as a whole (null)"
is "$(jget "$out" '$[4].document_name')" "" "file 5: no document's name"
is "$(jget "$out" '$[5].result')" 1 "file 6: the result"
is "$(jget "$out" '$[5].source')" attach "file 6: attached, not scanned"
run --db "$db" files "$code"
like "$out" "^1\. document 1 \(Tờ khai đăng ký khai sinh \(theo mẫu\)\): png, 1 page, " "files: the text list"
like "$out" "6\. the dossier as a whole — the result: pdf, 3 pages, " "files: the result, for the whole"
# every event's sha256 is the sha256sum of the file the store keeps for it
bad=0
for row in $(sqlite3 "$db" "SELECT json_extract(body, '$.sha256') || ':' || json_extract(body, '$.type') FROM event WHERE kind = 'file_added'"); do
	h=${row%%:*} t=${row#*:}
	case $t in jpeg) e=jpg ;; tiff) e=tif ;; *) e=$t ;; esac
	f="$store/$(echo "$h" | cut -c1-2)/$h.$e"
	[ "$(sha256sum < "$f" | cut -d' ' -f1)" = "$h" ] || bad=$((bad + 1))
done
is "$bad" 0 "each event's sha256 is sha256sum of its stored file"
is "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE kind = 'file_added'")" 6 "six events"
is "$(find "$store" -type f | wc -l)" 6 "six files in the store"
is "$(find "$store" -type f ! -perm 600 | wc -l)" 0 "each file 0600"
is "$(find "$store" -type d ! -perm 700 | wc -l)" 0 "each folder 0700"
run --db "$db" check
is "$rc" 0 "check: sound"
like "$out" "files: 6 kept with the dossiers, each as its event recorded" "check: counts the files"
run --db "$db" history "$code"
like "$out" "file_added" "the history shows the files"

# the same content twice is stored once
cp "$in/photo.png" "$in/again.png"
A "$code" "$in/again.png" --document 3
is "$rc" 0 "the same content again: attached"
is "$(find "$store" -type f | wc -l)" 6 "... and stored once"

# ---- file N --out ------------------------------------------------------------
run --db "$db" file "$code" 4 --out "$T/back.tif"
is "$rc" 0 "file 4 --out: exit 0"
check "file 4 gives back the same bytes" cmp "$T/back.tif" "$in/three.tiff"
is "$(stat -c %a "$T/back.tif")" 600 "the copy is 0600"
before=$(sha256sum < "$T/back.tif")
run --db "$db" file "$code" 1 --out "$T/back.tif"
is "$rc" 1 "an existing file: refused"
like "$err" "exists already" "... says so"
is "$(sha256sum < "$T/back.tif")" "$before" "... and leaves it"
run --db "$db" file "$code" 1 --out "$T/back.tif" --force
check "--force replaces it" cmp "$T/back.tif" "$in/photo.png"
run --db "$db" file "$code" 99 --out "$T/none"
is "$rc" 1 "no file 99: exit 1"
like "$err" "no file 99" "... says so"
run --db "$db" file "$code" x --out "$T/none"
is "$rc" 1 "not a number: exit 1"
run --db "$db" file "$code" 1
is "$rc" 2 "no --out: usage"

# ---- refusals: the database and the files folder unchanged ----------------------
cp "$in/photo.png" "$in/fake.pdf"
no_file "a .pdf that is a PNG" "named as a pdf file but its content is a png" --db "$db" --password-file "$PWF" attach "$code" "$in/fake.pdf"
printf 'not a picture\n' > "$in/note.jpg"
no_file "a text file named .jpg" "not a PDF, JPEG, PNG or TIFF" --db "$db" --password-file "$PWF" attach "$code" "$in/note.jpg"
cp "$in/photo.png" "$in/photo.txt"
no_file "a PNG named .txt" "name does not say so" --db "$db" --password-file "$PWF" attach "$code" "$in/photo.txt"
head -c 20 "$in/photo.jpg" > "$in/cut.jpg"
no_file "a JPEG cut short" "not a readable one" --db "$db" --password-file "$PWF" attach "$code" "$in/cut.jpg"
head -c 12 "$in/three.tiff" > "$in/cut.tif"
no_file "a TIFF cut short" "pages cannot be read" --db "$db" --password-file "$PWF" attach "$code" "$in/cut.tif"
mk pdf-cut "$in/cut.pdf"
no_file "a PDF cut short" "cut short" --db "$db" --password-file "$PWF" attach "$code" "$in/cut.pdf"
mk pdf-loop "$in/loop.pdf"
no_file "a PDF whose page tree loops" "no page tree that can be read" --db "$db" --password-file "$PWF" attach "$code" "$in/loop.pdf"
mk pdf-count "$in/huge.pdf" 2000000000
no_file "a PDF claiming 2000000000 pages" "2000000000 pages" --db "$db" --password-file "$PWF" attach "$code" "$in/huge.pdf"
mk pdf-count "$in/liar.pdf" 5
no_file "a PDF whose /Count is not its pages" "does not agree with itself" --db "$db" --password-file "$PWF" attach "$code" "$in/liar.pdf"
: > "$in/empty.png"
no_file "an empty file" "empty" --db "$db" --password-file "$PWF" attach "$code" "$in/empty.png"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set attach_max_mb 1 >/dev/null
{ cat "$in/photo.png"; head -c 1100000 /dev/zero; } > "$in/big.png"
no_file "a file over attach_max_mb" "larger than 1 MB" --db "$db" --password-file "$PWF" attach "$code" "$in/big.png"
"$MOTCUA" --db "$db" --password-file "$PWF" setting unset attach_max_mb >/dev/null
no_file "/etc/passwd" "outside the user's files" --db "$db" --password-file "$PWF" attach "$code" /etc/passwd
ln -s /etc/passwd "$HOME/passwd.png"
no_file "a symlink in \$HOME to /etc/passwd" "outside the user's files \(it is /etc/passwd\)" --db "$db" --password-file "$PWF" attach "$code" "$HOME/passwd.png"
no_file "/dev/zero" "outside the user's files" --db "$db" --password-file "$PWF" attach "$code" /dev/zero
ln -s /dev/zero "$HOME/zero.png"
no_file "a symlink in \$HOME to /dev/zero" "outside the user's files" --db "$db" --password-file "$PWF" attach "$code" "$HOME/zero.png"
mkfifo "$in/pipe.png"
no_file "a FIFO in \$HOME" "not an ordinary file" --db "$db" --password-file "$PWF" attach "$code" "$in/pipe.png"
no_file "a folder" "not an ordinary file" --db "$db" --password-file "$PWF" attach "$code" "$in"
no_file "a file that does not exist" "cannot open" --db "$db" --password-file "$PWF" attach "$code" "$in/nothing.png"
no_file "a missing dossier" "000.17.22.H56-261120-9999" --db "$db" --password-file "$PWF" attach 000.17.22.H56-261120-9999 "$in/photo.png"
no_file "a document out of range" "no document 9: its documents are numbered 1 to 4" --db "$db" --password-file "$PWF" attach "$code" "$in/photo.png" --document 9
no_file "--document 0" "document's number" --db "$db" --password-file "$PWF" attach "$code" "$in/photo.png" --document 0
no_file "--document x" "document's number" --db "$db" --password-file "$PWF" attach "$code" "$in/photo.png" --document x
"$MOTCUA" --db "$db" --password-file "$PWF" officer add kiem "Trần Kiểm" --role auditor --new-password-file "$PWF" >/dev/null
no_file "an auditor" "auditor" --db "$db" --officer kiem --password-file "$PWF" attach "$code" "$in/photo.png"
no_file "a wrong password" "password" --db "$db" --officer lan --password-file /dev/null attach "$code" "$in/photo.png"
run --db "$db" --officer lan --password-file "$PWF" attach "$code"
is "$rc" 2 "no FILE: usage"

# a folder listed in attach_roots: outside $HOME, taken once listed
mkdir -p "$T/scans"
mk tiff "$T/scans/desk.tif" 2
no_file "a folder not listed" "attach_roots" --db "$db" --officer lan --password-file "$PWF" attach "$code" "$T/scans/desk.tif"
refused "attach_roots: a relative folder" "$db" "absolute" --db "$db" --officer lan --password-file "$PWF" setting set attach_roots "scans"
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" setting set attach_roots "/srv/none:$T/scans" >/dev/null
run --db "$db" --officer lan --password-file "$PWF" attach "$code" "$T/scans/desk.tif" --document 2
is "$rc" 0 "a folder of attach_roots: attached"
like "$out" "file 8 attached \(tiff, 2 pages" "... as file 8, 2 pages"

# ---- kept in the database: attach_blobs ----------------------------------------
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" setting set attach_blobs 1 >/dev/null
mk tiff "$in/five.tif" 5
n_before=$(find "$store" -type f | wc -l)
run --db "$db" --officer lan --password-file "$PWF" attach "$code" "$in/five.tif"
is "$rc" 0 "attach_blobs 1: attached"
is "$(find "$store" -type f | wc -l)" "$n_before" "... nothing new in the files folder"
is "$(sqlite3 "$db" "SELECT count(*) FROM file_blob WHERE sha256 = '$(sha256sum < "$in/five.tif" | cut -d' ' -f1)'")" 1 "... the bytes in file_blob"
run --db "$db" file "$code" 9 --out "$T/five.tif"
check "file 9 from the database: the same bytes" cmp "$T/five.tif" "$in/five.tif"
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" setting set attach_blobs 0 >/dev/null

# ---- check: a deleted and an altered file ------------------------------------------
png_sha=$(sha256sum < "$in/photo.png" | cut -d' ' -f1)
tif_sha=$(sha256sum < "$in/three.tiff" | cut -d' ' -f1)
rm "$store/$(echo "$png_sha" | cut -c1-2)/$png_sha.png"
printf 'x' >> "$store/$(echo "$tif_sha" | cut -c1-2)/$tif_sha.tif"
run --db "$db" check
is "$rc" 1 "check: a deleted and an altered file: exit 1"
like "$out" "files: file 1 of $code, document 1 \(Tờ khai đăng ký khai sinh \(theo mẫu\)\), is missing" "check names the deleted file, its dossier and document"
like "$out" "files: file 7 of $code, document 3 \(.*\), is missing" "... and the other event of the same content"
like "$out" "files: file 4 of $code, document 2 \(.*\), has been altered" "check names the altered file"
like "$err" "restore the files folder" "check says what to do"
run --db "$db" file "$code" 4 --out "$T/altered.tif"
is "$rc" 1 "file N of an altered file: refused"
like "$err" "altered" "... says so"
test ! -e "$T/altered.tif"; ok "... and writes nothing"
# attaching the same content again puts the altered file right
A "$code" "$in/three.tiff" --document 2
is "$rc" 0 "the same content attached again"
run --db "$db" file "$code" 4 --out "$T/mended.tif"
check "... mends the stored file" cmp "$T/mended.tif" "$in/three.tiff"
run --db "$db" check
like "$out" "file 1 of .* is missing" "check: the deleted file is still missing"
unlike "$out" "altered" "check: nothing altered any more"

# the list of files is the events' projection: check --rebuild makes it again
rows=$(sqlite3 "$db" "SELECT * FROM dossier_file ORDER BY origin, seq")
sqlite3 "$db" "DELETE FROM dossier_file"
run --db "$db" --officer lan --password-file "$PWF" check --rebuild
is "$(sqlite3 "$db" "SELECT * FROM dossier_file ORDER BY origin, seq")" "$rows" \
    "check --rebuild: the files' list made again from the events"
done_testing

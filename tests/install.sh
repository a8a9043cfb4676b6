# install.sh — `make install DESTDIR=...` (and `make install prefix=...`)
# from the build tree, then the installed program run from a folder that
# has no build tree, with none of the variables that point the tests'
# program at the build tree (MOTCUA_*_MODULE, MOTCUA_DATADIR,
# MOTCUA_LOCALEDIR): its version, its Vietnamese from the installed
# messages, the demo's first screen, and a receipt as PDF drawn by the
# installed PDF module from the installed template.  The installed files
# are found by the relocation rule of doc/HACKING.md (module.h).
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
: "${MOTCUA_BUILDDIR:?MOTCUA_BUILDDIR must name the build tree (make check sets it)}"
: "${MOTCUA_MAKE:=make}"
for tool in pdftotext; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is missing (./bootstrap installs it)"
		exit 0
	fi
done
version=$("$MOTCUA_BINARY" --version)

# make_install LOG ARGS... — `make install ARGS` in the build tree; the
# make running the tests passes no job server to this one
make_install() {
	log=$1; shift
	if ! env MAKEFLAGS= MFLAGS= "$MOTCUA_MAKE" -C "$MOTCUA_BUILDDIR" install "$@" \
	    >"$log" 2>&1; then
		tail -20 "$log" | sed 's/^/# /'
		echo "Bail out! make install $* failed"
		exit 1
	fi
}
D="$T/root"
make_install "$T/install.log" DESTDIR="$D"
bin=$(find "$D" -path '*/bin/motcua' -type f)
[ -n "$bin" ] && [ -x "$bin" ]; ok "the program installed: ${bin#"$D"}"
root=${bin%/bin/motcua}		# DESTDIR$(prefix)
share="$root/share/motcua"
for m in pdf scan image pg; do
	n=$(find "$D" -path "*/motcua/motcua-$m.so" -type f | wc -l)
	is "$n" 1 "the $m module installed"
done
[ -f "$root/share/man/man1/motcua.1" ]; ok "the man page installed"
[ -f "$root/share/locale/vi/LC_MESSAGES/motcua.mo" ]; ok "the Vietnamese messages installed"
for f in catalog-sample.json calendar-2025.json calendar-2026.json; do
	cmp -s "$share/$f" "$top_srcdir/data/$f"; ok "$f installed in share/motcua"
done
want=$(ls "$top_srcdir/data/templates" | wc -l)
got=$(ls "$share/templates" | wc -l)
is "$got" "$want" "every form template installed in share/motcua/templates"

# From here on nothing points at the build tree.
unset MOTCUA_PDF_MODULE MOTCUA_SCAN_MODULE MOTCUA_IMAGE_MODULE MOTCUA_DATADIR \
	MOTCUA_SCHEMADIR MOTCUA_LOCALEDIR LD_LIBRARY_PATH
mkdir "$T/elsewhere" && cd "$T/elsewhere" || exit 1

# installed_runs BIN WHAT — the checks that need no screen: version,
# Vietnamese, a PDF receipt from the installed template
installed_runs() {
	b=$1 what=$2 db="$T/$2.db"
	is "$("$b" --version)" "$version" "$what: --version"
	like "$("$b" --lang vi --help 2>&1)" "cách dùng: motcua" "$what: Vietnamese from the installed messages"
	"$b" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 \
	    --sample-catalog --supervisor truong "Trần Văn Trưởng" --password-file "$PWF" \
	    >/dev/null 2>"$T/err"; ok "$what: init"
	code=$(env MOTCUA_NOW="2026-11-16 08:00" "$b" --db "$db" --officer truong \
	    --password-file "$PWF" receive --procedure 1.001022 --name "Nguyễn Văn An" \
	    --id 087084000901 --phone 0912345678 --address "$ADDR" 2>"$T/err" | head -1)
	like "$code" "^000\.17\.22\.H56-" "$what: a dossier received"
	rm -f "$T/slip.pdf"
	"$b" --db "$db" slip "$code" --format pdf --out "$T/slip.pdf" 2>"$T/err"
	ok "$what: the receipt as PDF"
	txt=$(pdftotext "$T/slip.pdf" - 2>/dev/null)
	like "$txt" "BẢN CÀI ĐẶT" "$what: drawn from the installed template"
	like "$txt" "Mã hồ sơ: $code" "$what: with the dossier's code"
}
# the installed receipt's title marked, to tell it from the built-in one
sed -i 's/^@title GIẤY TIẾP NHẬN/@title BẢN CÀI ĐẶT GIẤY TIẾP NHẬN/' "$share/templates/tt03-1.pdf.txt"
grep -q "BẢN CÀI ĐẶT" "$share/templates/tt03-1.pdf.txt"; ok "the installed template marked"
installed_runs "$bin" "DESTDIR"

# without its installed PDF module the PDF is refused, naming the file
# it looked for: the one under DESTDIR, not the system's
mod=$(find "$D" -name motcua-pdf.so)
mv "$mod" "$mod.away"
"$bin" --db "$T/DESTDIR.db" slip "$code" --format pdf --out "$T/none.pdf" >/dev/null 2>"$T/err"
[ $? -ne 0 ]; ok "no PDF module: the PDF refused"
like "$(cat "$T/err")" "$mod" "no PDF module: the message names the one under DESTDIR"
mv "$mod.away" "$mod"

# the demo's first screen, in Vietnamese
tm new-session -d -x 80 -y 24 "env LANGUAGE=vi MOTCUA_NOW='2026-11-25 15:20' '$bin' --demo; echo EXITED; sleep 10"
# a year of dossiers takes seconds to make (more under the sanitizers):
# up to two minutes
tries=0
while [ $tries -lt 12 ] && ! wait_for "F2 +Tiếp nhận hồ sơ|EXITED"; do tries=$((tries + 1)); done
screen=$(tm capture-pane -p)
printf '%s\n' "$screen" | sed 's/^/# /'
like "$screen" "UBND xã Mỹ An" "demo: the main screen"
like "$screen" "F2 +Tiếp nhận hồ sơ" "demo: its menu in Vietnamese"
tm send-keys F10
wait_for "EXITED"; ok "demo: F10 leaves"

# `make install prefix=...`, another prefix than configure's: the same
# rule finds the files beside the program
P="$T/prefix"
make_install "$T/install-prefix.log" prefix="$P"
[ -x "$P/bin/motcua" ]; ok "prefix=: the program installed"
sed -i 's/^@title GIẤY TIẾP NHẬN/@title BẢN CÀI ĐẶT GIẤY TIẾP NHẬN/' "$P/share/motcua/templates/tt03-1.pdf.txt"
installed_runs "$P/bin/motcua" "prefix"

done_testing

# deb.sh — the Debian package: built with `dpkg-buildpackage -us -uc -b`
# from a copy of what `make dist` ships (debian/ included), checked by
# lintian (no errors; the warnings are printed as comments), unpacked
# with `dpkg -x` into a throwaway root, and run from there with nothing
# pointing at the build tree: --version, Vietnamese, a PDF receipt (the
# module found inside the root, by the relocation rule of doc/HACKING.md)
# and the demo's first screen.
#
# Slow (a whole build at -O2): it runs when MOTCUA_TEST_DEB=1, or when
# dpkg-buildpackage and debhelper are installed and MOTCUA_TEST_DEB is not
# 0; with MOTCUA_TEST_DEB=1 a missing tool is an error, not a skip.
. "$top_srcdir/tests/cli/lib.sh"
: "${MOTCUA_BUILDDIR:?MOTCUA_BUILDDIR must name the build tree (make check sets it)}"
: "${MOTCUA_MAKE:=make}"
want=${MOTCUA_TEST_DEB:-}
if [ "$want" = 0 ]; then
	echo "1..0 # SKIP MOTCUA_TEST_DEB=0"
	exit 0
fi
for tool in dpkg-buildpackage dh dpkg-deb dpkg-parsechangelog pdftotext; do
	if ! command -v $tool >/dev/null 2>&1; then
		if [ "$want" = 1 ]; then
			echo "Bail out! MOTCUA_TEST_DEB=1 but $tool is missing (./bootstrap installs it)"
			exit 1
		fi
		echo "1..0 # SKIP $tool is missing (./bootstrap installs it)"
		exit 0
	fi
done
tui_setup
version=$("$MOTCUA_BINARY" --version | sed 's/^motcua //')
arch=$(dpkg --print-architecture)

# the sources as `make dist` has them (distdir= relative to the build
# tree: the po/ folder's distdir is made from it by prefixing "../")
src="$T/build/motcua-$version"
mkdir "$T/build"
rel=$(realpath -m --relative-to="$MOTCUA_BUILDDIR" "$src")
if ! env MAKEFLAGS= MFLAGS= "$MOTCUA_MAKE" -C "$MOTCUA_BUILDDIR" distdir distdir="$rel" \
    >"$T/distdir.log" 2>&1; then
	tail -20 "$T/distdir.log" | sed 's/^/# /'
	echo "Bail out! make distdir failed"
	exit 1
fi
[ -x "$src/debian/rules" ]; ok "make dist ships debian/"
is "$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)" "$version" \
	"debian/changelog has configure.ac's version"

# the package, with nothing of the tests' environment
start=$(date +%s)
(cd "$src" && env -u MOTCUA_PDF_MODULE -u MOTCUA_SCAN_MODULE -u MOTCUA_IMAGE_MODULE \
    -u MOTCUA_DATADIR -u MOTCUA_SCHEMADIR -u MOTCUA_LOCALEDIR -u ASAN_OPTIONS \
    -u LSAN_OPTIONS -u MAKEFLAGS -u MFLAGS -u CFLAGS -u LDFLAGS -u CPPFLAGS \
    DEB_BUILD_OPTIONS="parallel=${MOTCUA_DEB_JOBS:-2}" \
    dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1
rc=$?
secs=$(($(date +%s) - start))
if [ $rc -ne 0 ]; then
	tail -40 "$T/build.log" | sed 's/^/# /'
fi
is "$rc" 0 "dpkg-buildpackage -us -uc -b (${secs} s)"
diag "the package build took ${secs} s"
deb="$T/build/motcua_${version}_${arch}.deb"
[ -f "$deb" ]; ok "it made motcua_${version}_${arch}.deb"
if [ ! -f "$deb" ]; then
	done_testing
	exit 0
fi

info=$(dpkg-deb -f "$deb" Depends)
diag "Depends: $info"
# by the names' stems: the numbers and suffixes change between releases
for lib in libncursesw libsqlite3 libsodium libqrencode libunistring libcairo2 \
    libpango-1.0 libsane libtiff libpng16 libjpeg fonts-liberation; do
	like "$info" "(^|, )$lib" "Depends on $lib…"
done
files=$(dpkg-deb -c "$deb" | awk '{ print $NF }')
for f in ./usr/bin/motcua ./usr/share/man/man1/motcua.1.gz \
    ./usr/share/locale/vi/LC_MESSAGES/motcua.mo ./usr/share/doc/motcua/copyright \
    ./usr/share/motcua/catalog-sample.json ./usr/share/motcua/calendar-2026.json \
    ./usr/share/motcua/templates/tt03-1.pdf.txt; do
	like "$files" "^$f\$" "the package has ${f#.}"
done
for m in pdf scan image pg; do
	like "$files" "^\./usr/lib/([a-z0-9_-]+/)?motcua/motcua-$m\.so\$" "the package has the $m module"
done

if command -v lintian >/dev/null 2>&1; then
	lintian --fail-on error "$deb" >"$T/lintian.out" 2>&1
	rc=$?
	sed 's/^/# lintian: /' "$T/lintian.out"
	is "$rc" 0 "lintian: no errors"
	unlike "$(cat "$T/lintian.out")" "^E: " "lintian: no E: line"
elif [ "$want" = 1 ]; then
	false; ok "lintian is installed (./bootstrap installs it)"
fi

# the throwaway root, and nothing pointing at the build tree
R="$T/root"
dpkg -x "$deb" "$R"; ok "dpkg -x into a throwaway root"
bin="$R/usr/bin/motcua"
unset MOTCUA_PDF_MODULE MOTCUA_SCAN_MODULE MOTCUA_IMAGE_MODULE MOTCUA_DATADIR \
	MOTCUA_SCHEMADIR MOTCUA_LOCALEDIR LD_LIBRARY_PATH
mkdir "$T/elsewhere" && cd "$T/elsewhere" || exit 1
is "$("$bin" --version)" "motcua $version" "the unpacked program: --version"
like "$("$bin" --lang vi --help 2>&1)" "cách dùng: motcua" "it speaks Vietnamese from the root's messages"

db="$T/a.db"
"$bin" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 \
    --sample-catalog --supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
ok "init"
code=$(env MOTCUA_NOW="2026-11-16 08:00" "$bin" --db "$db" --officer truong --password-file "$PWF" \
    receive --procedure 1.001022 --name "Nguyễn Văn An" --id 087084000901 --phone 0912345678 \
    --address "$ADDR" | head -1)
like "$code" "^000\.17\.22\.H56-" "a dossier received"
# the root's receipt template marked, to tell it from the built-in one
sed -i 's/^@title GIẤY TIẾP NHẬN/@title BẢN TRONG GÓI GIẤY TIẾP NHẬN/' \
	"$R/usr/share/motcua/templates/tt03-1.pdf.txt"
"$bin" --db "$db" slip "$code" --format pdf --out "$T/slip.pdf"; ok "the receipt as PDF"
like "$(pdftotext "$T/slip.pdf" - 2>/dev/null)" "BẢN TRONG GÓI" "drawn from the root's template by the root's module"
mod=$(find "$R" -name motcua-pdf.so)
mv "$mod" "$mod.away"
"$bin" --db "$db" slip "$code" --format pdf --out "$T/none.pdf" >/dev/null 2>"$T/err"
[ $? -ne 0 ]; ok "without the root's PDF module the PDF is refused"
like "$(cat "$T/err")" "$mod" "naming the module inside the root"
mv "$mod.away" "$mod"

tm new-session -d -x 80 -y 24 "env LANGUAGE=vi MOTCUA_NOW='2026-11-25 15:20' '$bin' --demo; echo EXITED; sleep 10"
tries=0
while [ $tries -lt 12 ] && ! wait_for "F2 +Tiếp nhận hồ sơ|EXITED"; do tries=$((tries + 1)); done
screen=$(tm capture-pane -p)
printf '%s\n' "$screen" | sed 's/^/# /'
like "$screen" "UBND xã Mỹ An" "demo: the main screen"
like "$screen" "F2 +Tiếp nhận hồ sơ" "demo: its menu in Vietnamese"
tm send-keys F10
wait_for "EXITED"; ok "demo: F10 leaves"

done_testing

#!/bin/sh
# publish.sh — motcua publish catalog|calendar, carried over by motcua import.
. "$top_srcdir/tests/cli/lib.sh"

D="$top_srcdir/tests/data"
DATA="$top_srcdir/data"
A="$T/a.db"	# the publisher (the province, or a supervisor's station)
B="$T/b.db"	# a station receiving the publications

check "init the publisher" "$MOTCUA" --db "$A" init --unit-code 000.00.00.H01 \
	--unit-name "UBND tỉnh Thử" --station 1 --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF"
check "init the receiver" "$MOTCUA" --db "$B" init --unit-code 000.17.22.H56 \
	--unit-name "UBND xã Thử" --station 1 --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF"
# the receiver takes publications from the publisher once it trusts its key
enrol "$B" "$A"; ok "the receiver trusts the publisher"

# ---- usage and bad arguments: exit 2 or 1, nothing written -----------------
sumA=$(dbsum "$A")
run --db "$A" --password-file "$PWF" publish
is "$rc" 2 "no kind: usage"
like "$err" '^usage: motcua publish' "usage line"
run --db "$A" --password-file "$PWF" publish recipes --out "$T/x.motcua"
is "$rc" 2 "unknown kind: usage"
run --db "$A" --password-file "$PWF" publish catalog
is "$rc" 2 "missing --out: usage"
run --db "$A" --password-file "$PWF" publish catalog --out
is "$rc" 2 "--out without a file: usage"
run --db "$A" --password-file "$PWF" publish catalog calendar --out "$T/x.motcua"
is "$rc" 2 "two kinds: usage"
run --db "$A" --password-file "$PWF" publish catalog --out "$T/x.motcua" --sign
is "$rc" 2 "unknown option: usage"
for v in abc 0 -3 2x 1.5 "" 99999999999999999999; do
	run --db "$A" --password-file "$PWF" publish catalog --out "$T/x.motcua" --version "$v"
	is "$rc" 1 "--version \"$v\": exit 1"
	like "$err" "bad version" "--version \"$v\": says why"
done
run --db "$A" --password-file "$PWF" publish catalog --out "$T/x.motcua"
is "$rc" 1 "catalog before any catalog is held: exit 1"
like "$err" "no catalog has been imported" "says why"
run --db "$A" --password-file "$PWF" publish calendar --out "$T/x.motcua"
is "$rc" 1 "calendar without --version and none held: exit 1"
like "$err" "--version" "says to give --version"
run --db "$A" --password-file "$PWF" publish calendar --out "$T/x.motcua" --version 1
is "$rc" 1 "calendar with nothing to publish: exit 1"
like "$err" "no calendar to publish" "says why"
check "no file written by any refusal" test ! -e "$T/x.motcua"
is "$(dbsum "$A")" "$sumA" "publisher unchanged by the refusals"

# ---- a catalog ---------------------------------------------------------------
check "publisher imports the sample catalog" "$MOTCUA" --db "$A" --password-file "$PWF" --password-file "$PWF" catalog import \
	"$DATA/catalog-sample.json"
run --db "$A" --password-file "$PWF" publish catalog --out "$T/cat1.motcua"
is "$rc" 0 "publish catalog (stderr: $err)"
like "$out" 'catalog version 1 .*cat1\.motcua' "says what and where"
check "the bundle exists" test -s "$T/cat1.motcua"
is "$(sqlite3 "$T/cat1.motcua" "SELECT value FROM bundle WHERE key = 'kind'")" catalog \
	"the bundle is a catalog publication"
is "$(sqlite3 "$T/cat1.motcua" "SELECT value FROM bundle WHERE key = 'version'")" 1 \
	"version: the catalog version held"
is "$(sqlite3 "$T/cat1.motcua" "SELECT count(*) FROM event")" 0 "no events in it"
sumA=$(dbsum "$A")
run --db "$A" --password-file "$PWF" publish catalog --out "$T/cat1.motcua"
is "$rc" 1 "publish over an existing file: exit 1"
like "$err" "exists already" "says why"
is "$(dbsum "$A")" "$sumA" "publisher unchanged"

run --db "$B" catalog export
is "$rc" 1 "receiver has no catalog yet"
run --db "$B" --password-file "$PWF" import "$T/cat1.motcua"
is "$rc" 0 "import the catalog publication (stderr: $err)"
"$MOTCUA" --db "$A" catalog export > "$T/a.json"
"$MOTCUA" --db "$B" catalog export > "$T/b.json"
check "the receiver's catalog is the publisher's" cmp "$T/a.json" "$T/b.json"

# The same publication again: accepted (not older), nothing changes.
sumB=$(dbsum "$B")
run --db "$B" --password-file "$PWF" import "$T/cat1.motcua"
is "$rc" 0 "the same publication again: exit 0"
"$MOTCUA" --db "$B" catalog export > "$T/b2.json"
check "the catalog is the same" cmp "$T/b.json" "$T/b2.json"
is "$(sqlite3 "$B" "SELECT value FROM meta WHERE key = 'catalog_version'")" 1 \
	"still version 1"
is "$(dbsum "$B")" "$sumB" "nothing new: the database is unchanged"

# A newer version, then the older one again: refused unless --force.
check "publisher takes catalog v2" "$MOTCUA" --db "$A" --password-file "$PWF" --password-file "$PWF" catalog import "$D/catalog-good-v2.json"
v2=$(sqlite3 "$A" "SELECT value FROM meta WHERE key = 'catalog_version'")
run --db "$A" --password-file "$PWF" publish catalog --out "$T/cat2.motcua"
is "$rc" 0 "publish catalog v$v2"
is "$(sqlite3 "$T/cat2.motcua" "SELECT value FROM bundle WHERE key = 'version'")" "$v2" \
	"version: the new catalog version"
run --db "$B" --password-file "$PWF" import "$T/cat2.motcua"
is "$rc" 0 "import the newer catalog (stderr: $err)"
"$MOTCUA" --db "$A" catalog export > "$T/a.json"
"$MOTCUA" --db "$B" catalog export > "$T/b.json"
check "the receiver follows to v$v2" cmp "$T/a.json" "$T/b.json"
refused "the older catalog publication" "$B" "older" \
	--db "$B" --password-file "$PWF" import "$T/cat1.motcua"
like "$err" "--force" "says how to apply it anyway"

# --version: the payload carries the version of the bundle.
run --db "$A" --password-file "$PWF" publish catalog --out "$T/cat9.motcua" --version 9
is "$rc" 0 "publish the catalog as version 9"
is "$(sqlite3 "$T/cat9.motcua" "SELECT value FROM bundle WHERE key = 'version'")" 9 \
	"bundle version 9"
is "$(sqlite3 "$T/cat9.motcua" "SELECT json_extract(value, '\$.version') FROM bundle \
	WHERE key = 'payload'")" 9 "the catalog inside says 9 too"
run --db "$B" --password-file "$PWF" import "$T/cat9.motcua"
is "$rc" 0 "import catalog version 9 (stderr: $err)"
is "$(sqlite3 "$B" "SELECT value FROM meta WHERE key = 'catalog_version'")" 9 \
	"receiver holds version 9"
refused "catalog v$v2 after v9" "$B" "older" --db "$B" --password-file "$PWF" import "$T/cat2.motcua"

# ---- a calendar ----------------------------------------------------------------
check "publisher imports the 2026 calendar" "$MOTCUA" --db "$A" --password-file "$PWF" --password-file "$PWF" calendar import \
	"$DATA/calendar-2026.json"
check "publisher sets a 2027 holiday" "$MOTCUA" --db "$A" --password-file "$PWF" --password-file "$PWF" calendar set 2027-11-24 off \
	'Ngày "Văn hóa" Việt Nam'
check "and a 2026 working Saturday" "$MOTCUA" --db "$A" --password-file "$PWF" --password-file "$PWF" calendar set 2026-05-09 work \
	"Làm bù"
run --db "$A" --password-file "$PWF" publish calendar --out "$T/cal3.motcua" --version 3
is "$rc" 0 "publish the calendar as version 3 (stderr: $err)"
like "$out" 'calendar version 3 ' "says the version"
is "$(sqlite3 "$T/cal3.motcua" "SELECT value FROM bundle WHERE key = 'kind'")" calendar \
	"the bundle is a calendar publication"
is "$(sqlite3 "$A" "SELECT value FROM meta WHERE key = 'calendar_version'")" 3 \
	"the publisher holds version 3"
is "$(sqlite3 "$T/cal3.motcua" "SELECT json_extract(value, '\$.format') || ' ' || \
	json_array_length(value, '\$.years') FROM bundle WHERE key = 'payload'")" \
	"motcua-calendar 2" "an official-calendar file of two years"

run --db "$B" --password-file "$PWF" import "$T/cal3.motcua"
is "$rc" 0 "import the calendar publication (stderr: $err)"
"$MOTCUA" --db "$A" calendar holidays 2026 --json > "$T/a.json"
"$MOTCUA" --db "$B" calendar holidays 2026 --json > "$T/b.json"
# The publisher's override is an official day at the receiver.
sed 's/"source": "override"/"source": "official"/' "$T/a.json" > "$T/a2.json"
check "2026 carried over" cmp "$T/a2.json" "$T/b.json"
like "$(cat "$T/b.json")" '"2026-05-09", "off": false, "name": "Làm bù"' \
	"with the override"
# 2027 has no official calendar at the publisher: the publication carries
# its computed holidays with the override, so the receiver's year matches.
"$MOTCUA" --db "$A" calendar holidays 2027 > "$T/a.txt"
"$MOTCUA" --db "$B" calendar holidays 2027 > "$T/b.txt"
check "2027 carried over, defaults and override" cmp "$T/a.txt" "$T/b.txt"
like "$(cat "$T/b.txt")" '^2027-11-24  off  Ngày "Văn hóa" Việt Nam$' \
	"the quoted name arrives whole"
is "$(sqlite3 "$B" "SELECT value FROM meta WHERE key = 'calendar_version'")" 3 \
	"receiver holds calendar version 3"

# Without --version: the version held + 1.
run --db "$A" --password-file "$PWF" publish calendar --out "$T/cal4.motcua"
is "$rc" 0 "publish the calendar without --version"
is "$(sqlite3 "$T/cal4.motcua" "SELECT value FROM bundle WHERE key = 'version'")" 4 \
	"version 4: held + 1"
run --db "$A" --password-file "$PWF" publish calendar --out "$T/cal2.motcua" --version 2
is "$rc" 0 "publish an older calendar version 2"
is "$(sqlite3 "$A" "SELECT value FROM meta WHERE key = 'calendar_version'")" 4 \
	"the publisher still holds version 4"
run --db "$B" --password-file "$PWF" import "$T/cal4.motcua"
is "$rc" 0 "import calendar version 4"
refused "the calendar version 3 after 4" "$B" "older" --db "$B" --password-file "$PWF" import "$T/cal3.motcua"
refused "the calendar version 2 after 4" "$B" "older" --db "$B" --password-file "$PWF" import "$T/cal2.motcua"

# --force applies the older one.
run --db "$B" --password-file "$PWF" import --force "$T/cal2.motcua"
is "$rc" 0 "an older calendar with --force: exit 0 (stderr: $err)"
is "$(sqlite3 "$B" "SELECT value FROM meta WHERE key = 'calendar_version'")" 2 \
	"receiver now holds version 2"

# A catalog publication is not a calendar: the receiver's calendar stays.
run --db "$B" --password-file "$PWF" import "$T/cat9.motcua"
is "$rc" 0 "catalog v9 again: exit 0"
"$MOTCUA" --db "$B" calendar holidays 2026 --json > "$T/b2.json"
check "the calendar is untouched by a catalog" cmp "$T/b.json" "$T/b2.json"

# ---- publications that are not taken --------------------------------------
# From a station the receiver does not trust: refused, its key named.
U="$T/u.db"
"$MOTCUA" --db "$U" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.00.00.H02 \
	--unit-name "Không tin" --station 1 --sample-catalog >/dev/null
"$MOTCUA" --db "$U" --password-file "$PWF" publish catalog --out "$T/u50.motcua" --version 50 >/dev/null
fpU=$("$MOTCUA" --db "$U" station show | sed -n 's/^fingerprint: //p')
refused "a catalog from a station not trusted" "$B" \
	"station 1 of 000.00.00.H02 with the key $fpU, which this station does not trust" \
	--db "$B" --password-file "$PWF" import "$T/u50.motcua"
refused "with --force too" "$B" "does not trust" --db "$B" --password-file "$PWF" import --force "$T/u50.motcua"
is "$(sqlite3 "$B" "SELECT value FROM meta WHERE key = 'catalog_version'")" 9 "the receiver still holds catalog 9"

# The same version with other content: one number is one text.
check "publisher sets another 2027 holiday" "$MOTCUA" --db "$A" --password-file "$PWF" calendar set 2027-12-01 off "Ngày khác"
run --db "$A" --password-file "$PWF" publish calendar --out "$T/cal2b.motcua" --version 2
is "$rc" 0 "publish another calendar as version 2"
[ "$(sqlite3 "$T/cal2b.motcua" "SELECT value FROM bundle WHERE key = 'payload'")" != \
  "$(sqlite3 "$T/cal2.motcua" "SELECT value FROM bundle WHERE key = 'payload'")" ]
ok "its content differs from the first version 2"
refused "calendar version 2 with other content" "$B" "calendar version 2 with other content than the version 2 held here" \
	--db "$B" --password-file "$PWF" import "$T/cal2b.motcua"
run --db "$B" --password-file "$PWF" import "$T/cal2.motcua"
is "$rc" 0 "the version 2 held, again: exit 0"

# A version far above the one held would block the genuine next ones:
# refused, even with --force; the genuine next version still comes in.
run --db "$A" --password-file "$PWF" publish catalog --out "$T/cat209.motcua" --version 209
is "$rc" 0 "publish the catalog as version 209"
refused "catalog version 209 over 9" "$B" "catalog version 209 is implausibly far above the version 9 held here" \
	--db "$B" --password-file "$PWF" import "$T/cat209.motcua"
refused "and with --force" "$B" "implausibly far above" \
	--db "$B" --password-file "$PWF" import --force "$T/cat209.motcua"
run --db "$A" --password-file "$PWF" publish catalog --out "$T/cat10.motcua" --version 10
is "$rc" 0 "publish the catalog as version 10"
run --db "$B" --password-file "$PWF" import "$T/cat10.motcua"
is "$rc" 0 "the genuine next version 10 comes in (stderr: $err)"
is "$(sqlite3 "$B" "SELECT value FROM meta WHERE key = 'catalog_version'")" 10 "the receiver holds catalog 10"

# --force takes a station back to an older catalog
fa="$T/force-a.db"; fb="$T/force-b.db"
"$MOTCUA" --db "$fa" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.00.00.T01 --unit-name P --station 1 --sample-catalog >/dev/null
"$MOTCUA" --db "$fb" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name X --station 1 >/dev/null
enrol "$fb" "$fa"; ok "the second receiver trusts its publisher"
"$MOTCUA" --db "$fa" --password-file "$PWF" publish catalog --out "$T/f9.motcua" --version 9 >/dev/null
"$MOTCUA" --db "$fa" --password-file "$PWF" publish catalog --out "$T/f2.motcua" --version 2 >/dev/null
"$MOTCUA" --db "$fb" --password-file "$PWF" import "$T/f9.motcua" >/dev/null
refused "an older catalog without --force" "$fb" "older than the version 9" --db "$fb" --password-file "$PWF" import "$T/f2.motcua"
run --db "$fb" --password-file "$PWF" import --force "$T/f2.motcua"
is "$rc" 0 "an older catalog with --force: applied"
is "$(sqlite3 "$fb" "SELECT value FROM meta WHERE key = 'catalog_version'")" 2 "the catalog version is now 2"
done_testing

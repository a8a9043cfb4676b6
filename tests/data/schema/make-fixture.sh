#!/bin/sh
# make-fixture.sh BINARY OUT.sql — the story of a small commune told to an
# old motcua, and its database dumped as text (sqlite3 DB .dump): the
# fixtures NNN.sql beside this script, one per schema version a build of
# main had, which tests/cli/upgrade.sh opens with today's program.
#
# BINARY is an old build (see README in this folder: which commit, built
# how).  The story: station 1 and station 2 of 000.17.22.H56 set up (with a
# supervisor and a password when the version has logins), a three-
# procedure catalog (that version's tests/data/catalog-good.json, given as
# CATALOG), three receipts at station 1 and one at station 2, a hand-over
# when the version has steps, and when it has sync: station 2's bundle
# imported at station 1 (trusted first when it has keys) and station 1's
# exported.  A step the version does not know is skipped, and said.
set -u
BIN=$1 OUT=$2
: "${CATALOG:?CATALOG must name the version's catalog-good.json}"
W=$(mktemp -d /tmp/motcua-fixture.XXXXXX)
trap 'rm -rf "$W"' EXIT
export HOME="$W/home" XDG_DATA_HOME="$W/xdg" LANGUAGE=en LC_ALL=C.UTF-8
unset MOTCUA_DB
mkdir -p "$HOME"
(umask 077 && printf 'Quay-Mot-Cua-7351\n' > "$W/pw")
A="$W/a.db" B="$W/b.db"
say() { echo "# $*" >&2; }
has() { "$BIN" "$1" --help 2>&1 | grep -q -e "$2"; }	# has CMD TEXT — in its usage
# m DB TIME ARGS... — the old program on DB at that time
m() { _db=$1 _t=$2; shift 2; MOTCUA_NOW="$_t" "$BIN" --db "$_db" "$@"; }
PW=
if has init password-file; then PW="--password-file $W/pw"; fi
T0="2026-11-16 07:30"
for s in 1 2; do
	eval "db=\$$(echo AB | cut -c$s)"
	if [ -n "$PW" ]; then
		m "$db" "$T0" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
		    --station $s --supervisor truong "Trần Văn Trưởng" $PW >/dev/null
		m "$db" "$T0" --officer truong $PW officer add lan "Nguyễn Thị Lan" \
		    --new-password-file "$W/pw" >/dev/null
	else
		m "$db" "$T0" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
		    --station $s >/dev/null
		m "$db" "$T0" officer add truong "Trần Văn Trưởng" --role supervisor >/dev/null
		m "$db" "$T0" officer add lan "Nguyễn Thị Lan" >/dev/null
	fi || { say "init of station $s failed"; exit 1; }
	m "$db" "$T0" --officer truong $PW catalog import "$CATALOG" >/dev/null ||
	    { say "catalog import failed"; exit 1; }
done
ADDR=
if has receive address; then ADDR="Ấp 3, xã Mỹ An"; fi
rcv() {	# rcv DB TIME NAME ID
	m "$1" "$2" --officer lan $PW receive --procedure 1.001193 --name "$3" --id "$4" \
	    ${ADDR:+--address "$ADDR"} --at "$2" >/dev/null || { say "receipt failed"; exit 1; }
}
rcv "$A" "2026-11-16 08:00" "Lê Văn Một" 087084000001
rcv "$A" "2026-11-16 08:10" "Phạm Thị Hai" 087084000002
rcv "$A" "2026-11-16 08:20" "Hoàng Văn Ba" 087084000003
rcv "$B" "2026-11-16 08:30" "Trần Thị Bốn" 087084000004
code=$(sqlite3 "$A" "SELECT code FROM dossier ORDER BY code LIMIT 1")
if "$BIN" --help 2>&1 | grep -q "motcua event"; then
	m "$A" "2026-11-16 09:00" --officer lan $PW event "$code" handover --to "Công chức Tư pháp" \
	    --at "2026-11-16 09:00" >/dev/null || { say "hand-over failed"; exit 1; }
else
	say "no lifecycle steps in this version"
fi
if "$BIN" --help 2>&1 | grep -q "motcua export"; then
	if "$BIN" --help 2>&1 | grep -q "station trust"; then
		# each trusts the other, by a bundle and the fingerprint read on it
		for p in "A B" "B A"; do
			set -- $p
			eval "me=\$$1 them=\$$2"
			rm -f "$W/card.motcua"
			m "$them" "2026-11-16 09:10" --officer lan $PW export --out "$W/card.motcua" \
			    >/dev/null || { say "export for trust failed"; exit 1; }
			fp=$("$BIN" --db "$them" station show | sed -n 's/^fingerprint: //p')
			m "$me" "2026-11-16 09:10" --officer truong $PW station trust "$W/card.motcua" \
			    --fingerprint "$fp" >/dev/null || { say "trust failed"; exit 1; }
		done
	fi
	m "$B" "2026-11-16 09:20" --officer lan $PW export --out "$W/b.motcua" >/dev/null &&
	m "$A" "2026-11-16 09:30" --officer truong $PW import "$W/b.motcua" >/dev/null &&
	m "$A" "2026-11-16 09:40" --officer lan $PW export --out "$W/a.motcua" >/dev/null ||
	    { say "sync failed"; exit 1; }
else
	say "no sync in this version"
fi
"$BIN" --db "$A" check >/dev/null || { say "check failed at the old version"; exit 1; }
# .dump leaves out the header's two numbers: the schema version and
# motcua's application id, which db_open reads first
{ sqlite3 "$A" .dump
  echo "PRAGMA user_version = $(sqlite3 "$A" 'PRAGMA user_version');"
  echo "PRAGMA application_id = $(sqlite3 "$A" 'PRAGMA application_id');"
} > "$OUT"
say "$(basename "$OUT"): schema $(sqlite3 "$A" 'PRAGMA user_version'), $(sqlite3 "$A" 'SELECT count(*) FROM dossier') dossiers, $(sqlite3 "$A" 'SELECT count(*) FROM event') events, $(wc -c < "$OUT") bytes"

# station.sh — the command line's contract of trust between stations:
# `station show` (the first line "fingerprint: XXXX-XXXX-XXXX-XXXX"),
# `station card`, `station trust FILE --fingerprint FP` (refused, nothing
# changed, when the fingerprint differs; by a bundle of events as well as
# by a card), `station list`, `station revoke FP`; and every bad input to
# them refused with a message and the database unchanged.  The secret key
# is in no output and no file a station writes.
. "$top_srcdir/tests/cli/lib.sh"
a="$T/a.db" b="$T/b.db"
for n in 1 2; do
	"$MOTCUA" --db "$T/s$n.db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
	    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station $n --sample-catalog >/dev/null
done
mv "$T/s1.db" "$a"; mv "$T/s2.db" "$b"
"$MOTCUA" --db "$a" --officer lan --password-file "$PWF" officer add thu "Lê Văn Thu" \
    --new-password-file "$PWF" >/dev/null; ok "A has an officer, thu"

# ---- show ------------------------------------------------------------------
run --db "$b" station show
is "$rc" 0 "show: exit 0"
fpB=$(printf '%s\n' "$out" | sed -n '1s/^fingerprint: //p')
like "$fpB" '^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$' "show: the first line is 'fingerprint: XXXX-XXXX-XXXX-XXXX'"
pubB=$(sqlite3 "$b" "SELECT public FROM station_key")
want=$(perl -e 'print pack("H*", $ARGV[0])' "$pubB" | sha256sum | cut -c1-16 | tr a-f A-F |
    sed 's/\(....\)\(....\)\(....\)\(....\)/\1-\2-\3-\4/')
[ -z "$want" ] || is "$fpB" "$want" "the fingerprint is the first 8 bytes of the key's SHA-256"
like "$out" "^station: 2$" "show: the station's number"
like "$out" "^unit: 000\.17\.22\.H56 \(UBND xã Mỹ An\)$" "show: its unit"
like "$out" "^key: $pubB$" "show: the public key"
secB=$(sqlite3 "$b" "SELECT secret FROM station_key")
[ ${#secB} -ge 64 ]; ok "B has a secret key"
secret_absent() {	# secret_absent FILE DESC — neither half of the secret in FILE
	tap_n=$((tap_n + 1))
	if grep -aqi -e "$secB" -e "$(printf '%s' "$secB" | cut -c1-64)" "$1"; then
		echo "not ok $tap_n - $2"; tap_failed=$((tap_failed + 1))
	else
		echo "ok $tap_n - $2"
	fi
}

# ---- card --------------------------------------------------------------------
run --db "$b" station card --out "$T/b.card"
is "$rc" 0 "card: exit 0"
like "$out" "b\.card: this station's key card \(fingerprint $fpB\)" "card: says where, and the fingerprint"
is "$(stat -c %a "$T/b.card")" 600 "the card is 0600"
secret_absent "$T/b.card" "the card holds no secret key"
is "$(sqlite3 "$T/b.card" "SELECT value FROM bundle WHERE key = 'sender_key'")" "$pubB" "the card carries B's public key"
cp "$T/b.card" "$T/b.card.saved"
run --db "$b" station card --out "$T/b.card"
is "$rc" 1 "card over an existing file: exit 1"
like "$err" "b\.card" "card over an existing file: names it"
cmp -s "$T/b.card" "$T/b.card.saved"; ok "and leaves it as it was"
run --db "$b" station card
is "$rc" 2 "card without --out: usage"

# ---- trust -------------------------------------------------------------------
trust() { run --db "$a" --officer lan --password-file "$PWF" station trust "$@"; }
wrong=$(printf '%s' "$fpB" | tr 0123456789ABCDEF 123456789ABCDEF0)
refused "trust with another fingerprint" "$a" "is signed by the key $fpB, not $wrong" \
    --db "$a" --officer lan --password-file "$PWF" station trust "$T/b.card" --fingerprint "$wrong"
like "$err" "read the fingerprint again on the sending PC" "says what to do"
for fp in "7F3A-91C2" "7F3A-91C2-5D0E-B4A8-0000" "GGGG-91C2-5D0E-B4A8" ""; do
	refused "trust with the fingerprint '$fp'" "$a" "is not a key's fingerprint" \
	    --db "$a" --officer lan --password-file "$PWF" station trust "$T/b.card" --fingerprint "$fp"
done
run --db "$a" --officer lan --password-file "$PWF" station trust "$T/b.card"
is "$rc" 2 "trust without --fingerprint: usage"
refused "trust by a missing file" "$a" "does not exist" \
    --db "$a" --officer lan --password-file "$PWF" station trust "$T/nothing.card" --fingerprint "$fpB"
printf 'not a card\n' > "$T/text.card"
refused "trust by a text file" "$a" "not a motcua bundle" \
    --db "$a" --officer lan --password-file "$PWF" station trust "$T/text.card" --fingerprint "$fpB"
# a card whose key is swapped for another: its signature is not that key's
cp "$T/b.card" "$T/swapped.card"
pubA=$(sqlite3 "$a" "SELECT public FROM station_key")
fpA=$("$MOTCUA" --db "$a" station show | sed -n 's/^fingerprint: //p')
sqlite3 "$T/swapped.card" "UPDATE bundle SET value = '$pubA' WHERE key = 'sender_key'"
refused "a card with another station's key" "$a" "not signed by its sender's key" \
    --db "$a" --officer lan --password-file "$PWF" station trust "$T/swapped.card" --fingerprint "$fpA"
# a card whose sender is no station (the header typed as an import's)
cp "$T/b.card" "$T/junk.card"
sqlite3 "$T/junk.card" "UPDATE bundle SET value = 'not-a-station' WHERE key = 'sender'"
refused "a card whose sender is no station id" "$a" "its sender 'not-a-station' is not a station id" \
    --db "$a" --officer lan --password-file "$PWF" station trust "$T/junk.card" --fingerprint "$fpB"
# an officer may not trust
refused "an officer trusting" "$a" "supervisor" \
    --db "$a" --officer thu --password-file "$PWF" station trust "$T/b.card" --fingerprint "$fpB"
# A's own card
"$MOTCUA" --db "$a" station card --out "$T/a.card" >/dev/null
refused "trusting this station's own card" "$a" "this station" \
    --db "$a" --officer lan --password-file "$PWF" station trust "$T/a.card" --fingerprint "$fpA"

# the right fingerprint, typed in lower case without dashes
fplow=$(printf '%s' "$fpB" | tr -d - | tr A-F a-f)
n0=$(sqlite3 "$a" "SELECT count(*) FROM event WHERE kind = 'trust'")
trust "$T/b.card" --fingerprint "$fplow"
is "$rc" 0 "trust with the right fingerprint (lower case, no dashes): exit 0"
like "$out" "Station 2 of 000\.17\.22\.H56 \(key $fpB\) is trusted here" "says which station is trusted"
is "$(sqlite3 "$a" "SELECT station || ' ' || public || ' ' || officer FROM trust")" \
    "$(sqlite3 "$b" "SELECT value FROM meta WHERE key = 'station_id'") $pubB lan" \
    "the trust row: B's id and key, by lan"
is "$(sqlite3 "$a" "SELECT count(*) FROM event WHERE kind = 'trust'")" $((n0 + 1)) "an audit event 'trust'"
before=$(dbsum "$a")
trust "$T/b.card" --fingerprint "$fpB"
is "$rc" 0 "trusting the same key again: exit 0"
is "$(dbsum "$a")" "$before" "and nothing changes"
run --db "$a" station list
is "$rc" 0 "list: exit 0"
like "$(printf '%s\n' "$out" | sed -n 1p)" "^$fpA +000\.17\.22\.H56 +1 +this station$" "list: this station first"
like "$out" "^$fpB +000\.17\.22\.H56 +2 +trusted 20[0-9-]+ by lan$" "list: B, trusted, when and by whom"

# by a bundle of events, as well as by a card
c="$T/c.db"
"$MOTCUA" --db "$c" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 3 --sample-catalog >/dev/null
"$MOTCUA" --db "$c" --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 \
    --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-16 09:00" >/dev/null
"$MOTCUA" --db "$c" --officer lan --password-file "$PWF" export --out "$T/c.motcua" >/dev/null
fpC=$("$MOTCUA" --db "$c" station show | sed -n 's/^fingerprint: //p')
trust "$T/c.motcua" --fingerprint "$fpC"
is "$rc" 0 "trust by a bundle of events: exit 0"
run --db "$a" --officer lan --password-file "$PWF" import "$T/c.motcua"
is "$rc" 0 "then its bundle imports"

# ---- revoke ------------------------------------------------------------------
refused "revoking this station's own key" "$a" "this station's own key" \
    --db "$a" --officer lan --password-file "$PWF" station revoke "$fpA"
refused "revoking a key not trusted here" "$a" "no station with the key $wrong" \
    --db "$a" --officer lan --password-file "$PWF" station revoke "$wrong"
refused "revoking by no fingerprint" "$a" "is not a key's fingerprint" \
    --db "$a" --officer lan --password-file "$PWF" station revoke "B4A8"
refused "an officer revoking" "$a" "supervisor" \
    --db "$a" --officer thu --password-file "$PWF" station revoke "$fpB"
run --db "$a" --officer lan --password-file "$PWF" station revoke "$fpB"
is "$rc" 0 "revoke: exit 0"
like "$out" "The key $fpB is revoked" "revoke: says so"
is "$(sqlite3 "$a" "SELECT revoked IS NOT NULL FROM trust WHERE public = '$pubB'")" 1 "the trust row is revoked"
is "$(sqlite3 "$a" "SELECT json_extract(body, '\$.public') FROM event WHERE kind = 'revoke'")" "$pubB" \
    "an audit event 'revoke' with the key, to travel"
run --db "$a" station list
like "$out" "^$fpB +000\.17\.22\.H56 +2 +revoked 20" "list: B revoked"
refused "revoking it twice" "$a" "was revoked already" \
    --db "$a" --officer lan --password-file "$PWF" station revoke "$fpB"
refused "trusting a revoked key again" "$a" "a revoked key is never trusted again" \
    --db "$a" --officer lan --password-file "$PWF" station trust "$T/b.card" --fingerprint "$fpB"

# ---- the secret key in nothing written ------------------------------------------
"$MOTCUA" --db "$b" --officer lan --password-file "$PWF" export --out "$T/b.motcua" >/dev/null
secret_absent "$T/b.motcua" "B's bundle holds no secret key"
secret_absent "$T/run.log" "no output of motcua shows a secret key"
run --db "$b" check
secret_absent "$T/out" "check shows no secret key"
done_testing

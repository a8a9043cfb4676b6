# forge.sh — sourced by a test: bundles made hostile as a station gone
# rogue would make them, every hash and signature right (the technique of
# sync-rules.sh): a genuine export, one event added with sqlite3, its hash
# recomputed from the canonical text (event.h) and signed with the
# station's own key by openssl, the content hash (sync.h) and the
# bundle's signature made again.  What refuses such a bundle is the rules.
#
#   forge_setup DB GOOD — DB's station (its id in $idA) signs; GOOD is a
#                         bundle DB exported
#   forge NAME ORIGIN PREV AT OFFICER DOSSIER KIND BODY — a copy of GOOD
#       with one more event of ORIGIN after the one whose hash is PREV
#       (numbered $forge_seq when set); its path in $f
#   forge_rehash FILE — FILE's count, content hash and signature made right
#       after an edit
#   forge_ev_hash, forge_content_hash, forge_sign — the hashes and the
#       signature, as event.h, sync.h and key.c make them
#   lastA — the hash of the last event of $idA in GOOD
command -v openssl >/dev/null || { echo "Bail out! openssl is needed to sign the hostile bundles"; exit 1; }
forge_setup() {
	forge_good=$2
	idA=$(sqlite3 "$1" "SELECT value FROM meta WHERE key = 'station_id'")
	_seed=$(sqlite3 "$1" "SELECT substr(secret, 1, 64) FROM station_key WHERE id = 1")
	# libsodium's secret key is the 32-byte seed and the public key: the
	# seed as a PKCS#8 DER file for openssl
	(umask 077 && sqlite3 :memory: "SELECT writefile('$T/forge.der',
	    x'302e020100300506032b657004220420$_seed')" >/dev/null)
}
forge_ev_hash() {	# FILE ORIGIN SEQ
	printf '%s' "$(sqlite3 "$1" "SELECT 'motcua-event-1' || char(10) || origin || char(10) ||
	    seq || char(10) || at || char(10) || officer || char(10) || dossier || char(10) ||
	    kind || char(10) || prev || char(10) || body FROM event WHERE origin = '$2' AND seq = $3")" |
	    sha256sum | cut -d' ' -f1
}
forge_content_hash() {	# FILE
	{ sqlite3 "$1" "SELECT key || '=' || value FROM bundle WHERE key NOT IN ('content_sha256',
	      'signature') ORDER BY key"
	  sqlite3 "$1" "SELECT origin || char(10) || seq || char(10) || hash FROM event ORDER BY origin, seq"
	} | sha256sum | cut -d' ' -f1
}
forge_sign() {	# DOMAIN TEXT
	printf 'motcua-%s-sig-1\n%s' "$1" "$2" > "$T/forge.in"
	openssl pkeyutl -sign -keyform DER -inkey "$T/forge.der" -rawin -in "$T/forge.in" |
	    od -An -v -tx1 | tr -d ' \n'
}
forge_rehash() {	# FILE — its count, content hash and signature made right
	sqlite3 "$1" "UPDATE bundle SET value = (SELECT count(*) FROM event) WHERE key = 'count'"
	_c=$(forge_content_hash "$1")
	sqlite3 "$1" "UPDATE bundle SET value = '$_c' WHERE key = 'content_sha256'"
	sqlite3 "$1" "UPDATE bundle SET value = '$(forge_sign bundle "$_c")' WHERE key = 'signature'"
}
forge() {
	f="$T/$1.motcua"; cp "$forge_good" "$f"
	# the next number of ORIGIN's chain in the file, unless $forge_seq says
	_seq=${forge_seq:-$(sqlite3 "$f" "SELECT coalesce(max(seq), 0) + 1 FROM event WHERE origin = '$2'")}
	sqlite3 "$f" "INSERT INTO event VALUES ('$2', $_seq, '$4', '$5', '$6', '$7', json('$8'), '$3', 'x', '')"
	_h=$(forge_ev_hash "$f" "$2" "$_seq")
	sqlite3 "$f" "UPDATE event SET hash = '$_h', sig = '$(forge_sign event "$_h")' WHERE origin = '$2' AND seq = $_seq"
	forge_rehash "$f"
}
lastA() { sqlite3 "$forge_good" "SELECT hash FROM event WHERE origin = '$idA' ORDER BY seq DESC LIMIT 1"; }

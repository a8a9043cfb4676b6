# dates.sh — dates typed the same way as on the screen: a birth date,
# --at, --as-of and report periods in DD/MM/YYYY, DDMMYYYY and YYYY-MM-DD
# all mean the same day (core's date_parse_input is the one rule).
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
q() { sqlite3 "$db" "$1"; }

n=0
for birth in 15/03/1984 15031984 1984-03-15; do
	n=$((n + 1))
	run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 \
	    --birth "$birth" --at "2026-11-20 09:0$n"
	is "$rc" 0 "receive --birth $birth: exit 0"
	code=$(echo "$out" | head -1)
	is "$(q "SELECT birth_date FROM dossier WHERE code = '$code'")" 1984-03-15 \
	    "--birth $birth is stored as 1984-03-15"
	is "$(q "SELECT json_extract(body, '\$.applicant.birth_date') FROM event WHERE dossier = (SELECT id FROM dossier WHERE code = '$code') AND kind = 'receive'")" \
	    1984-03-15 "--birth $birth: the receive event says 1984-03-15"
done
is "$(q "SELECT count(DISTINCT birth_date) FROM dossier")" 1 "three forms, one stored value"

# --at in the screen's forms, the CLI's form and the stored form
n=0
for at in "21/11/2026 10:15" "21112026 10:15" "2026-11-21 10:15" "2026-11-21T10:15:00+07:00"; do
	n=$((n + 1))
	run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Lê Thị Bình" --id 001305012345 --at "$at"
	is "$rc" 0 "receive --at '$at': exit 0"
	code=$(echo "$out" | head -1)
	is "$(q "SELECT received FROM dossier WHERE code = '$code'")" "2026-11-21T10:15:00+07:00" \
	    "--at '$at' is stored as 2026-11-21 10:15"
done

# the same refusals everywhere, naming the accepted forms
refused "31/02 as a birth date" "$db" "DD/MM/YYYY, DDMMYYYY or YYYY-MM-DD" \
    --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --birth 31/02/1984
refused "a two-digit year" "$db" "not a date" \
    --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --birth 15/03/84
refused "--at without a time" "$db" "DD/MM/YYYY HH:MM" \
    --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --at 21/11/2026
refused "an e-mail with a space" "$db" "e-mail address" \
    --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --email "an @example.vn"

# due --as-of and report periods take the same forms
run --db "$db" due --json --as-of 2026-11-20
want=$out
for d in 20/11/2026 20112026 2026-11-20; do
	run --db "$db" due --json --as-of "$d"
	is "$rc" 0 "due --as-of $d: exit 0"
	is "$out" "$want" "due --as-of $d: the same list"
done
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30
want=$out
for f in 01/11/2026 01112026 2026-11-01; do
	run --db "$db" report summary --from "$f" --to 30/11/2026
	is "$rc" 0 "report --from $f: exit 0"
	is "$out" "$want" "report --from $f --to 30/11/2026: the same figures"
done
done_testing

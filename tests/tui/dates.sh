# dates.sh — a birth date typed on the reception screen in each form the
# command line takes too (DD/MM/YYYY, DDMMYYYY, YYYY-MM-DD) is stored as
# the same day; a two-digit year and 31/02 are refused with the forms
# named.  tests/cli/dates.sh is the command line's half.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"

start
n=0
for birth in 15/03/1984 15031984 1984-03-15; do
	n=$((n + 1))
	id=08708400099$n
	tm send-keys F2
	wait_for "1/4"; ok "$birth: F2 opens the procedure step"
	tm send-keys -l dkks
	wait_for "1.001193"
	tm send-keys Enter
	wait_for "2/4"
	tm send-keys a Enter
	wait_for "3/4"; ok "$birth: the applicant step"
	tm send-keys -l "$id"
	tm send-keys Enter
	tm send-keys -l "An"
	tm send-keys Enter
	if [ $n -eq 1 ]; then
		tm send-keys -l "15/03/84"
		tm send-keys Enter
		wait_for "not a date: write it as DD/MM/YYYY, DDMMYYYY or YYYY-MM-DD"
		ok "a two-digit year is refused, the forms named"
		tm send-keys C-u
		tm send-keys -l "31/02/1984"
		tm send-keys Enter
		wait_for "'31/02/1984' is not a date"; ok "31/02 is refused"
		tm send-keys C-u
	fi
	tm send-keys -l "$birth"
	tm send-keys Enter Enter
	tm send-keys -l "Aaps 3, xax Myx An"	# the address is required
	tm send-keys Enter Enter Enter
	wait_for "4/4"; ok "$birth: accepted, on to the summary"
	tm send-keys Enter
	wait_for "Receive this dossier"
	tm send-keys Enter
	wait_for "Mẫu 01"; ok "$birth: received"
	is "$(q "SELECT birth_date FROM dossier WHERE applicant_id = '$id'")" 1984-03-15 \
	    "$birth typed on the screen is stored as 1984-03-15"
	tm send-keys Escape
	wait_for "Main menu"
done
is "$(q "SELECT count(DISTINCT birth_date) || '/' || count(*) FROM dossier")" "1/3" \
    "three forms, three dossiers, one stored value"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing

# wrap.sh — nothing cut inside a word at 80x24 in the reception flow.
# F2 with the sample catalog's longest document names (2.001406, five
# documents, 406 characters of names): on every screen of the flow each
# line ends at a word boundary of the text it shows, and every document's
# full name (with its condition) can be read; `a` marks the required
# documents only, so the slip and the database list a conditional one only
# when it was marked by itself; a long message wraps onto two lines and
# Ctrl-P shows the last messages again.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"

P=2.001406
# the texts the screens show: the procedure, each document with its condition
q "SELECT code || '  ' || name FROM procedure WHERE code = '$P'" > "$T/texts"
q "SELECT name || coalesce(' — ' || condition, '') FROM procedure_document
   WHERE procedure_code = '$P' ORDER BY position" > "$T/docs"
cat "$T/docs" >> "$T/texts"
is "$(wc -l < "$T/docs" | tr -d ' ')" 5 "the procedure has five documents"
is "$(q "SELECT count(*) FROM procedure_document WHERE procedure_code = '$P'
    AND required = 0 AND condition IS NOT NULL")" 1 "one of them is conditional"

# cut_words WHAT — every line of the screen that shows a piece of one of
# the texts shows it from a word's start to a word's end (a trailing "…"
# after a whole word is allowed); the lines that break this are printed.
cut_words() {
	screen > "$T/screen"
	perl -CSD -Mutf8 -e '
		open my $t, "<:encoding(UTF-8)", $ARGV[0] or die;
		my @texts = map { chomp; s/\s+/ /g; $_ } <$t>;
		open my $s, "<:encoding(UTF-8)", $ARGV[1] or die;
		my $bad = 0;
		while (my $l = <$s>) {
			chomp $l;
			# the check box, the number, the form column, the edges
			$l =~ s/\s+(original|certified copy|copy) ×\d+( \*)?\s*$//;
			$l =~ s/^\s*(\[[x ]\]\s+)?\d+\.\s+//;
			$l =~ s/[↑↓]\s*$//;
			$l =~ s/^\s+|\s+$//g;
			$l =~ s/…$//;
			$l =~ s/^\s*(Procedure|Documents|Missing)\s\s+//;
			$l =~ s/\s+\((original|certified copy|copy) ×\d+\)$//;
			next if length($l) < 6;
			for my $t (@texts) {
				my ($hit, $clean, $at) = (0, 0, 0);
				while (($at = index($t, $l, $at)) >= 0) {
					$hit = 1;
					my $end = $at + length($l);
					$clean = 1 if ($at == 0 || substr($t, $at - 1, 1) eq " ") &&
					    ($end == length($t) || substr($t, $end, 1) eq " ");
					$at++;
				}
				if ($hit && !$clean) { print "cut: [$l]\n"; $bad++; last; }
			}
		}
		exit($bad ? 1 : 0);' "$T/texts" "$T/screen"
}
# whole_names — every document text can be read on the screen: the lines
# put together (check boxes and form columns aside) hold it whole.
whole_names() {
	screen > "$T/screen"
	perl -CSD -Mutf8 -e '
		open my $t, "<:encoding(UTF-8)", $ARGV[0] or die;
		open my $s, "<:encoding(UTF-8)", $ARGV[1] or die;
		my $all = "";
		while (my $l = <$s>) {
			chomp $l;
			$l =~ s/\s+(original|certified copy|copy) ×\d+( \*)?\s*$//;
			$l =~ s/^\s*(\[[x ]\]\s+)?\d+\.\s+//;
			$l =~ s/[↑↓]\s*$//;
			$all .= " $l";
		}
		$all =~ s/\s+/ /g;
		my $miss = 0;
		while (my $n = <$t>) {
			chomp $n;
			$n =~ s/\s+/ /g;
			if (index($all, $n) < 0) { print "missing: $n\n"; $miss++; }
		}
		exit($miss ? 1 : 0);' "$T/docs" "$T/screen"
}

start
tm send-keys F2
wait_for "1/4"
tm send-keys -l "$P"
wait_for "$P"
tm send-keys Enter
wait_for "2/4"; ok "the documents of $P"
check "step 2: no line ends inside a word" cut_words
check "step 2: every document's full name and condition is shown" whole_names
like "$(screen)" "— trường hợp thừa kế theo pháp luật" "the condition beside the name"

tm send-keys a
wait_for "Received 4 of 5"; ok "a marks the four required documents"
is "$(screen | grep -c '^ *\[x\]')" 4 "four boxes ticked"
like "$(screen)" "\[ \]  5\. Giấy tờ chứng minh quan hệ" "the conditional one is left for the officer"

# the supplement request's box: every missing document named whole
tm send-keys a
wait_for "Received 0 of 5"
tm send-keys Enter
wait_for "Required documents are missing"; ok "with nothing marked: the Mẫu 02 box"
check "the Mẫu 02 box: no line ends inside a word" cut_words
tm send-keys Escape
sleep 0.3

# the conditional one by itself; a then clears all, a again marks the four
tm send-keys a 5 Space
wait_for "Received 5 of 5"; ok "the conditional document marked by itself"
tm send-keys a
wait_for "Received 0 of 5"; ok "a with every required one marked clears all"
tm send-keys a
wait_for "Received 4 of 5"; ok "a again: the four required ones"
tm send-keys Enter
wait_for "3/4"
check "the applicant step: no line ends inside a word" cut_words
tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Nguyễn Văn An"
tm send-keys Enter
tm send-keys -l "15/03/1984"
tm send-keys Enter
tm send-keys -l "0912345678"
tm send-keys Enter
tm send-keys -l "Ấp 3, xã Mỹ An"
tm send-keys Enter Enter Enter
wait_for "4/4"; ok "the summary"
check "summary: no line ends inside a word" cut_words
tm send-keys Enter
wait_for "Receive this dossier"
tm send-keys Enter
wait_for "Mẫu 01"; ok "received with a"
code=$(q "SELECT code FROM dossier")
slip="$T/slips/$code.txt"
check "the slip was saved" test -f "$slip"
sed -n '/^ *1  /,/^2\. /p' "$slip" | head -30 > "$T/slipdocs"
check "the slip lists the first required document" grep -qF "Dự thảo văn bản" "$T/slipdocs"
is "$(grep -cE '^ +[0-9]+  ' "$T/slipdocs")" 8 "the slip numbers four documents on each of its two copies"
check "the slip does not list the conditional document" sh -c "! grep -qF 'quan hệ giữa' '$slip'"
is "$(q "SELECT group_concat(json_extract(j.value, '\$.position')) FROM dossier,
    json_each(documents) j WHERE json_extract(j.value, '\$.received')")" "1,2,3,4" \
    "the database: documents 1 to 4 received, not the conditional 5"

# the message after the receipt is long (the slip's path): two lines, the
# path whole, and Ctrl-P shows it again
s=$(screen)
like "$s" "Dossier $code received" "the receipt's message"
case "$s" in *"$code.txt"*) ok_path=0 ;; *) ok_path=1 ;; esac
is "$ok_path" 0 "the slip's path is shown whole on the second line"
first=$(screen | grep -n "Dossier $code received" | cut -d: -f1)
second=$(screen | grep -n "$code\.txt" | cut -d: -f1)
is "$((second - first))" 1 "the long message takes two lines, the path on the second"
screen > "$T/screen"
check "no line of the message ends inside a word" cut_words
tm send-keys C-p
wait_for "Last messages, newest first"; ok "Ctrl-P shows the last messages"
like "$(screen)" "Dossier $code" "the receipt's message among them"
tm send-keys Enter
sleep 0.3
unlike_box=$(screen | grep -c "Last messages, newest first")
is "$unlike_box" 0 "Enter closes the box"
tm send-keys F10
done_testing

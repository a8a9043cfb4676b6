# setup-lib.sh — shared by the first-start tests (sourced after
# tests/cli/lib.sh and tui_setup): the texts every screen may show, from
# po/vi.po, and uncut WHAT, which fails when a line of the screen ends
# with "…" or shows a piece of one of those texts that begins or ends
# inside a word; the screen and the lines at fault go to the log.

# Every msgid and msgstr of the catalog, one a line, cut at the format
# directives (%s, %d, %1$s...): what is between them is printed as is.
perl -CSD -Mutf8 -e '
	open my $po, "<:encoding(UTF-8)", $ARGV[0] or die "po: $!";
	my ($cur, @all) = (undef);
	while (<$po>) {
		if (/^(?:msgid|msgstr(?:\[\d+\])?) "(.*)"$/) {
			push @all, $cur if defined $cur;
			$cur = $1;
		} elsif (/^"(.*)"$/ && defined $cur) {
			$cur .= $1;
		} else {
			push @all, $cur if defined $cur;
			$cur = undef;
		}
	}
	push @all, $cur if defined $cur;
	for (@all) {
		s/\\"/"/g; s/\\n/ /g;
		print "$_\n" for grep { length } split /%(?:\d+\$)?[-0-9.]*(?:ll|l|z)?[sdu]/;
	}' "$top_srcdir/po/vi.po" > "$T/po-texts"

# uncut WHAT — ok when no line of the screen is cut (see above)
uncut() {
	tm capture-pane -p > "$T/uncut-screen"
	sed 's/^/# | /' "$T/uncut-screen"	# for the person who reads the log
	perl -CSD -Mutf8 -e '
		open my $t, "<:encoding(UTF-8)", $ARGV[0] or die;
		my @texts = map { chomp; s/\s+/ /g; $_ } <$t>;
		open my $s, "<:encoding(UTF-8)", $ARGV[1] or die;
		my $bad = 0;
		while (my $l = <$s>) {
			chomp $l;
			if ($l =~ /…\s*$/) { print "# ends with …: [$l]\n"; $bad++; next; }
			$l =~ s/^\s*\((?:•| )\)\s+//;	# a choice mark
			$l =~ s/[↑↓]\s*$//;
			$l =~ s/^\s+|\s+$//g;
			$l =~ s/\s+/ /g;
			next if length($l) < 6;
			my ($hit, $clean) = (0, 0);
			for my $t (@texts) {
				my $at = 0;
				while (($at = index($t, $l, $at)) >= 0) {
					my $end = $at + length($l);
					$hit = 1;
					$clean = 1 if ($at == 0 || substr($t, $at - 1, 1) eq " ") &&
					    ($end == length($t) || substr($t, $end, 1) eq " ");
					$at++;
				}
				last if $clean;
			}
			if ($hit && !$clean) { print "# cut inside a word: [$l]\n"; $bad++; }
		}
		exit($bad ? 1 : 0);' "$T/po-texts" "$T/uncut-screen"
	ok "no line cut inside a word: $1"
}

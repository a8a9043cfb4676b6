# usage.sh — subcommands as data: what `motcua CMD --help` shows as the
# usage of each command is its synopsis in doc/motcua.1, line for line; a
# usage error exits 2, shows the usage and changes nothing; the global
# options work after the command; the receipt options, declared once, act
# alike in receive and guide; --help fits 80 columns.
. "$top_srcdir/tests/cli/lib.sh"

MAN="$top_srcdir/doc/motcua.1"

# forms < HELP — the usage lines of a --help (or usage error) text, one form
# a line: a form begins "usage: motcua" or "       motcua", a line indented
# further continues it; the block ends at the first empty line.
forms() {
	awk '
		/^$/ { exit }
		/^(usage: |       )motcua / {
			if (line != "") print line
			sub(/^(usage: | +)/, ""); line = $0; next
		}
		/^ +/ { if (line != "") { sub(/^ +/, ""); line = line " " $0 }; next }
		END { if (line != "") print line }'
}

# man_forms — the synopsis of every command in the man page: its .SS
# headings (but the full-screen program's), groff escapes undone
man_forms() {
	sed -n 's/^\.SS "\(.*\)"$/\1/p' "$MAN" | grep -v '^(no command)' |
	sed -e 's/\\-/-/g' -e 's/\\(dq/"/g' -e "s/\\\\(aq/'/g" -e 's/\\&//g' -e 's/^/motcua /'
}

# man_synopsis — the SYNOPSIS section as man shows it: the words of each
# font macro run together, the macros of a line joined by spaces, .br ends
# a line
man_synopsis() {
	awk '
		/^\.SH SYNOPSIS/ { on = 1; next }
		/^\.SH/ { on = 0 }
		!on { next }
		/^\.br/ { print line; line = ""; next }
		/^\.[BIR]+( |$)/ {
			s = $0; sub(/^\.[BIR]+ */, "", s); w = ""; q = 0
			for (i = 1; i <= length(s); i++) {
				c = substr(s, i, 1)
				if (c == "\"") { q = !q; continue }
				if (c == " " && !q) continue
				w = w c
			}
			line = line == "" ? w : line " " w
		}
		END { if (line != "") print line }' "$MAN" | sed 's/\\-/-/g'
}

# ---- the usage lines and the man page agree --------------------------------
run --help
is "$rc" 0 "--help: exit 0"
printf '%s\n' "$out" | forms > "$T/prog"
man_synopsis > "$T/mansyn"
is "$(cat "$T/prog")" "$(cat "$T/mansyn")" "the program's usage is the man page's SYNOPSIS"
test "$(wc -l < "$T/prog")" -eq 3; ok "three lines of the program's usage"

printf '%s\n' "$out" | awk '/^Commands:$/ { c = 1; next } /^$/ { c = 0 }
	c && $1 == "motcua" { print $2 }' | uniq > "$T/commands"
test "$(wc -l < "$T/commands")" -ge 20; ok "--help lists the commands"
# the list under Commands:, one form a line
printf '%s\n' "$out" | awk '/^Commands:$/ { c = 1; next } c && /^$/ { exit } c' |
	awk '/^  motcua / { if (l != "") print l; sub(/^  /, ""); l = $0; next }
	     { sub(/^ +/, ""); l = l " " $0 } END { if (l != "") print l }' > "$T/list"
man_forms > "$T/man"
: > "$T/all"
while read -r cmd; do
	run "$cmd" --help
	is "$rc" 0 "$cmd --help: exit 0"
	printf '%s\n' "$out" | forms > "$T/one"
	test -s "$T/one"; ok "$cmd --help: shows its usage"
	while IFS= read -r line; do
		grep -Fxq -- "$line" "$T/man"; ok "$cmd: the man page has \"$line\""
	done < "$T/one"
	cat "$T/one" >> "$T/all"
	help_out=$out
	run help "$cmd"
	is "$out" "$help_out" "motcua help $cmd is $cmd --help"
done < "$T/commands"
missing=$(grep -Fxv -f "$T/all" "$T/man")
is "$missing" "" "every synopsis in the man page is a command's usage"
is "$(cat "$T/list")" "$(cat "$T/all")" "--help lists every form of every command"
run help frobnicate
is "$rc" 2 "help of an unknown command: exit 2"
like "$err" "unknown command 'frobnicate'" "help of an unknown command: says so"

# ---- 80 columns, in both languages -------------------------------------------
for lang in en vi; do
	{ "$MOTCUA" --lang $lang --help
	  while read -r cmd; do "$MOTCUA" --lang $lang "$cmd" --help; done < "$T/commands"
	} > "$T/help.$lang"
	w=$(wc -L < "$T/help.$lang")
	test "$w" -le 79; ok "--help in $lang: no line wider than 79 columns ($w)"
done
like "$(cat "$T/help.vi")" "^cách dùng: motcua receive" "--help in vi: the usage word translated"
like "$(cat "$T/help.vi")" "^  --procedure CODE +mã thủ tục" "--help in vi: the option described in Vietnamese, its syntax not"

# ---- usage errors: exit 2, the usage, nothing changed -----------------------
db="$T/u.db"
M() { "$MOTCUA" --db "$db" "$@"; }
M init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog \
	--supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
M --officer truong --password-file "$PWF" officer add lan "Nguyễn Thị Lan" \
	--new-password-file "$PWF" >/dev/null
code=$(M --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 \
	--at "2026-11-20 09:30" | head -1)
like "$code" "^000\.17\.22\.H56-261120-1001$" "a dossier to keep unchanged"

# usage_error DESC FORM CMD... — exit 2, the form among the usage lines on
# stderr, the database unchanged
usage_error() {
	d=$1 form=$2; shift 2
	before=$(dbsum "$db")
	run --db "$db" "$@"
	is "$rc" 2 "$d: exit 2"
	printf '%s\n' "$err" | grep -v '^motcua: ' | forms > "$T/uerr"
	grep -Fxq -- "$form" "$T/uerr"; ok "$d: the usage on stderr"
	is "$(dbsum "$db")" "$before" "$d: database unchanged"
}

set -f	# "[--json]" is text here, not a pattern of file names
while IFS= read -r form; do
	set -- $form
	cmd=$2
	# the action: the lower-case word after the command (operands are
	# written in capitals), the first of "telex|vni"
	word=
	case "${3:-}" in [a-z]*) word=${3%%|*} ;; esac
	usage_error "$cmd $word: unknown option" "$form" $cmd $word --no-such-option
	like "$err" "^motcua: unknown option '--no-such-option'" "$cmd $word: names the option"
	# the first option with a value, given without it
	opt=$(printf '%s\n' "$form" | grep -oE '(^| |\[)--[a-z-]+ [^] [|]' | head -1 |
		sed 's/^[ [ ]*//; s/ .*//')
	if [ -n "$opt" ]; then
		usage_error "$cmd $word $opt without a value" "$form" $cmd $word "$opt"
		like "$err" "^motcua: $opt needs a value" "$cmd $word $opt: says it needs a value"
	fi
	# something required (an operand, an option outside brackets) left out
	rest=${form#motcua $cmd}
	[ -z "$word" ] || rest=${rest# $3}
	needs=$(printf '%s\n' "$rest" | awk '{ d = 0
		for (i = 1; i <= length($0); i++) { c = substr($0, i, 1)
			if (c == "[") d++; else if (c == "]") d--
			else if (c != " " && d == 0) { print "yes"; exit } } }')
	if [ -n "$needs" ]; then
		usage_error "$cmd $word with nothing after it" "$form" $cmd $word
		like "$err" "^motcua: $cmd ${word:+$word }needs " "$cmd $word: says what it needs"
	fi
done < "$T/all"
set +f
usage_error "one operand too many" "motcua show CODE [--json]" show "$code" extra
like "$err" "^motcua: unexpected argument 'extra'" "one operand too many: names it"
usage_error "an unknown action" "motcua calendar due [--from \"YYYY-MM-DD HH:MM\"] --limit LIMIT" \
	calendar frob
like "$err" "^motcua: unknown calendar command 'frob': use one of holidays, set, unset, import, due" \
	"an unknown action: lists the actions"
usage_error "two options that exclude each other" \
	"motcua export [--out FILE|DIR] [--for STATION|--all] [--without-files|--files-since DATE] [--password-file FILE]" \
	export --for 1 --all
like "$err" "^motcua: --all does not go with --for" "--for and --all: says so"
usage_error "an option of the other form" "motcua init --from-copy FILE --station N" \
	init --from-copy "$db" --station 2 --unit-code 000.17.22.H56
like "$err" "^motcua: --unit-code does not go with --from-copy" "init --from-copy --unit-code: says so"
usage_error "a flag given a value" "motcua list [--json]" list --json=yes
like "$err" "^motcua: --json takes no value" "--json=yes: says so"
usage_error "an ambiguous abbreviation" \
	"motcua report summary --from DATE --to DATE [--format text|csv|json] [--encoding E]" \
	report summary --f 2026-11-01 --to 2026-11-30
like "$err" "^motcua: '--f' could be --from or --format" "--f in report summary: could be either"
# abbreviations: the command's own options first, then the global ones
is "$(M catalog list --a)" "$(M catalog list --all)" "catalog list --a is --all"
M --officer lan --password-file "$PWF" export --o "$T/abbr.motcua" > /dev/null
test -f "$T/abbr.motcua"; ok "export --o is --out, not the global --officer"
is "$(M catalog list --se khai)" "$(M catalog list --search khai)" "catalog list --se is --search"

# ---- global options after the command ----------------------------------------
for c in "list" "list --json" "show $code" "show $code --json" "history $code" "find An" \
    "due --as-of 2026-11-20" "officer list" "setting list" "catalog list --search khai" \
    "calendar holidays 2026" "report officer --date 2026-11-20" "peers"; do
	a=$("$MOTCUA" --db "$db" $c 2>&1); ra=$?
	b=$("$MOTCUA" $c --db "$db" 2>&1); rb=$?
	is "$rb $b" "$ra $a" "$c: --db PATH after the command"
	b=$("$MOTCUA" $c --db="$db" 2>&1); rb=$?
	is "$rb $b" "$ra $a" "$c: --db=PATH after the command"
done
a=$("$MOTCUA" --db "$db" calendar holidays 2026)
is "$("$MOTCUA" calendar --db "$db" holidays 2026)" "$a" "--db between the command and its action"
# two active officers: receive needs --officer, before or after
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Lê Văn Bình" --id 087084000998 \
	--at "2026-11-20 10:00"
is "$rc" 1 "no --officer with two active officers: exit 1"
like "$err" "--officer USER" "no --officer: says to give it"
run --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Lê Văn Bình" --id 087084000998 \
	--at "2026-11-20 10:00" --officer truong --db "$db"
is "$rc" 0 "receive ... --officer truong --db DB: exit 0"
code2=$(printf '%s\n' "$out" | head -1)
like "$(M show "$code2")" "Officer +truong" "--officer after the command: recorded"
run --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Lê Văn Cường" --id 087084000997 \
	--at "2026-11-20 10:30" --officer=lan --db="$db"
is "$rc" 0 "receive ... --officer=lan --db=DB: exit 0"
like "$(M show "$(printf '%s\n' "$out" | head -1)")" "Officer +lan" "--officer=USER after the command"
run --db "$db" --password-file "$PWF" event "$code2" handover --to "Phạm Văn Tư" --at "2026-11-20 11:00" --officer truong
is "$rc" 0 "event ... --officer after: exit 0"
like "$(M history "$code2")" "truong +handover" "event: --officer after the step recorded"
run list --db "$T/none.db" --lang vi
like "$err" "cơ sở dữ liệu" "--lang vi after the command: the message in Vietnamese"
run list --db "$T/none.db" --lang=en
like "$err" "no database at" "--lang=en after the command"
run list --lang xx
is "$rc" 2 "--lang xx after the command: usage error"
like "$err" "--lang vi" "--lang xx after the command: says which languages exist"
run list --db "$db" --demo
is "$rc" 2 "--demo after a command: usage error"
like "$err" "takes no command" "--demo after a command: says so"
run list --db ""
is "$rc" 2 "an empty --db after the command: usage error"
run calendar due --help
is "$rc" 0 "--help after the action: exit 0"
like "$out" "^usage: motcua calendar holidays" "--help after the action: the command's usage"
run receive --name X --help --bogus
is "$rc" 0 "--help before a bad option: the help wins"

# ---- the receipt options: one group, the same in receive and guide -------------
"$MOTCUA" receive --help | forms > "$T/receive.form"
"$MOTCUA" guide --help | forms > "$T/guide.form"
group=$(sed -n 's/.*\(--procedure .*1,3\]\).*/\1/p' "$T/receive.form")
like "$group" "^--procedure CODE --name NAME --id NUMBER \[--birth" "receive: the receipt options in its usage"
grep -Fq -- "$group" "$T/guide.form"; ok "guide: the same receipt options in its usage"
# what --help says of each
opts() { "$MOTCUA" "$1" --help | awk '/^  --procedure / { on = 1 }
	on && /^  --/ && !/^  --(procedure|name|id|birth|phone|address|email|docs) / { exit } on'; }
is "$(opts guide)" "$(opts receive)" "receive and guide describe the receipt options alike"
test "$(opts receive | grep -c '^  --')" -eq 8; ok "eight receipt options"
# the same bad values, the same refusals
for bad in "--id 123" "--phone 12" "--email nope" "--birth 2099-01-01" "--docs 1,,2" \
    "--docs 7" "--name="; do
	for c in receive guide; do
		refused "$c $bad" "$db" "." --db "$db" --officer lan --password-file "$PWF" $c --procedure 1.001022 \
			--name "Trần Văn Dũng" --id 087084000996 --at "2026-11-20 14:00" $bad
		eval "e_$c=\$err"
	done
	is "$e_guide" "$e_receive" "$bad: guide refuses it as receive does"
done
for c in receive guide; do
	refused "$c: an unknown procedure" "$db" "no procedure has the code 9\.99" --db "$db" \
		--officer lan --password-file "$PWF" $c --procedure 9.99 --name A --id 087084000996
done
for o in procedure name id; do
	for c in receive guide; do
		set -- --procedure 1.001022 --name "Trần Văn Dũng" --id 087084000996
		case $o in
		procedure) shift 2 ;;
		name) set -- "$1" "$2" "$5" "$6" ;;
		id) set -- "$1" "$2" "$3" "$4" ;;
		esac
		usage_error "$c without --$o" "$(cat "$T/$c.form")" --officer lan $c "$@"
		like "$err" "^motcua: $c needs --$o" "$c without --$o: says so"
	done
done
# spelled in full, with '=', abbreviated: the same in both
run --db "$db" --officer lan --password-file "$PWF" guide --proc=1.001022 --nam "Trần Văn Dũng" --id=087084000996 \
	--doc 1 --at "2026-11-20 14:00"
is "$rc" 0 "guide --proc=… --nam … --doc 1: exit 0"
run --db "$db" --officer lan --password-file "$PWF" receive --address "$ADDR" --proc=1.001022 --nam "Trần Văn Dũng" --id=087084000996 \
	--doc all --at "2026-11-20 14:00" --phone=0912.345.678
is "$rc" 0 "receive --proc=… --nam … --doc all: exit 0"
like "$(M show "$(printf '%s\n' "$out" | head -1)")" "Phone +0912345678" "receive: --phone=… recorded"
done_testing

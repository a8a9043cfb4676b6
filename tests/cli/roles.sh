# roles.sh — motcua roles prints core's one table of roles × actions, and
# the man page's ROLES table is that output, line for line.
. "$top_srcdir/tests/cli/lib.sh"
run roles
is "$rc" 0 "roles: exit 0"
like "$out" "^action +officer +supervisor +auditor +what it is" "the heading"
like "$out" "
cancel +- +yes +- +record “Cancelled”" "only a supervisor cancels"
like "$out" "
receive +yes +yes +- +record “Received”" "an officer receives, an auditor does not"
like "$out" "
audit +- +yes +yes +see the audit" "an auditor sees the audit"
is "$(printf '%s\n' "$out" | wc -l)" "$(($(printf '%s\n' "$out" | grep -c '^[a-z]') ))" \
    "every line is a heading or an action"
# the man page's table, between .ft CR and .ft R of the roles section
man=$(sed -n '/^\.SS "roles"/,/^\.SS /p' "$top_srcdir/doc/motcua.1" |
    sed -n '/^\.ft CR/,/^\.ft R/p' | sed '1d;$d' | sed 's/\\-/-/g')
is "$man" "$out" "the man page's table is motcua roles' output"
# in Vietnamese the columns still line up: "có" is two columns, three
# bytes (here one character per column, so a UTF-8 grep counts columns)
vi=$(LANGUAGE=vi "$MOTCUA" roles)
is "$(printf '%s\n' "$vi" | LC_ALL=C.UTF-8 grep -Ecv '^.{14}( .{11}){3} [^ ]')" 0 \
    "Vietnamese: every row's columns start where the heading's do"
like "$vi" "có" "(the Vietnamese table)"
run roles --frob
is "$rc" 2 "a wrong option: usage"
done_testing

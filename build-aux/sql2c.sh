#!/bin/sh
# sql2c.sh FILE... — emit a C file holding each schema step as a string.
# The step number is the leading digits of the file name (001_core.sql → 1).
set -eu
echo '/* Generated from the schema files by build-aux/sql2c.sh: do not edit. */'
echo '#include "schema.h"'
echo 'const struct schema_step schema_steps[] = {'
for f in "$@"; do
	base=$(basename "$f")
	num=$(printf '%s' "$base" | sed 's/^0*\([0-9][0-9]*\)_.*/\1/')
	printf '\t{%s, "%s",\n' "$num" "$base"
	# escape backslashes and quotes; one C string line per SQL line
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t "/' -e 's/$/\\n"/' "$f"
	printf '\t},\n'
done
echo '};'
echo 'const int schema_nsteps = sizeof schema_steps / sizeof schema_steps[0];'

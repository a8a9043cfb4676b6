#!/bin/sh
# text2c.sh NAME FILE — emit a C file defining `const char NAME[]` with the
# file's text, so data the program needs travels inside the binary.
set -eu
echo "/* Generated from $(basename "$2") by build-aux/text2c.sh — do not edit. */"
echo "const char $1[] ="
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$2"
echo ';'

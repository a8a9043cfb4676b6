# print.sh — printing back ends: ESC/POS to a file (exact bytes), the
# receipt layout, the file back end, a command reading standard input,
# the print settings' checks.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
# the printer gets the text slip here (lp's PDF: tests/cli/pdf.sh)
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_format text >/dev/null
code=$("$MOTCUA" --db "$db" --password-file "$PWF" receive --procedure 1.001022 --name "Trần Thị Bích Ngọc" --id 087184000123 \
	--phone 0912345678 --address "Ấp 1" --docs 1,2 --at "2026-11-20 16:10" </dev/null | head -1)

# widest FILE — the widest line, in columns (UTF-8 locale)
widest() { wc -L < "$1" | tr -d " "; }

# ---- settings: refusals leave the database unchanged
refused "bad paper width" "$db" "not a value for paper_width" --db "$db" --password-file "$PWF" setting set paper_width 76
refused "bad code page" "$db" "not a value for escpos_codepage.*52" --db "$db" --password-file "$PWF" setting set escpos_codepage 437
refused "code page not a number" "$db" "not a code page" --db "$db" --password-file "$PWF" setting set escpos_codepage x52
refused "TCVN-3 without iconv" "$db" "TCVN-3" --db "$db" --password-file "$PWF" setting set escpos_codepage 30
refused "bad back end" "$db" "not a value for print_backend" --db "$db" --password-file "$PWF" setting set print_backend cups
refused "bad QR flag" "$db" "not a value for escpos_qr" --db "$db" --password-file "$PWF" setting set escpos_qr 2
run --db "$db" setting get paper_width
is "$out" 80 "paper_width still its default"

# ---- ESC/POS to a file, exact bytes: a small receipt template
mkdir -p "$T/templates"
printf 'Hồ sơ {{code}}\n{{applicant}}\n' > "$T/templates/mau01-receipt58.txt"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_backend escpos >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_device "$T/printer.bin" >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set paper_width 58 >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set escpos_qr 1 >/dev/null
run --db "$db" slip "$code" --print
is "$rc" 0 "escpos: slip --print exit 0"
# ESC @, ESC t 52; "Hồ sơ" = H, ô + grave (F4 CC), s, ơ (F5); "Trần Thị Bích
# Ngọc"; the 31-column cut line between the copies; the QR (model 2, size
# 4, level M, store 25+3 bytes, print) and the cut after each copy
qr() {
	printf '\033a\001\035(k\004\0001A2\000\035(k\003\0001C\004\035(k\003\0001E1'
	printf '\035(k\034\0001P0%s\035(k\003\0001Q0\n\033a\000' "$code"
}
{
	printf '\033@\033t\064'
	printf 'H\364\314 s\365 %s\nTr\342\314n Thi\362 B\355ch Ngo\362c\n' "$code"
	printf '\n- - - - - - - - - - - - - - - -\n'
	qr
	printf '\035VB\000'
	printf 'H\364\314 s\365 %s\nTr\342\314n Thi\362 B\355ch Ngo\362c\n' "$code"
	qr
	printf '\035VB\000'
} > "$T/want.bin"
cmp -s "$T/printer.bin" "$T/want.bin"; ok "escpos: the exact bytes"
rm "$T/templates/mau01-receipt58.txt"

# the built-in receipt layouts fit the paper
run --db "$db" slip "$code"
printf '%s\n' "$out" > "$T/r58.txt"
is "$(widest "$T/r58.txt")" 32 "escpos back end: slip shows the 58 mm layout (32 columns)"
like "$out" "GIẤY TIẾP NHẬN HỒ SƠ" "receipt layout: the title"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set paper_width 80 >/dev/null
run --db "$db" slip "$code" --print
is "$rc" 0 "escpos 80 mm: printed"
"$MOTCUA" --db "$db" slip "$code" --layout receipt --out "$T/r80.txt"
is "$(widest "$T/r80.txt")" 48 "--layout receipt: 48 columns on 80 mm paper"
"$MOTCUA" --db "$db" slip "$code" --layout a5 --out "$T/a5.txt"
like "$(widest "$T/a5.txt")" "^7[0-9]$" "--layout a5: the A5 form"
run --db "$db" slip "$code" --layout wide
is "$rc" 2 "--layout wide: usage error" 
like "$err" "no layout 'wide'" "--layout wide: says why"
run --db "$db" slip "$code" --form 02 --layout receipt
is "$rc" 0 "Mẫu 02 in the receipt layout"
like "$out" "PHIẾU YÊU CẦU BỔ SUNG" "Mẫu 02 receipt: the title"

# a printer that is not there
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_device "$T/no/such/printer" >/dev/null
run --db "$db" slip "$code" --print
is "$rc" 1 "escpos: a missing printer fails"
like "$err" "printing failed.*no/such/printer" "escpos: says which printer"

# ---- the file back end: the A5 text as it is
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_backend file >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_device "$T/paper.txt" >/dev/null
run --db "$db" slip "$code" --print
is "$rc" 0 "file back end: exit 0"
cmp -s "$T/paper.txt" "$T/slips/mau01-$code.txt"; ok "file back end: the saved slip"

# ---- the command back end: the document on standard input
cat > "$T/rawlp" <<EOF
#!/bin/sh
cat > "$T/stdin.txt"
EOF
chmod +x "$T/rawlp"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_backend command >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command "$T/rawlp" >/dev/null
run --db "$db" slip "$code" --print
is "$rc" 0 "command back end: exit 0"
cmp -s "$T/stdin.txt" "$T/slips/mau01-$code.txt"; ok "command back end: the slip on stdin"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command false >/dev/null
refused "command fails" "$db" "printing failed.*false exited with status 1" --db "$db" slip "$code" --print

done_testing

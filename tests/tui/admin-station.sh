# admin-station.sh — F9 This station: the unit's name and code, the
# station number and identity, the database's path and size, and the
# last backup (the day's, written at the start; then the newest file of
# the backups folder).
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"
id=$(q "SELECT value FROM meta WHERE key = 'station_id'")

start lan "XDG_DATA_HOME='$T/xdg'"
tm send-keys F9
wait_for "5  This station"
tm send-keys 5
wait_for "Unit code:"; ok "5 shows this station"
s=$(screen)
like "$s" "Unit: +UBND xã Mỹ An" "the unit's name"
like "$s" "Unit code: +000\.17\.22\.H56" "the unit code"
like "$s" "Station number: +1" "the station number"
like "$s" "Station identity: +$id" "the station's identity"
fpr=$("$MOTCUA" --db "$db" station show | sed -n 's/^fingerprint: //p')
like "$fpr" "^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$" "(station show: the fingerprint)"
like "$s" "Key fingerprint: +$fpr" "the key's fingerprint, as station show prints it"
like "$s" "Database: +$db" "the database's path"
like "$s" "Size on disk: +[0-9]+ (bytes|KiB|MiB)" "its size"
like "$s" "Last backup: +motcua-000\.17\.22\.H56-1-20261120-0900\.db " \
	"the day's backup, written at the start"

# the folder without it: the newest of two other files
rm "$T/xdg/motcua/backups/motcua-000.17.22.H56-1-20261120-0900.db"
echo old > "$T/xdg/motcua/backups/motcua-2026-11-18.db"
touch -d "2026-11-18 20:00" "$T/xdg/motcua/backups/motcua-2026-11-18.db"
echo new > "$T/xdg/motcua/backups/motcua-2026-11-19.db"
touch -d "2026-11-19 20:00" "$T/xdg/motcua/backups/motcua-2026-11-19.db"
tm send-keys Escape
wait_for "5  This station"
tm send-keys 5
wait_for "Unit code:"
like "$(screen)" "Last backup: +motcua-2026-11-19\.db \(2026-11-19 20:00\)" \
	"the newest file of the backups folder, and when"
like "$(screen)" "Backups folder: +$T/xdg/motcua/backups" "... and the folder"
done_testing

/* s-sync.c — F7: sync by file.  The mounted removable media are listed
 * (s-sync-media.c: /media and /run/media, or the folders of MOTCUA_MEDIA);
 * e writes a bundle of the events the chosen station lacks (or every
 * event) into the chosen medium, i imports every *.motcua file at its
 * top, one after the other, each with what came in or the core's
 * refusal.  A bar follows the core's progress callback on large files.
 * The stations list (sync_peers) shows what we hold of each and when we
 * last heard from it; Tab moves there to choose whom the export is for.
 * b writes a checked backup of the database onto the chosen medium.
 * Each step is also a command: motcua export, import, peers, backup. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "motcua/i18n.h"
#include "motcua/key.h"
#include "motcua/trust.h"
#include "motcua/sync.h"
#include "s-sync.h"
#include "ui-int.h"

#define PEER_MAX 64
#define LOG_MAX 64
#define MEDIA_H 3	/* rows of the media list */
#define PEERS_H 5	/* rows of the stations list (the first: every event) */
#define BAR_Y 16

struct peer {
	char id[40], unit[32], heard[32];
	int number;
	bool self;
	long long events;
};

struct st_sync {
	struct medium media[MEDIA_MAX];
	size_t nmedia;
	struct w_list mlist;
	struct peer peers[PEER_MAX];
	size_t npeers;
	struct w_list plist;	/* row 0: every event; row i: peers[i - 1] */
	bool on_peers;		/* Tab: the stations list has the focus */
	time_t scanned;
	char log[LOG_MAX][300];
	size_t nlog;
	char doing[160];	/* the bar's label; "" before any transfer */
	long long done, total;
	int pct;
};

static void
scan(struct st_sync *s)
{
	char keep[512] = "";

	if (s->mlist.sel < s->nmedia)
		snprintf(keep, sizeof keep, "%s", s->media[s->mlist.sel].path);
	s->nmedia = media_scan(s->media, MEDIA_MAX);
	s->mlist.n = s->nmedia;
	for (size_t i = 0; i < s->nmedia; i++)
		if (strcmp(s->media[i].path, keep) == 0)
			s->mlist.sel = i;	/* the same stick stays chosen */
	s->scanned = time(NULL);
}

static int
add_peer(const struct sync_peer *p, void *arg)
{
	struct st_sync *s = arg;
	struct peer *q;

	if (s->npeers >= PEER_MAX)
		return 1;
	q = &s->peers[s->npeers++];
	snprintf(q->id, sizeof q->id, "%s", p->id);
	snprintf(q->unit, sizeof q->unit, "%s", p->unit);
	snprintf(q->heard, sizeof q->heard, "%s", p->heard);
	q->number = p->number;
	q->self = p->self;
	q->events = p->events;
	return 0;
}

static void
load_peers(struct ui *u, struct st_sync *s)
{
	struct mc_err err;

	s->npeers = 0;
	if (sync_peers(u->db, add_peer, s, &err) != 0)
		ui_error(u, "%s", err.msg);
	s->plist.n = s->npeers + 1;
}

static void
say(struct st_sync *s, const char *fmt, ...) MC_PRINTF(2, 3);
static void
say(struct st_sync *s, const char *fmt, ...)
{
	va_list ap;

	if (s->nlog >= LOG_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(s->log[s->nlog++], sizeof s->log[0], fmt, ap);
	va_end(ap);
}

/* "[████░░░░]  45%  (450/1000)  Importing x.motcua (1/3)" on its line. */
static void
draw_bar(const struct st_sync *s)
{
	char tail[64];
	int x, width = 20, pct = s->pct < 0 ? 0 : s->pct, fill = pct * width / 100;

	move(BAR_Y, 0);
	clrtoeol();
	if (s->doing[0] == '\0')
		return;
	mvaddstr(BAR_Y, 2, "[");
	for (int i = 0; i < width; i++)
		addstr(i < fill ? "█" : "░");
	snprintf(tail, sizeof tail, "] %3d%%  (%lld/%lld)  ", pct, s->done, s->total);
	x = 3 + width;
	x += draw_text(BAR_Y, x, tail, COLS - x - 1, false);
	draw_text(BAR_Y, x, s->doing, COLS - x - 1, false);
}

/* The core calls this now and then: redraw the bar when the percentage
 * moves (the main loop is not running until the transfer ends). */
static void
progress(long long done, long long total, void *arg)
{
	struct st_sync *s = arg;
	int pct = total > 0 ? (int)(done * 100 / total) : 100;

	s->done = done;
	s->total = total;
	if (pct == s->pct)
		return;
	s->pct = pct > 100 ? 100 : pct;
	draw_bar(s);
	refresh();
}

static void
begin(struct st_sync *s, const char *label)
{
	snprintf(s->doing, sizeof s->doing, "%s", label);
	s->done = s->total = 0;
	s->pct = 0;
	draw_bar(s);
	refresh();
	s->pct = -1;	/* the first callback always draws */
}

static const char *
base(const char *p)
{
	const char *b = strrchr(p, '/');

	return b != NULL ? b + 1 : p;
}

static void
do_export(struct ui *u, struct st_sync *s)
{
	const struct medium *m = &s->media[s->mlist.sel];
	const struct peer *to = s->plist.sel > 0 ? &s->peers[s->plist.sel - 1] : NULL;
	char out[1024], label[160];
	long long count = 0;
	struct mc_err err;

	if (to != NULL && to->self)
		to = NULL;	/* "for this station": every event */
	s->nlog = 0;
	snprintf(label, sizeof label, _("Exporting to %s"), base(m->path));
	begin(s, label);
	if (sync_export(u->db, u->officer.username, to != NULL ? to->id : NULL, m->path, out, sizeof out, &count,
	    progress, s, &err) != 0) {
		say(s, _("Export failed: %s"), err.msg);
		s->doing[0] = '\0';
		ui_error(u, "%s", err.msg);
	} else {
		s->done = s->total = count;
		s->pct = 100;
		say(s, ngettext("Exported %lld event into %s", "Exported %lld events into %s",
		    (unsigned long)count), count, out);
		ui_msg(u, ngettext("%lld event written to %s", "%lld events written to %s",
		    (unsigned long)count), count, base(out));
	}
	scan(s);
}

/* b: a checked backup of the whole database onto the chosen medium
 * (ui-backup.c), its file named by the unit, station and time. */
static void
do_backup(struct ui *u, struct st_sync *s)
{
	char msg[1024];

	s->nlog = 0;
	if (ui_backup_to(u, s->media[s->mlist.sel].path, msg, sizeof msg) != 0) {
		say(s, "%s", msg);
		ui_error(u, "%s", msg);
	} else {
		say(s, "%s", msg);
		ui_msg(u, "%s", msg);
	}
	scan(s);
}

/* "station 2 (000.17.22.H56)" for a station id, as the peers know it. */
static void
station_name(const struct st_sync *s, const char *id, char *buf, size_t n)
{
	for (size_t i = 0; i < s->npeers; i++)
		if (strcmp(s->peers[i].id, id) == 0) {
			snprintf(buf, n, _("station %d (%s)"), s->peers[i].number,
			    s->peers[i].unit);
			return;
		}
	snprintf(buf, n, "%s", id);
}

static void
import_one(struct ui *u, struct st_sync *s, const char *path, size_t i, size_t n,
    long long *added, int *refused)
{
	struct sync_report r;
	struct mc_err err;
	char label[160], who[80];

	snprintf(label, sizeof label, _("Importing %s (%zu/%zu)"), base(path), i + 1, n);
	begin(s, label);
	memset(&r, 0, sizeof r);
	if (sync_import(u->db, u->officer.username, path, false, &r, progress, s, &err) != 0) {
		say(s, _("%s: refused: %s"), base(path), err.msg);
		s->doing[0] = '\0';	/* no bar for a file that was not read */
		(*refused)++;
		return;
	}
	s->done = s->total = r.events_new + r.events_known;
	s->pct = 100;
	*added += r.events_new;
	load_peers(u, s);	/* a new sender gets its name */
	station_name(s, r.sender, who, sizeof who);
	if (strcmp(r.kind, "catalog") == 0)
		say(s, _("%s: catalog version %lld applied (from %s)"), base(path), r.version,
		    who);
	else if (strcmp(r.kind, "calendar") == 0)
		say(s, _("%s: calendar version %lld applied (from %s)"), base(path), r.version,
		    who);
	else if (r.events_new == 0)
		say(s, _("%s: nothing new (from %s, %lld events already held)"), base(path),
		    who, r.events_known);
	else
		say(s, _("%s: from %s: new events %lld, already held %lld, new dossiers "
		    "%lld, dossiers updated %lld"), base(path), who, r.events_new,
		    r.events_known, r.dossiers_new, r.dossiers_touched);
	if (r.gaps > 0)
		say(s, _("  events of %d station(s) are still missing before these: import "
		    "their older bundles too"), r.gaps);
}

static void
do_import(struct ui *u, struct st_sync *s)
{
	const struct medium *m = &s->media[s->mlist.sel];
	char **files = calloc(BUNDLES_MAX, sizeof *files);
	size_t n;
	long long added = 0;
	int refused = 0;

	if (files == NULL) {
		ui_error(u, "%s", _("out of memory"));
		return;
	}
	n = media_bundles(m->path, files, BUNDLES_MAX);
	s->nlog = 0;
	if (n == 0)
		ui_error(u, _("There is no *.motcua file at the top of %s."), m->path);
	for (size_t i = 0; i < n; i++)
		import_one(u, s, files[i], i, n, &added, &refused);
	media_free(files, n);
	free(files);
	if (added > 0) {
		u->gen++;	/* the screens below reload */
		ui_count_due(u);
	}
	if (refused > 0)
		ui_error(u, _("%zu file(s) read, %d refused; new events: %lld"), n, refused,
		    added);
	else if (n > 0)
		ui_msg(u, _("%zu file(s) read; new events: %lld"), n, added);
	load_peers(u, s);
}

static void
media_row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	const struct medium *m = &((const struct st_sync *)arg)->media[i];
	char n[64];

	(void)u;
	(void)sel;
	snprintf(n, sizeof n, ngettext("%d bundle", "%d bundles", (unsigned long)m->bundles),
	    m->bundles);
	draw_text(y, x + 2, m->path, width - 20, false);
	draw_text_right(y, x + width - 2, n);
}

static void
peer_row(struct ui *u, void *arg, size_t i, int y, int x, int width, bool sel)
{
	const struct st_sync *s = arg;
	const struct peer *p;
	char num[16], ev[32], heard[32];

	(void)u;
	(void)sel;
	if (i == 0) {
		draw_text(y, x + 2, _("(any station: every event)"), width - 4, false);
		return;
	}
	p = &s->peers[i - 1];
	snprintf(num, sizeof num, "%d", p->number);
	snprintf(ev, sizeof ev, "%lld", p->events);
	/* ISO time → "YYYY-MM-DD HH:MM" */
	snprintf(heard, sizeof heard, "%.16s", p->heard);
	if (strlen(heard) > 10)
		heard[10] = ' ';
	draw_text(y, x + 2, num, 9, false);
	draw_text(y, x + 12, p->unit, 20, false);
	draw_text_right(y, x + 47, ev);
	draw_text(y, x + 50, p->self ? _("this station") : heard[0] ? heard : _("never"),
	    width - 52, false);
}

static void
draw(struct ui *u, void *st)
{
	struct st_sync *s = st;
	const struct peer *to;
	char line[600], roots[1024];
	bool env;
	int y;

	if (time(NULL) - s->scanned >= 2)
		scan(s);	/* a stick plugged in meanwhile shows up */
	attrset(draw_attr(s->on_peers ? AT_NORMAL : AT_TITLE));
	draw_text(2, 1, _("Removable media (↑ ↓ choose)"), COLS - 2, false);
	attrset(A_NORMAL);
	if (s->nmedia == 0) {
		snprintf(roots, sizeof roots, "%s", media_roots(&env));
		snprintf(line, sizeof line, _("No removable medium is mounted (looked in %s). "
		    "Plug in the USB stick and wait for it to be opened, or mount it (udisksctl "
		    "mount -b /dev/sdb1); it shows up here by itself."), roots);
		draw_wrap(3, 2, line, COLS - 4, MEDIA_H);
	}
	w_list_draw(u, &s->mlist, 3, 0, MEDIA_H, COLS, media_row, s);
	attrset(draw_attr(s->on_peers ? AT_TITLE : AT_NORMAL));
	draw_text(7, 1, _("Stations (Tab: choose whom the export is for)"), COLS - 2, false);
	attrset(A_NORMAL);
	draw_text(8, 2, _("Station"), 9, false);
	draw_text(8, 12, _("Unit"), 20, false);
	draw_text_right(8, 47, _("Events held"));
	draw_text(8, 50, _("Last heard"), COLS - 52, false);
	w_list_draw(u, &s->plist, 9, 0, PEERS_H, COLS, peer_row, s);
	to = s->plist.sel > 0 ? &s->peers[s->plist.sel - 1] : NULL;
	/* TRANSLATORS: "e" and "i" are the keys: keep them first */
	if (to != NULL && !to->self)
		snprintf(line, sizeof line, _("e  export what station %d lacks"), to->number);
	else
		snprintf(line, sizeof line, "%s", _("e  export every event"));
	draw_text(14, 2, line, COLS - 4, false);
	draw_text(15, 2, _("i  import every *.motcua file at the top of the medium"),
	    COLS - 4, false);
	draw_bar(s);
	y = BAR_Y + 1;
	for (size_t i = s->nlog > (size_t)(LINES - 3 - y) ? s->nlog - (size_t)(LINES - 3 - y) :
	    0; i < s->nlog && y < LINES - 2; i++)
		y += draw_wrap(y, 2, s->log[i], COLS - 4, LINES - 2 - y);
}

static bool
key(struct ui *u, void *st, int k, enum act a)
{
	struct st_sync *s = st;

	(void)k;
	if (a == ACT_NEXT || a == ACT_PREV) {
		s->on_peers = !s->on_peers;
		return true;
	}
	if (w_list_key(s->on_peers ? &s->plist : &s->mlist, a, s->on_peers ? PEERS_H :
	    MEDIA_H))
		return true;
	if (a != ACT_EXPORT && a != ACT_IMPORT && a != ACT_BACKUP)
		return false;
	scan(s);
	if (s->nmedia == 0)
		ui_error(u, "%s", _("no removable medium: plug in the USB stick first"));
	else if (a == ACT_BACKUP)
		do_backup(u, s);
	else if (a == ACT_EXPORT)
		do_export(u, s);
	else
		do_import(u, s);
	return true;
}

/* This station's key and any clone alarm, first in the log: the
 * supervisor reads the fingerprint out to enrol this station elsewhere. */
static void
say_keys(struct ui *u, struct st_sync *s)
{
	char pub[MC_KEY_HEX], fpr[MC_FPR_LEN];
	struct mc_err err;
	long long alarms;

	if (key_public(u->db, pub, &err) != 0) {
		say(s, "%s", err.msg);
		return;
	}
	key_fingerprint(pub, fpr);
	say(s, _("This station's key: %s (other stations trust it by this fingerprint)"), fpr);
	if ((alarms = trust_alarms(u->db, &err)) > 0)
		say(s, _("CLONE ALARM: two PCs speak as one station (%lld events); its bundles "
		    "are refused until a supervisor acts: see 'motcua station list' and CLONED "
		    "STATIONS in the manual"), alarms);
}

static void
enter(struct ui *u, void *st)
{
	scan(st);
	load_peers(u, st);
	say_keys(u, st);
}

static const enum act hints[] = {
	ACT_HELP, ACT_EXPORT, ACT_IMPORT, ACT_BACKUP, ACT_UP, ACT_DOWN, ACT_NEXT, ACT_BACK,
	ACT_NONE,
};

static const struct screen_ops screen_sync = {
	N_("Sync by file"), sizeof(struct st_sync), enter, draw, key, NULL, hints, KM_SYNC, NULL,
};

void
sync_open(struct ui *u)
{
	ui_push(u, &screen_sync, NULL);
}

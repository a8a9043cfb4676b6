/* doctor-dev.c — doctor.h's checks of the devices: the printer (the print
 * command and its CUPS queue, through `lpstat -p -d`; or the device that
 * the file and escpos back ends write), the receipt printer's code page,
 * and the scanner.
 *
 * lpstat and the scanner are asked in a child process with a time limit:
 * CUPS may not answer, and a SANE backend may block for ever on a scanner
 * that is switched off (its sane_open or sane_get_devices never return).
 * A child that takes too long is killed; the program goes on. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "motcua/doctor.h"
#include "motcua/i18n.h"
#include "motcua/print.h"
#include "motcua/scan.h"

static void item_say(struct doctor_item *it, bool ok, const char *fmt, ...) MC_PRINTF(3, 4);
static void
item_say(struct doctor_item *it, bool ok, const char *fmt, ...)
{
	va_list ap;

	it->ok = ok;
	va_start(ap, fmt);
	vsnprintf(it->advice, sizeof it->advice, fmt, ap);
	va_end(ap);
}

int
doctor_which(const char *name, const char *path, char *buf, size_t n)
{
	const char *p = path;

	if (name[0] == '\0')
		return 0;
	if (strchr(name, '/') != NULL) {
		snprintf(buf, n, "%s", name);
		return access(buf, X_OK) == 0 ? 1 : 0;
	}
	while (p != NULL && *p != '\0') {
		const char *colon = strchr(p, ':');
		size_t len = colon != NULL ? (size_t)(colon - p) : strlen(p);
		struct stat sb;

		/* an empty entry is the current folder, as the shell has it */
		snprintf(buf, n, "%.*s/%s", (int)(len > 0 ? len : 1), len > 0 ? p : ".", name);
		if (stat(buf, &sb) == 0 && S_ISREG(sb.st_mode) && access(buf, X_OK) == 0)
			return 1;
		p = colon != NULL ? colon + 1 : NULL;
	}
	return 0;
}

/* ---- a child with a time limit ------------------------------------------------ */

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read what child `pid` writes on fd until it closes it, at most n - 1
 * bytes (the rest is read and dropped), within ms milliseconds; then reap
 * it.  0 with *status (waitpid's), or 1 when the time ran out (the child
 * killed).  fd is closed. */
static int
child_collect(pid_t pid, int fd, int ms, char *buf, size_t n, size_t *len, int *status)
{
	long long end = now_ms() + ms;
	int timed_out = 0;

	*len = 0;
	*status = 0;
	for (;;) {
		struct pollfd pf = {.fd = fd, .events = POLLIN};
		long long left = end - now_ms();
		char tmp[512];
		ssize_t got;
		int rc;

		if (left <= 0) {
			timed_out = 1;
			break;
		}
		rc = poll(&pf, 1, (int)left);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc <= 0) {
			timed_out = rc == 0;
			break;
		}
		got = read(fd, tmp, sizeof tmp);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		for (ssize_t i = 0; i < got && *len + 1 < n; i++)
			buf[(*len)++] = tmp[i];
	}
	buf[*len] = '\0';
	close(fd);
	if (timed_out)
		kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return timed_out;
}

/* In a child: standard input and the outputs not wanted to /dev/null. */
static void
child_quiet(int keep_out)
{
	int nul = open("/dev/null", O_RDWR);

	if (nul < 0)
		return;
	dup2(nul, 0);
	if (!keep_out) {
		dup2(nul, 1);
		dup2(nul, 2);
	}
	if (nul > 2)
		close(nul);
}

/* ---- the printer ------------------------------------------------------------------ */

/* The CUPS queue a print command names: lp's -d NAME (-dNAME), lpr's -P
 * NAME (-PNAME); "" for the default. */
static void
command_queue(const char *command, bool lpr, char *q, size_t n)
{
	char words[1024];
	const char *opt = lpr ? "-P" : "-d";
	char *save = NULL, *w;

	q[0] = '\0';
	snprintf(words, sizeof words, "%s", command);
	for (w = strtok_r(words, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save)) {
		if (strcmp(w, opt) == 0) {
			if ((w = strtok_r(NULL, " ", &save)) != NULL)
				snprintf(q, n, "%s", w);
			return;
		}
		if (strncmp(w, opt, 2) == 0 && w[2] != '\0') {
			snprintf(q, n, "%s", w + 2);
			return;
		}
	}
}

/* What `lpstat -p -d` says (LC_ALL=C, so in English) of queue q ("" for
 * the default, whose name goes into q): 1 enabled, 0 disabled, -1 not
 * listed. */
static int
lpstat_queue(const char *out, char *q, size_t n)
{
	const char *line = out;

	if (q[0] == '\0') {
		const char *d = strstr(out, "system default destination: ");

		if (d == NULL)
			return -1;
		d += strlen("system default destination: ");
		snprintf(q, n, "%.*s", (int)strcspn(d, " \r\n"), d);
	}
	while (line != NULL && *line != '\0') {
		size_t ql = strlen(q);

		/* "printer NAME is idle.  enabled since …", "printer NAME now
		 * printing …", "printer NAME disabled since …" */
		if (strncmp(line, "printer ", 8) == 0 && strncmp(line + 8, q, ql) == 0 &&
		    line[8 + ql] == ' ') {
			const char *eol = strchr(line, '\n');
			size_t ll = eol != NULL ? (size_t)(eol - line) : strlen(line);
			const char *dis = strstr(line, "disabled");

			return dis != NULL && (size_t)(dis - line) < ll ? 0 : 1;
		}
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	return -1;
}

static void
check_cups(const struct doctor_env *env, const char *command, bool lpr,
    struct doctor_item *it)
{
	char q[256], out[8192], first[200];
	const char *argv[] = {"lpstat", "-p", "-d", NULL};
	size_t len;
	int fds[2], status, state;
	pid_t pid;

	command_queue(command, lpr, q, sizeof q);
	if (env->lpstat == NULL || access(env->lpstat, X_OK) != 0) {
		item_say(it, false, "%s", _("lpstat is missing, so the printer's queue cannot "
		    "be checked: install the packages cups and cups-client"));
		return;
	}
	if (pipe(fds) != 0 || (pid = fork()) < 0) {
		item_say(it, false, _("lpstat cannot be run (%s): try again"), strerror(errno));
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		child_quiet(1);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[1]);
		/* lpstat's words are parsed: its English ones */
		setenv("LC_ALL", "C", 1);
		unsetenv("LANGUAGE");
		execv(env->lpstat, (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	if (child_collect(pid, fds[0], env->lpstat_ms, out, sizeof out, &len, &status)) {
		item_say(it, false, _("CUPS did not answer lpstat within %d seconds: restart "
		    "it (sudo systemctl restart cups), then check again"),
		    env->lpstat_ms / 1000);
		return;
	}
	state = lpstat_queue(out, q, sizeof q);
	snprintf(first, sizeof first, "%.*s", (int)strcspn(out, "\n"), out);
	if (state < 0 && (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
		item_say(it, false, _("CUPS does not answer (%s): install and start it (sudo "
		    "apt install cups; sudo systemctl start cups)"),
		    first[0] != '\0' ? first : _("lpstat failed"));
	else if (state < 0 && q[0] == '\0')
		item_say(it, false, "%s", _("no printer queue is chosen: make one the default "
		    "(sudo lpadmin -d NAME) or name it in print_command (lp -d NAME, F9 → "
		    "Settings)"));
	else if (state < 0)
		item_say(it, false, _("CUPS has no printer queue '%s': add the printer "
		    "(http://localhost:631), or set print_command to a queue 'lpstat -p' "
		    "lists (F9 → Settings)"), q);
	else if (state == 0)
		item_say(it, false, _("the printer queue '%s' is stopped: switch the printer "
		    "on, check its paper, then run 'cupsenable %s'"), q, q);
	else
		item_say(it, true, _("queue %s, ready"), q);
}

/* A device or file the file and escpos back ends write. */
static void
check_device(const char *dev, struct doctor_item *it)
{
	char dir[4096];
	const char *slash;

	if (dev[0] == '\0') {
		item_say(it, false, "%s", _("print_device is empty: set it to the printer "
		    "(such as /dev/usb/lp0) in F9 → Settings"));
		return;
	}
	if (access(dev, F_OK) == 0) {
		if (access(dev, W_OK) == 0)
			item_say(it, true, "%s", dev);
		else
			item_say(it, false, _("this account may not write to %s: ask the "
			    "technician to add it to the group lp, then log in again"), dev);
		return;
	}
	if (strncmp(dev, "/dev/", 5) == 0) {
		item_say(it, false, _("the printer %s is not there: plug it in and switch it "
		    "on, or set print_device (F9 → Settings)"), dev);
		return;
	}
	/* a file not written yet: its folder must take it */
	slash = strrchr(dev, '/');
	snprintf(dir, sizeof dir, "%.*s", slash == NULL ? 1 : slash == dev ? 1 :
	    (int)(slash - dev), slash == NULL ? "." : dev);
	if (access(dir, W_OK) == 0)
		item_say(it, true, "%s", dev);
	else
		item_say(it, false, _("the folder of print_device (%s) cannot be written: set "
		    "print_device to a file in a folder that can (F9 → Settings)"), dir);
}

void
doctor_printer(sqlite3 *db, const struct doctor_env *env, struct doctor_item *it)
{
	struct print_opts o;
	struct mc_err err;
	char prog[1024], found[4096];
	const char *base;

	if (print_options(db, &o, &err) != 0) {
		item_say(it, false, "%s", err.msg);
		return;
	}
	if (o.backend != PRINT_COMMAND) {
		check_device(o.device, it);
		return;
	}
	snprintf(prog, sizeof prog, "%.*s", (int)strcspn(o.command, " "), o.command);
	if (doctor_which(prog, env->path, found, sizeof found) != 1) {
		item_say(it, false, _("the print command '%s' is not installed: install the "
		    "package cups-client (for lp), or set print_command (F9 → Settings)"), prog);
		return;
	}
	base = strrchr(prog, '/') != NULL ? strrchr(prog, '/') + 1 : prog;
	if (strcmp(base, "lp") == 0 || strcmp(base, "lpr") == 0)
		check_cups(env, o.command, strcmp(base, "lpr") == 0, it);
	else
		item_say(it, true, _("print_command is %s, not CUPS's lp: not checked further"),
		    prog);
}

void
doctor_codepage(sqlite3 *db, struct doctor_item *it)
{
	struct print_opts o;
	struct mc_err err;
	const char *enc;

	if (print_options(db, &o, &err) != 0) {
		item_say(it, false, "%s", err.msg);
		return;
	}
	if (o.backend != PRINT_ESCPOS)
		item_say(it, true, "%s", _("not used: print_backend is not escpos"));
	else if ((enc = print_codepage_encoding(o.codepage, &err)) == NULL)
		item_say(it, false, "%s", err.msg);
	else
		item_say(it, true, _("ESC t %d (%s)"), o.codepage, enc);
}

/* ---- the scanner ----------------------------------------------------------------- */

/* The probe's cancel: asked before the first page is started, so the
 * scanner is opened and its options set, and nothing is scanned. */
static int
probe_cancel(void *arg)
{
	(void)arg;
	return 1;
}

/* What the child hands back. */
struct probe_answer {
	int rc;
	char msg[sizeof ((struct mc_err *)0)->msg];
};

void
doctor_scanner(sqlite3 *db, const struct doctor_env *env, struct doctor_item *it)
{
	struct scan_request req;
	struct probe_answer ans;
	struct mc_err err;
	char buf[sizeof ans + 1];
	size_t len;
	int fds[2], status;
	pid_t pid;

	if (scan_request_from_settings(db, &req, &err) != 0) {
		item_say(it, false, "%s", err.msg);
		return;
	}
	if (req.device[0] == '\0') {
		item_say(it, true, "%s", _("no scanner set in scan_device"));
		return;
	}
	req.cancel = probe_cancel;
	if (pipe(fds) != 0 || (pid = fork()) < 0) {
		item_say(it, false, _("the scanner cannot be checked (%s): try again"),
		    strerror(errno));
		return;
	}
	if (pid == 0) {
		/* the child: SANE's messages would land on the screen */
		close(fds[0]);
		child_quiet(0);
		memset(&ans, 0, sizeof ans);
		/* the path is never written: the scan stops before its first page */
		ans.rc = scan_document(&req, "/dev/null", &err);
		snprintf(ans.msg, sizeof ans.msg, "%s", ans.rc == -1 ? err.msg : "");
		if (write(fds[1], &ans, sizeof ans) != (ssize_t)sizeof ans)
			_exit(1);
		/* _exit: nothing of the parent's (the database, curses) is
		 * flushed or closed twice */
		_exit(0);
	}
	close(fds[1]);
	if (child_collect(pid, fds[0], env->scan_ms, buf, sizeof buf, &len, &status)) {
		item_say(it, false, _("the scanner %s did not answer within %d seconds: check "
		    "its cable and power, switch it off and on, then check again"), req.device,
		    env->scan_ms / 1000 > 0 ? env->scan_ms / 1000 : 1);
		return;
	}
	if (len != sizeof ans) {
		item_say(it, false, _("the check of the scanner %s stopped without an answer: "
		    "switch the scanner off and on, then check again"), req.device);
		return;
	}
	memcpy(&ans, buf, sizeof ans);
	ans.msg[sizeof ans.msg - 1] = '\0';
	if (ans.rc == -1)
		item_say(it, false, "%s", ans.msg);
	else
		item_say(it, true, "%s", req.device);
}

/* cli-password.c — passwords on the command line: read from a file that
 * only its owner can read (scripts, tests) or from the terminal without
 * echo, and the acting officer's login checked by core (auth.h).
 *
 * A password lives only in the caller's buffer, which is wiped with
 * sodium_memzero once used; no message ever contains one. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <signal.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cli.h"
#include "motcua/auth.h"
#include "motcua/i18n.h"

/* A signal that came while the echo was off (Ctrl-C at the question):
 * noted by the handler, raised again once the terminal is back as it was,
 * so the person never keeps a terminal that does not echo.  A handler can
 * only reach a file-scope object. */
static volatile sig_atomic_t tty_signal;

static void
note_signal(int sig)
{
	tty_signal = sig;
}

/* The first line of what fd holds, into buf (n bytes).  0; 1 empty; 2 a
 * first line too long for buf; -1 a read error (errno). */
static int
first_line(int fd, char *buf, size_t n)
{
	size_t len = 0;
	ssize_t got;

	while (len + 1 < n && (got = read(fd, buf + len, n - 1 - len)) != 0) {
		if (got < 0) {
			if (errno == EINTR && tty_signal == 0)
				continue;
			return -1;
		}
		len += (size_t)got;
		if (memchr(buf + len - (size_t)got, '\n', (size_t)got) != NULL)
			break;
	}
	buf[len] = '\0';
	char *nl = memchr(buf, '\n', len);
	if (nl == NULL && len + 1 >= n) {
		char more;

		/* a full buffer without a newline: is that the whole file? */
		while ((got = read(fd, &more, 1)) < 0 && errno == EINTR)
			;
		if (got != 0)
			return got < 0 ? -1 : 2;
	}
	if (nl != NULL)
		len = (size_t)(nl - buf);
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	/* what followed the first line is not the password: wipe it too */
	sodium_memzero(buf + len, n - len);
	return len == 0 ? 1 : 0;
}

int
cli_password_file(const char *path, char *buf, size_t n)
{
	struct stat sb;
	int fd, rc, saved;

	buf[0] = '\0';
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0)
		return cli_error(_("cannot read the password file %s: %s"), path,
		    strerror(errno));
	/* the file opened is the one checked (no race with a rename) */
	if (fstat(fd, &sb) != 0) {
		saved = errno;
		close(fd);
		return cli_error(_("cannot read the password file %s: %s"), path,
		    strerror(saved));
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return cli_error(_("the password file %s is not a regular file: give a file "
		    "whose first line is the password"), path);
	}
	if (sb.st_uid != geteuid()) {
		close(fd);
		return cli_error(_("the password file %s belongs to another user: use a file "
		    "of your own, made readable only by you (chmod 600 %s)"), path, path);
	}
	if ((sb.st_mode & 077) != 0) {
		close(fd);
		return cli_error(_("the password file %s can be read by others (mode %04o): "
		    "run chmod 600 %s"), path, (unsigned)(sb.st_mode & 07777), path);
	}
	rc = first_line(fd, buf, n);
	saved = errno;
	close(fd);
	if (rc != 0)
		sodium_memzero(buf, n);
	if (rc < 0)
		return cli_error(_("cannot read the password file %s: %s"), path,
		    strerror(saved));
	if (rc == 1)
		return cli_error(_("the password file %s is empty: put the password on its "
		    "first line"), path);
	if (rc == 2)
		return cli_error(_("the first line of %s is longer than any password: put "
		    "only the password on it"), path);
	return 0;
}

int
cli_password_tty(const char *prompt, const char *option, char *buf, size_t n)
{
	static const int sigs[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP};
	struct sigaction on, was[sizeof sigs / sizeof sigs[0]];
	struct termios old, quiet;
	int fd, rc;

	buf[0] = '\0';
	if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)) < 0)
		return cli_error(_("no terminal to ask the password on: give it with --%s "
		    "FILE (mode 0600)"), option);
	if (tcgetattr(fd, &old) != 0) {
		close(fd);
		return cli_error(_("no terminal to ask the password on: give it with --%s "
		    "FILE (mode 0600)"), option);
	}
	/* no SA_RESTART: the read returns, and the echo comes back */
	memset(&on, 0, sizeof on);
	on.sa_handler = note_signal;
	sigemptyset(&on.sa_mask);
	tty_signal = 0;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		(void)sigaction(sigs[i], &on, &was[i]);
	quiet = old;
	quiet.c_lflag &= (tcflag_t)~(ECHO | ECHOE | ECHOK | ECHONL);
	quiet.c_lflag |= ICANON;
	if (tcsetattr(fd, TCSAFLUSH, &quiet) != 0) {
		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
			(void)sigaction(sigs[i], &was[i], NULL);
		close(fd);
		return cli_error(_("cannot turn off the terminal's echo: give the password "
		    "with --%s FILE (mode 0600)"), option);
	}
	if (write(fd, prompt, strlen(prompt)) < 0) {
		/* the question not shown: still read, the person sees the cursor */
	}
	rc = first_line(fd, buf, n);
	/* echo back on whatever happened, and end the silent line */
	if (tcsetattr(fd, TCSAFLUSH, &old) != 0 || write(fd, "\n", 1) < 0) {
		/* nothing more to do: the password is read or not */
	}
	close(fd);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		(void)sigaction(sigs[i], &was[i], NULL);
	if (rc != 0 || tty_signal != 0)
		sodium_memzero(buf, n);
	if (tty_signal != 0)
		(void)raise(tty_signal);	/* what the person asked for */
	if (rc < 0)
		return cli_error(_("the password could not be read from the terminal: give it "
		    "with --%s FILE (mode 0600)"), option);
	if (rc == 1)
		return cli_error(_("no password typed: nothing was changed"));
	if (rc == 2)
		return cli_error(_("that is longer than any password: nothing was changed"));
	return 0;
}

/* Wait ms milliseconds (the growing delay after a wrong password). */
static void
wait_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (ms > 0 && nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* The acting officer's login (cli_login); may_be_reset: an officer whose
 * password a supervisor reset may still log in (for passwd alone). */
static int
login(struct cli_ctx *ctx, const struct cli_args *a, sqlite3 *db, struct mc_officer *o,
    bool may_be_reset)
{
	const char *file = cli_arg(a, "password-file");
	char pw[CLI_PASSWORD_SIZE], prompt[128];
	struct mc_auth_state st;
	struct mc_time now;
	struct mc_err err;
	int rc;

	if (unit_officer_get(db, ctx->officer, o, &err) != 0)
		return cli_fail(&err);
	snprintf(prompt, sizeof prompt, _("Password for %s: "), o->username);
	if (file != NULL ? cli_password_file(file, pw, sizeof pw) :
	    cli_password_tty(prompt, "password-file", pw, sizeof pw))
		return 1;
	date_now(&now);
	rc = auth_verify(db, o->username, pw, &now, &st, &err);
	sodium_memzero(pw, sizeof pw);
	if (rc != 0) {
		/* (core recorded the failure as an audit event) each wrong password in a row costs more time than the last */
		if (err.kind == MC_EINVAL)
			wait_ms(auth_delay_ms(st.failures));
		return cli_fail(&err);
	}
	/* a command's proof is no session: the command's own event, naming
	 * the officer, is its record */
	if (st.must_change && !may_be_reset)
		return cli_error(_("the password of %s was reset by a supervisor: run 'motcua "
		    "passwd' first to set your own, then try again"), o->username);
	return 0;
}

int
cli_login(struct cli_ctx *ctx, const struct cli_args *a, sqlite3 *db, struct mc_officer *o)
{
	return login(ctx, a, db, o, false);
}

sqlite3 *
cli_login_for(struct cli_ctx *ctx, const struct cli_args *a, enum mc_action act,
    struct mc_officer *o)
{
	struct mc_err err;
	sqlite3 *db;

	if ((db = cli_db(ctx)) == NULL || cli_login(ctx, a, db, o))
		return NULL;
	if (role_check(o->role, act, &err) != 0) {
		cli_fail(&err);
		return NULL;
	}
	return db;
}

int
cli_login_passwd(struct cli_ctx *ctx, const struct cli_args *a, sqlite3 *db,
    struct mc_officer *o)
{
	return login(ctx, a, db, o, true);
}

int
cli_new_password(const struct cli_args *a, const char *option, const char *user,
    char *buf, size_t n)
{
	const char *file = cli_arg(a, option);
	char again[CLI_PASSWORD_SIZE], prompt[128];
	int same;

	if (file != NULL)
		return cli_password_file(file, buf, n);
	snprintf(prompt, sizeof prompt, _("New password for %s: "), user);
	if (cli_password_tty(prompt, option, buf, n))
		return 1;
	snprintf(prompt, sizeof prompt, _("The same again: "));
	if (cli_password_tty(prompt, option, again, sizeof again)) {
		sodium_memzero(buf, n);
		return 1;
	}
	same = strcmp(buf, again) == 0;
	sodium_memzero(again, sizeof again);
	if (!same) {
		sodium_memzero(buf, n);
		return cli_error(_("the two passwords differ: nothing was changed"));
	}
	return 0;
}

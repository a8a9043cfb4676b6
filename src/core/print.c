/* print.c — the printing back ends (print.h): the station's print
 * settings, writing to a file or device, running the print command
 * (fork/exec, no shell), and print_send choosing between them.  The
 * ESC/POS bytes themselves come from the pure encoder in print-escpos.c. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "motcua/i18n.h"
#include "motcua/print.h"
#include "motcua/setting.h"

#define PRINT_MAX_ARGS 32
#define PRINT_MAX_DOC (4 * 1024 * 1024)	/* a slip is a few KiB */

/* ---- settings ---------------------------------------------------------------- */

int
print_options(sqlite3 *db, struct print_opts *o, struct mc_err *err)
{
	char buf[64];

	memset(o, 0, sizeof *o);
	if (setting_get(db, "print_backend", buf, sizeof buf) != 0 ||
	    setting_get(db, "print_command", o->command, sizeof o->command) != 0 ||
	    setting_get(db, "print_device", o->device, sizeof o->device) != 0)
		return err_set(err, MC_EINVAL, _("the print settings are missing"));
	if (strcmp(buf, "file") == 0)
		o->backend = PRINT_FILE;
	else if (strcmp(buf, "escpos") == 0)
		o->backend = PRINT_ESCPOS;
	else
		o->backend = PRINT_COMMAND;
	if (setting_get(db, "escpos_codepage", buf, sizeof buf) != 0)
		return err_set(err, MC_EINVAL, _("the print settings are missing"));
	o->codepage = atoi(buf);
	if (setting_get(db, "paper_width", buf, sizeof buf) != 0)
		return err_set(err, MC_EINVAL, _("the print settings are missing"));
	o->columns = strcmp(buf, "58") == 0 ? 32 : 48;
	if (setting_get(db, "escpos_qr", buf, sizeof buf) != 0)
		return err_set(err, MC_EINVAL, _("the print settings are missing"));
	o->qr = strcmp(buf, "1") == 0;
	return 0;
}

/* ---- the back ends ------------------------------------------------------------ */

/* The one message of a failed print: why, where the printer is set, and
 * that the slip is kept (saved: its file, when known) to print later.
 * setting is the setting beside print_backend that names the printer. */
static int
print_fail(struct mc_err *err, const char *why, const char *setting, const char *saved)
{
	if (saved != NULL && saved[0] != '\0')
		return err_set(err, MC_EIO, _("printing failed (%s): set the printer in the "
		    "settings print_backend and %s (F9 → Settings); the slip is saved as %s, "
		    "print it later with p on its screen or 'motcua slip CODE --print'"), why,
		    setting, saved);
	return err_set(err, MC_EIO, _("printing failed (%s): set the printer in the "
	    "settings print_backend and %s (F9 → Settings), then print the slip with "
	    "'motcua slip CODE --print'"), why, setting);
}

/* print_to_file, with the saved slip's file for the message (or NULL). */
static int
to_file(const char *path, const void *data, size_t len, const char *saved,
    struct mc_err *err)
{
	char why[PATH_MAX + 160];
	/* a device is opened as it is, never created */
	int flags = strncmp(path, "/dev/", 5) == 0 ? O_WRONLY | O_CLOEXEC | O_NOCTTY :
	    O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY;
	const char *s = data;
	size_t done = 0;
	int fd, e;

	if (path[0] == '\0')
		return err_set(err, MC_EINVAL, _("no printer device is set: set one with "
		    "'motcua setting set print_device /dev/usb/lp0'"));
	if ((fd = open(path, flags, 0600)) < 0) {
		snprintf(why, sizeof why, _("cannot open %s: %s"), path, strerror(errno));
		return print_fail(err, why, "print_device", saved);
	}
	while (done < len) {
		ssize_t w = write(fd, s + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			e = w < 0 ? errno : EIO;
			close(fd);
			goto fail;
		}
		done += (size_t)w;
	}
	if (close(fd) != 0) {
		e = errno;
		goto fail;
	}
	return 0;
fail:
	snprintf(why, sizeof why, _("cannot write %s: %s"), path, strerror(e));
	return print_fail(err, why, "print_device", saved);
}

int
print_to_file(const char *path, const void *data, size_t len, struct mc_err *err)
{
	return to_file(path, data, len, NULL, err);
}

/* The print command's failure; path is the saved slip, when there is one. */
static int
run_fail(struct mc_err *err, const char *why, const char *path)
{
	return print_fail(err, why, "print_command", path);
}

int
print_run(const char *command, const char *path, const void *data, size_t len,
    const char *logpath, struct mc_err *err)
{
	char words[1024], why[512];
	char *argv[PRINT_MAX_ARGS + 2];
	int argc = 0, status, errpipe[2], inpipe[2], child_errno = 0, werr = 0;
	struct sigaction ign, old;
	const char *s = data;
	size_t done = 0;
	ssize_t r;
	pid_t pid;

	/* words separated by spaces, no shell: a file name never becomes code */
	snprintf(words, sizeof words, "%s", command != NULL ? command : "");
	for (char *save = NULL, *w = strtok_r(words, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		if (argc == PRINT_MAX_ARGS)
			return err_set(err, MC_EINVAL, _("the print command has more than %d "
			    "words: shorten it"), PRINT_MAX_ARGS);
		argv[argc++] = w;
	}
	if (argc == 0)
		return err_set(err, MC_EINVAL, _("no print command is set: set one with "
		    "'motcua setting set print_command lp'"));
	if (path != NULL)
		argv[argc++] = (char *)path;
	argv[argc] = NULL;
	if (logpath == NULL)
		logpath = "/dev/null";

	/* the child reports a failed exec through a close-on-exec pipe; the
	 * document reaches its standard input through another */
	if (pipe2(errpipe, O_CLOEXEC) != 0)
		return run_fail(err, strerror(errno), path);
	if (pipe2(inpipe, O_CLOEXEC) != 0) {
		int e = errno;

		close(errpipe[0]);
		close(errpipe[1]);
		return run_fail(err, strerror(e), path);
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		int e = errno;

		close(errpipe[0]);
		close(errpipe[1]);
		close(inpipe[0]);
		close(inpipe[1]);
		return run_fail(err, strerror(e), path);
	}
	if (pid == 0) {
		int out = open(logpath, O_WRONLY | O_CREAT | O_APPEND, 0600);
		int e;

		if (out < 0)
			out = open("/dev/null", O_WRONLY);
		if (out < 0 || dup2(inpipe[0], 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0) {
			e = errno;
			if (write(errpipe[1], &e, sizeof e) < 0)
				_exit(127);
			_exit(127);
		}
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		e = errno;
		if (write(errpipe[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	close(errpipe[1]);
	close(inpipe[0]);
	while ((r = read(errpipe[0], &child_errno, sizeof child_errno)) < 0 && errno == EINTR)
		;
	close(errpipe[0]);
	/* a command that does not read its input (it prints the file named)
	 * closes the pipe: that is not an error, its exit status tells */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	while (r != (ssize_t)sizeof child_errno && done < len) {
		ssize_t w = write(inpipe[1], s + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			werr = errno;
			break;
		}
		done += (size_t)w;
	}
	close(inpipe[1]);
	sigaction(SIGPIPE, &old, NULL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return run_fail(err, strerror(errno), path);
	if (r == (ssize_t)sizeof child_errno) {
		snprintf(why, sizeof why, _("cannot run %s: %s"), argv[0], strerror(child_errno));
		return run_fail(err, why, path);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFEXITED(status))
			snprintf(why, sizeof why, _("%s exited with status %d, see %s"), argv[0],
			    WEXITSTATUS(status), logpath);
		else
			snprintf(why, sizeof why, _("%s was stopped by signal %d"), argv[0],
			    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		return run_fail(err, why, path);
	}
	(void)werr;	/* EPIPE from a command that printed the file it was given */
	return 0;
}

/* ---- print_send ---------------------------------------------------------------- */

static char *
read_doc(const char *path, struct mc_err *err)
{
	FILE *f;
	char *buf;
	size_t n;

	if (path == NULL || (f = fopen(path, "r")) == NULL) {
		err_set(err, MC_ENOTFOUND, _("there is no slip file %s to print: save the "
		    "slip first"), path != NULL ? path : "");
		return NULL;
	}
	if ((buf = malloc(PRINT_MAX_DOC + 1)) == NULL) {
		fclose(f);
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	n = fread(buf, 1, PRINT_MAX_DOC + 1, f);
	if (ferror(f) || n > PRINT_MAX_DOC) {
		fclose(f);
		free(buf);
		err_set(err, MC_EIO, _("cannot read %s: is it really a slip?"), path);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	return buf;
}

void
print_log_path(sqlite3 *db, const char *db_path, char *buf, size_t n)
{
	if (db_path == NULL)
		db_path = sqlite3_db_filename(db, "main");
	snprintf(buf, n, "/dev/null");
	if (db_path != NULL && db_path[0] != '\0') {
		const char *slash = strrchr(db_path, '/');

		if (slash == NULL)
			snprintf(buf, n, "print.log");
		else
			snprintf(buf, n, "%.*s/print.log", (int)(slash - db_path), db_path);
	}
}

int
print_send(sqlite3 *db, const char *db_path, const char *path, const char *text,
    const char *code, struct mc_err *err)
{
	struct print_opts o;
	struct print_buf b;
	char logpath[PATH_MAX + 32];
	char *owned = NULL;
	int rc;

	if (print_options(db, &o, err))
		return -1;
	if (text == NULL && (text = owned = read_doc(path, err)) == NULL)
		return -1;
	switch (o.backend) {
	case PRINT_FILE:
		rc = to_file(o.device, text, strlen(text), path, err);
		break;
	case PRINT_ESCPOS:
		if ((rc = print_escpos(text, code, &o, &b, err)) == 0) {
			rc = to_file(o.device, b.p, b.len, path, err);
			print_buf_free(&b);
		}
		break;
	default:
		/* the command's chatter goes to a log beside the database, never
		 * onto the officer's screen */
		print_log_path(db, db_path, logpath, sizeof logpath);
		rc = print_run(o.command, path, text, strlen(text), logpath, err);
		break;
	}
	free(owned);
	return rc;
}

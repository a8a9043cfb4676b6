/* print.c — the printing back ends: a command, a file, ESC/POS (print.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
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
#include "motcua/vntext.h"

#define PRINT_MAX_ARGS 32
#define PRINT_MAX_DOC (4 * 1024 * 1024)	/* a slip is a few KiB */

/* ---- settings --------------------------------------------------------------- */

const char *
print_codepage_encoding(int codepage, struct mc_err *err)
{
	iconv_t cd;

	switch (codepage) {
	case 52:	/* WPC1258 on Epson */
	case 27: case 35: case 94:	/* the same table on common clones */
		return "CP1258";
	case 30: case 31:
		/* TCVN-3 (ABC): glibc's iconv has TCVN 5712 VN1, a different
		 * table, so only a system with a TCVN3 converter can use it */
		if ((cd = iconv_open("TCVN3", "UTF-8")) == (iconv_t)-1) {
			err_set(err, MC_EINVAL, _("code page %d is TCVN-3, which this system's "
			    "iconv cannot write: use 52 (WPC1258), or the number of WPC1258 in "
			    "your printer's manual"), codepage);
			return NULL;
		}
		iconv_close(cd);
		return "TCVN3";
	default:
		err_set(err, MC_EINVAL, _("code page %d is not a Vietnamese code page motcua "
		    "knows: use 52 (WPC1258 on Epson; 27, 35 or 94 on some clones)"), codepage);
		return NULL;
	}
}

int
print_codepage_check(const char *value, struct mc_err *err)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno != 0 || n > 255)
		return err_set(err, MC_EINVAL, _("'%s' is not a code page: give the number n "
		    "of ESC t n, such as 52"), value);
	return print_codepage_encoding((int)n, err) != NULL ? 0 : -1;
}

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

/* ---- bytes ------------------------------------------------------------------ */

void
print_buf_free(struct print_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

static int
pb_grow(struct print_buf *b, size_t more)
{
	size_t cap;
	unsigned char *p;

	if (more <= b->cap - b->len)
		return 0;
	if (more > ((size_t)-1) / 4 - b->len)
		return -1;
	for (cap = b->cap != 0 ? b->cap : 1024; cap - b->len < more; cap *= 2)
		;
	if ((p = realloc(b->p, cap)) == NULL)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

static int
pb_add(struct print_buf *b, const void *s, size_t n)
{
	if (pb_grow(b, n))
		return -1;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	return 0;
}

/* ---- ESC/POS ------------------------------------------------------------------ */

/* One line (UTF-8, NFC), converted and ended with LF.  1 (err set) when a
 * character cannot be printed, -1 out of memory. */
static int
esc_line(struct print_buf *b, iconv_t cd, const char *enc, int codepage, long lineno,
    const char *s, size_t n, struct mc_err *err)
{
	char *ip = (char *)s;
	size_t inleft = n;

	iconv(cd, NULL, NULL, NULL, NULL);
	for (;;) {
		char *op;
		size_t outleft, r;
		bool flush = inleft == 0;

		if (pb_grow(b, inleft * 2 + 16))
			return -1;
		op = (char *)b->p + b->len;
		outleft = b->cap - b->len;
		/* after the input, out with the letter CP1258 holds back
		 * waiting for a tone */
		r = flush ? iconv(cd, NULL, NULL, &op, &outleft) :
		    iconv(cd, &ip, &inleft, &op, &outleft);
		b->len = (size_t)((unsigned char *)op - b->p);
		if (r != (size_t)-1 && flush)
			break;
		if (r == (size_t)-1 && errno != E2BIG) {
			size_t k = 1;
			char ch[8];

			if (ip >= s + n) {
				err_set(err, MC_EINVAL, _("line %ld cannot be printed in %s"),
				    lineno, enc);
				return 1;
			}
			while (ip + k < s + n && ((unsigned char)ip[k] & 0xC0) == 0x80 && k < 4)
				k++;
			memcpy(ch, ip, k);
			ch[k] = '\0';
			err_set(err, MC_EINVAL, _("line %ld: '%s' cannot be printed with code "
			    "page %d (%s): correct the text, or print on A4/A5 with "
			    "print_backend command"), lineno, ch, codepage, enc);
			return 1;
		}
	}
	return pb_add(b, "\n", 1);
}

/* Bytes of the longest prefix of s (n bytes) that fits in cols columns,
 * cut at a space when there is one (the space is left out). */
static size_t
esc_fit(const char *s, size_t n, int cols, size_t *skip)
{
	char tmp[1024];
	size_t best = 0, space = 0;

	*skip = 0;
	for (size_t i = 1; i <= n && i < sizeof tmp; i++) {
		/* only at character boundaries, and never before a combining
		 * mark (U+0300..U+036F: CC 80..CD AF) */
		if (i < n && (((unsigned char)s[i] & 0xC0) == 0x80 ||
		    ((unsigned char)s[i] == 0xCC ||
		    ((unsigned char)s[i] == 0xCD && (unsigned char)s[i + 1] <= 0xAF))))
			continue;
		memcpy(tmp, s, i);
		tmp[i] = '\0';
		if (vntext_width(tmp) > (size_t)cols)
			break;
		best = i;
		if (i < n && s[i] == ' ')
			space = i;
	}
	if (best == 0)	/* a character wider than the paper: take it */
		for (best = 1; best < n && ((unsigned char)s[best] & 0xC0) == 0x80; best++)
			;
	if (best < n && space > 0) {
		best = space;
		*skip = 1;
	}
	while (best + *skip < n && s[best + *skip] == ' ')
		(*skip)++;
	return best;
}

static int
esc_qr(struct print_buf *b, const char *code, int columns)
{
	size_t n = strlen(code) + 3;
	const unsigned char center[] = {0x1B, 'a', 1}, left[] = {0x1B, 'a', 0};
	/* GS ( k: model 2; module size; error correction M; store; print */
	const unsigned char model[] = {0x1D, '(', 'k', 4, 0, 49, 65, 50, 0};
	const unsigned char size[] = {0x1D, '(', 'k', 3, 0, 49, 67,
	    (unsigned char)(columns >= 48 ? 6 : 4)};
	const unsigned char level[] = {0x1D, '(', 'k', 3, 0, 49, 69, 49};
	const unsigned char store[] = {0x1D, '(', 'k', (unsigned char)(n & 0xFF),
	    (unsigned char)(n >> 8), 49, 80, 48};
	const unsigned char print[] = {0x1D, '(', 'k', 3, 0, 49, 81, 48};

	return pb_add(b, center, sizeof center) || pb_add(b, model, sizeof model) ||
	    pb_add(b, size, sizeof size) || pb_add(b, level, sizeof level) ||
	    pb_add(b, store, sizeof store) || pb_add(b, code, strlen(code)) ||
	    pb_add(b, print, sizeof print) || pb_add(b, "\n", 1) ||
	    pb_add(b, left, sizeof left) ? -1 : 0;
}

int
print_escpos(const char *text, const char *code, const struct print_opts *o,
    struct print_buf *out, struct mc_err *err)
{
	const unsigned char init[] = {0x1B, '@', 0x1B, 't', (unsigned char)o->codepage};
	const unsigned char cut[] = {0x1D, 'V', 66, 0};
	const char *enc;
	char *nfc, *p;
	iconv_t cd;
	long lineno = 0;
	int rc = 0;
	bool qr = o->qr && code != NULL && code[0] != '\0';

	memset(out, 0, sizeof *out);
	if ((enc = print_codepage_encoding(o->codepage, err)) == NULL)
		return -1;
	if (o->columns < 8 || o->columns > 200)
		return err_set(err, MC_EINVAL, _("%d columns is not a paper width"), o->columns);
	if (qr) {
		if (strlen(code) > 200)
			return err_set(err, MC_EINVAL, _("the code %s is too long for a QR"), code);
		for (const char *c = code; *c != '\0'; c++)
			if (*c < 0x21 || *c > 0x7E)
				return err_set(err, MC_EINVAL, _("the code %s is not plain ASCII: "
				    "no QR can be printed for it"), code);
	}
	if ((nfc = vntext_nfc(text != NULL ? text : "", err)) == NULL)
		return -1;
	if ((cd = iconv_open(enc, "UTF-8")) == (iconv_t)-1) {
		free(nfc);
		return err_set(err, MC_EINVAL, _("this system's iconv cannot convert to %s: "
		    "choose another code page"), enc);
	}
	if (pb_add(out, init, sizeof init))
		goto oom;
	/* pages are separated by form feeds; each ends with the QR and a cut */
	p = nfc;
	for (;;) {
		char *ff = strchr(p, '\f');
		char *end = ff != NULL ? ff : p + strlen(p);

		while (p < end) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);

			lineno++;
			/* trailing blanks cost paper time and nothing else */
			while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
				n--;
			if (n == 0 && (rc = esc_line(out, cd, enc, o->codepage, lineno, p, 0,
			    err)) != 0)
				goto fail;
			for (size_t at = 0; at < n;) {
				size_t skip, k = esc_fit(p + at, n - at, o->columns, &skip);

				if ((rc = esc_line(out, cd, enc, o->codepage, lineno, p + at, k,
				    err)) != 0)
					goto fail;
				at += k + skip;
			}
			p += n;
			while (p < end && *p != '\n')
				p++;
			if (p < end)
				p++;	/* the LF */
		}
		if ((qr && esc_qr(out, code, o->columns)) || pb_add(out, cut, sizeof cut))
			goto oom;
		if (ff == NULL)
			break;
		p = ff + 1;
		if (*p == '\0')
			break;
	}
	iconv_close(cd);
	free(nfc);
	return 0;
oom:
	rc = -1;
fail:
	iconv_close(cd);
	free(nfc);
	print_buf_free(out);
	return rc > 0 ? -1 : err_set(err, MC_ENOMEM, _("out of memory"));
}

/* ---- the back ends ------------------------------------------------------------ */

int
print_to_file(const char *path, const void *data, size_t len, struct mc_err *err)
{
	/* a device is opened as it is, never created */
	int flags = strncmp(path, "/dev/", 5) == 0 ? O_WRONLY | O_CLOEXEC | O_NOCTTY :
	    O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY;
	const char *s = data;
	size_t done = 0;
	int fd, e;

	if (path[0] == '\0')
		return err_set(err, MC_EINVAL, _("no printer device is set: set one with "
		    "'motcua setting set print_device /dev/usb/lp0'"));
	if ((fd = open(path, flags, 0600)) < 0)
		return err_set(err, MC_EIO, _("printing failed (cannot open %s: %s): check "
		    "the printer, or print the slip later with 'motcua slip CODE --print'"),
		    path, strerror(errno));
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
	return err_set(err, MC_EIO, _("printing failed (cannot write %s: %s): check the "
	    "printer, or print the slip later with 'motcua slip CODE --print'"), path,
	    strerror(e));
}

static int
run_fail(struct mc_err *err, const char *why)
{
	return err_set(err, MC_EIO, _("printing failed (%s): check the printer, or print "
	    "the slip later with 'motcua slip CODE --print'"), why);
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
		return run_fail(err, strerror(errno));
	if (pipe2(inpipe, O_CLOEXEC) != 0) {
		int e = errno;

		close(errpipe[0]);
		close(errpipe[1]);
		return run_fail(err, strerror(e));
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		int e = errno;

		close(errpipe[0]);
		close(errpipe[1]);
		close(inpipe[0]);
		close(inpipe[1]);
		return run_fail(err, strerror(e));
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
			return run_fail(err, strerror(errno));
	if (r == (ssize_t)sizeof child_errno) {
		snprintf(why, sizeof why, _("cannot run %s: %s"), argv[0], strerror(child_errno));
		return run_fail(err, why);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFEXITED(status))
			snprintf(why, sizeof why, _("%s exited with status %d, see %s"), argv[0],
			    WEXITSTATUS(status), logpath);
		else
			snprintf(why, sizeof why, _("%s was stopped by signal %d"), argv[0],
			    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		return run_fail(err, why);
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
		rc = print_to_file(o.device, text, strlen(text), err);
		break;
	case PRINT_ESCPOS:
		if ((rc = print_escpos(text, code, &o, &b, err)) == 0) {
			rc = print_to_file(o.device, b.p, b.len, err);
			print_buf_free(&b);
		}
		break;
	default:
		/* the command's chatter goes to a log beside the database, never
		 * onto the officer's screen */
		if (db_path == NULL)
			db_path = sqlite3_db_filename(db, "main");
		snprintf(logpath, sizeof logpath, "/dev/null");
		if (db_path != NULL && db_path[0] != '\0') {
			const char *slash = strrchr(db_path, '/');

			if (slash == NULL)
				snprintf(logpath, sizeof logpath, "print.log");
			else
				snprintf(logpath, sizeof logpath, "%.*s/print.log",
				    (int)(slash - db_path), db_path);
		}
		rc = print_run(o.command, path, text, strlen(text), logpath, err);
		break;
	}
	free(owned);
	return rc;
}

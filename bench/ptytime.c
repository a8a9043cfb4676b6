/* ptytime.c — `bench/ptytime SCRIPT CMD [ARG...]`: run a full-screen
 * program on a pseudo-terminal of 80x24 (TERM=xterm-256color) and time
 * what it draws, for `make bench` (the same harness for motcua, nano and
 * calcurse).  The script's lines, one a line:
 *
 *   wait TEXT LABEL    read until TEXT is drawn (escape sequences and
 *                      control bytes left out); print LABEL, the
 *                      milliseconds since the last send (or the start) and
 *                      the bytes the terminal received meanwhile
 *   send TEXT          type TEXT (\e escape, \r return, \t tab, \\)
 *   settle MS LABEL    read until something comes (a slow screen may
 *                      think for seconds first), then until nothing comes
 *                      for MS ms; print LABEL, the ms from the send to the
 *                      last byte, and the bytes
 *   sleep MS           read (and drop) for MS ms
 *   # …                a comment
 *
 * Output lines: "LABEL MS BYTES".  At the end the program is given five
 * seconds to exit (the script's last send should quit it) and its peak
 * memory is printed: "maxrss KB".  Exit status 1 if a wait times out (ten
 * seconds by default, $PTYTIME_TIMEOUT seconds otherwise). */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define TEXT_MAX (1 << 20)

struct term {
	int fd;
	pid_t pid;
	char *text;		/* what was drawn, escapes left out */
	size_t ntext, mark;	/* mark: where the last send began */
	long long bytes;	/* received since the last send */
	double sent, last;	/* times of the last send and the last byte */
	int esc;		/* state of the escape-sequence filter */
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Keep the printable part of what the terminal got. */
static void
filter(struct term *t, const unsigned char *b, ssize_t n)
{
	for (ssize_t i = 0; i < n; i++) {
		unsigned char c = b[i];

		switch (t->esc) {
		case 1:	/* after ESC */
			t->esc = c == '[' ? 2 : c == ']' ? 3 : (c == '(' || c == ')') ? 4 : 0;
			continue;
		case 2:	/* CSI: up to a final byte */
			if (c >= 0x40 && c <= 0x7e)
				t->esc = 0;
			continue;
		case 3:	/* OSC: up to BEL or ESC */
			if (c == 7)
				t->esc = 0;
			else if (c == 27)
				t->esc = 1;
			continue;
		case 4:	/* a character set's name */
			t->esc = 0;
			continue;
		default:
			break;
		}
		if (c == 27) {
			t->esc = 1;
			continue;
		}
		if (c < 0x20 && c != '\n')
			continue;
		if (t->ntext == TEXT_MAX) {	/* keep the newer half */
			size_t keep = TEXT_MAX / 2;

			memmove(t->text, t->text + t->ntext - keep, keep);
			t->mark = t->mark > t->ntext - keep ? t->mark - (t->ntext - keep) : 0;
			t->ntext = keep;
		}
		t->text[t->ntext++] = (char)c;
	}
}

/* Read what comes within ms; 0 nothing came, 1 something, -1 the end. */
static int
pump(struct term *t, int ms)
{
	struct pollfd p = { t->fd, POLLIN, 0 };
	unsigned char b[65536];
	ssize_t n;
	int rc = poll(&p, 1, ms);

	if (rc <= 0)
		return rc < 0 && errno != EINTR ? -1 : 0;
	if ((n = read(t->fd, b, sizeof b)) <= 0)
		return -1;
	t->bytes += n;
	t->last = now_ms();
	filter(t, b, n);
	return 1;
}

static bool
seen(struct term *t, const char *text)
{
	t->text[t->ntext] = '\0';
	return strstr(t->text + t->mark, text) != NULL;
}

static size_t
unescape(const char *in, char *out, size_t max)
{
	size_t n = 0;

	for (; *in != '\0' && n < max; in++) {
		if (*in != '\\' || in[1] == '\0') {
			out[n++] = *in;
			continue;
		}
		in++;
		out[n++] = *in == 'e' ? 27 : *in == 'r' ? '\r' : *in == 'n' ? '\n' :
		    *in == 't' ? '\t' : *in;
	}
	return n;
}

static int
run_script(struct term *t, FILE *f, double timeout_ms)
{
	char line[4096];

	while (fgets(line, sizeof line, f) != NULL) {
		char *cmd = strtok(line, " \n"), *arg = strtok(NULL, "\n");
		char *label;

		if (cmd == NULL || cmd[0] == '#')
			continue;
		if (strcmp(cmd, "send") == 0 && arg != NULL) {
			char out[4096];
			size_t n = unescape(arg, out, sizeof out);

			while (pump(t, 0) > 0)	/* what came before is not the key's */
				;
			t->mark = t->ntext;
			t->bytes = 0;
			t->sent = t->last = now_ms();
			if (write(t->fd, out, n) != (ssize_t)n)
				return -1;
		} else if (strcmp(cmd, "wait") == 0 && arg != NULL &&
		    (label = strrchr(arg, ' ')) != NULL) {
			*label++ = '\0';
			while (!seen(t, arg)) {
				if (now_ms() - t->sent > timeout_ms || pump(t, 50) < 0) {
					fprintf(stderr, "ptytime: '%s' not seen; the screen had: %.400s\n",
					    arg, t->text + t->mark);
					return -1;
				}
			}
			printf("%s %.2f %lld\n", label, t->last - t->sent, t->bytes);
		} else if (strcmp(cmd, "settle") == 0 && arg != NULL) {
			int ms = atoi(arg);

			label = strchr(arg, ' ');
			while (t->bytes == 0 && now_ms() - t->sent < timeout_ms)
				if (pump(t, 50) < 0)
					break;
			if (t->bytes == 0) {	/* nothing drawn before the timeout */
				printf("%s ? 0\n", label != NULL ? label + 1 : "settle");
				fflush(stdout);
				continue;
			}
			while (pump(t, ms) > 0)
				;
			printf("%s %.2f %lld\n", label != NULL ? label + 1 : "settle",
			    t->last - t->sent, t->bytes);
		} else if (strcmp(cmd, "sleep") == 0 && arg != NULL) {
			double end = now_ms() + atoi(arg);

			while (now_ms() < end && pump(t, (int)(end - now_ms()) + 1) >= 0)
				;
		} else {
			fprintf(stderr, "ptytime: a line not understood: %s\n", cmd);
			return -1;
		}
		fflush(stdout);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	struct term t;
	struct rusage ru;
	const char *to = getenv("PTYTIME_TIMEOUT");
	FILE *f;
	int rc, status = 0;
	double end;

	if (argc < 3) {
		fprintf(stderr, "usage: ptytime SCRIPT CMD [ARG...]\n");
		return 2;
	}
	if ((f = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 2;
	}
	memset(&t, 0, sizeof t);
	if ((t.text = malloc(TEXT_MAX + 1)) == NULL)
		return 2;
	t.sent = t.last = now_ms();
	t.pid = forkpty(&t.fd, NULL, NULL, &ws);
	if (t.pid < 0) {
		perror("forkpty");
		return 2;
	}
	if (t.pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	rc = run_script(&t, f, (to != NULL ? atof(to) : 10) * 1e3);
	fclose(f);
	/* the program quits (the script's last key), or is made to */
	end = now_ms() + 5000;
	while (waitpid(t.pid, &status, WNOHANG) == 0) {
		if (now_ms() > end && rc != -2) {
			/* a program that does its work at the end (motcua's daily
			 * backup of a large database) outlasts the harness */
			fprintf(stderr, "ptytime: %s had not exited 5 s after the script's "
			    "end: killed\n", argv[2]);
			kill(t.pid, SIGKILL);
			rc = -2;
		}
		if (pump(&t, 20) < 0)
			usleep(10000);
	}
	if (getrusage(RUSAGE_CHILDREN, &ru) == 0)
		printf("maxrss %ld 0\n", ru.ru_maxrss);
	free(t.text);
	return rc == 0 ? 0 : 1;
}

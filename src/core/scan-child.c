/* scan-child.c — the scan module's SANE calls, run in a child process.
 *
 * A scanner's backend runs inside our process: SANE loads it as a
 * library.  Some backends start a reader thread per page and stop it
 * with an asynchronous pthread_cancel (SANE's own `test` backend does);
 * a thread cancelled inside malloc leaves the allocator's lock held, and
 * the next allocation anywhere in the process waits for ever.  A backend
 * may also simply block in sane_read when the scanner stops answering
 * (a pulled cable, a powered-off device).  Neither may freeze the
 * counter's program with a citizen waiting, so every SANE session runs
 * in a child made by fork():
 *
 *   - the child calls the module (scan-module.h) and sends what it gets
 *     up a pipe: progress as the data comes, then the pages and the
 *     outcome the moment they are known, before SANE is shut down; then
 *     it shuts SANE down and _exits (no atexit handler, no leak check,
 *     no stdio buffer of the parent flushed twice);
 *   - the parent reads the pipe with poll(), asks req->cancel at each
 *     message and at least ten times a second, and tells the child to
 *     stop by writing a byte down a second pipe;
 *   - a child silent for req->silence_ms (SCAN_SILENCE_MS), one that
 *     does not stop within CHILD_GRACE_MS of a cancel, and one that has
 *     not exited CHILD_GRACE_MS after its outcome are killed (SIGKILL)
 *     and reaped.  A child that dies without an outcome is a failed
 *     driver, said in a sentence.
 *
 * The pages come back as the module made them (JPEG or one-bit rows);
 * the parent makes the PDF through the module's pdf_make, in-process:
 * cairo has no thread of its own.  The program is single-threaded, so
 * fork() copies nothing half-done. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "motcua/i18n.h"
#include "scan-child.h"

/* How long a child may take to stop after a cancel or to exit after its
 * outcome before it is killed. */
#define CHILD_GRACE_MS 5000
/* The longest the parent waits between two looks at req->cancel. */
#define POLL_SLICE_MS 100

enum msg_type { MSG_PROGRESS = 1, MSG_PAGE, MSG_DONE, MSG_DEVICES };

/* One message up the pipe; MSG_PAGE and MSG_DEVICES are followed by
 * `bytes` bytes (the page's JPEG or rows; the devices' array).  Both
 * ends are the same program, so the structs travel as they are. */
struct msg {
	int type;
	int page;		/* MSG_PROGRESS */
	size_t bytes;		/* MSG_PROGRESS: the page's so far; else what follows */
	int rc;			/* MSG_DONE, MSG_DEVICES */
	struct scan_page pg;	/* MSG_PAGE: its sizes; the pointers mean nothing
				 * here, but jpeg != NULL says it is a JPEG */
	struct mc_err err;	/* MSG_DONE, MSG_DEVICES */
};

/* ---- the child ------------------------------------------------------------ */

struct child_end {
	int up, down;
};

/* All of buf up the pipe, or the child ends: the parent has gone. */
static void
child_send(const struct child_end *ce, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	while (len > 0) {
		ssize_t w = write(ce->up, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			_exit(1);
		p += w;
		len -= (size_t)w;
	}
}

static int
child_cancel(void *arg)
{
	const struct child_end *ce = arg;
	struct pollfd pf = {.fd = ce->down, .events = POLLIN};

	/* a byte from the parent, or the parent gone (POLLHUP): stop */
	return poll(&pf, 1, 0) > 0;
}

static void
child_progress(void *arg, int page, size_t bytes)
{
	struct msg m = {.type = MSG_PROGRESS, .page = page, .bytes = bytes};

	child_send(arg, &m, sizeof m);
}

static void
child_done(void *arg, int rc, const struct scan_page *pages, size_t n,
    const struct mc_err *err)
{
	struct msg m = {.type = MSG_DONE, .rc = rc};

	for (size_t i = 0; i < n; i++) {
		struct msg pm = {.type = MSG_PAGE, .pg = pages[i]};
		const unsigned char *body = pages[i].jpeg != NULL ? pages[i].jpeg :
		    pages[i].bits;

		pm.bytes = pages[i].jpeg != NULL ? pages[i].jpeg_len :
		    pages[i].stride * (size_t)pages[i].height;
		child_send(arg, &pm, sizeof pm);
		child_send(arg, body, pm.bytes);
	}
	if (err != NULL)
		m.err = *err;
	child_send(arg, &m, sizeof m);
}

/* A backend's own messages would land on the full-screen program's
 * screen: the child's standard input and output go to /dev/null, and so
 * does its standard error unless a SANE_DEBUG_* variable asks for the
 * backend's debugging (a technician chasing a scanner's fault). */
static void
child_quiet(const struct child_end *ce)
{
	extern char **environ;
	bool debug = false;
	int fd;

	for (char **e = environ; *e != NULL; e++)
		if (strncmp(*e, "SANE_DEBUG_", 11) == 0)
			debug = true;
	/* a program started with its standard files closed got the pipes
	 * as 0, 1 or 2: those stay as they are */
	if (ce->up <= STDERR_FILENO || ce->down <= STDERR_FILENO ||
	    (fd = open("/dev/null", O_RDWR)) < 0)
		return;
	(void)dup2(fd, STDIN_FILENO);
	(void)dup2(fd, STDOUT_FILENO);
	if (!debug)
		(void)dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
}

/* ---- the parent ----------------------------------------------------------- */

struct child {
	pid_t pid;
	int up, down;
	const struct scan_request *req;	/* NULL: nothing to ask (devices) */
	int silence_ms;
	bool cancelled;			/* the cancel byte has been sent */
	struct timespec heard;		/* the last data, or the cancel */
};

static long long
ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000LL + (now.tv_nsec - t->tv_nsec) / 1000000;
}

/* The child killed if still there, and reaped; within grace_ms when it
 * is expected to exit by itself. */
static void
child_end(struct child *c, int grace_ms)
{
	struct timespec since;
	int st;

	if (c->down >= 0)
		close(c->down);
	if (c->up >= 0)
		close(c->up);
	c->down = c->up = -1;
	clock_gettime(CLOCK_MONOTONIC, &since);
	for (;;) {
		pid_t r = waitpid(c->pid, &st, WNOHANG);

		if (r == c->pid || (r < 0 && errno != EINTR))
			return;
		if (r == 0 && ms_since(&since) >= grace_ms)
			break;
		if (r == 0) {
			struct timespec ts = {0, 10 * 1000000};

			nanosleep(&ts, NULL);
		}
	}
	kill(c->pid, SIGKILL);
	while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR)
		;
}

/* Asks req->cancel once; on a yes, tells the child. */
static void
child_ask_cancel(struct child *c)
{
	const struct scan_request *req = c->req;
	struct sigaction ign = {.sa_handler = SIG_IGN}, old;

	if (c->cancelled || req == NULL || req->cancel == NULL || !req->cancel(req->arg))
		return;
	c->cancelled = true;
	clock_gettime(CLOCK_MONOTONIC, &c->heard);
	/* the child may have ended already: then the write fails with EPIPE,
	 * which is no matter (it is stopping anyway), and SIGPIPE, which
	 * would end the program, is ignored for the moment of the write */
	if (sigaction(SIGPIPE, &ign, &old) != 0)
		return;
	while (write(c->down, "x", 1) < 0 && errno == EINTR)
		;
	sigaction(SIGPIPE, &old, NULL);
}

/* len bytes from the child into buf.  0; -1 with err set when the child
 * has gone silent, died, or not stopped after a cancel; SCAN_CANCELLED
 * when a cancel's grace ran out. */
static int
child_read(struct child *c, void *buf, size_t len, struct mc_err *err)
{
	unsigned char *p = buf;

	while (len > 0) {
		struct pollfd pf = {.fd = c->up, .events = POLLIN};
		int limit = c->cancelled ? CHILD_GRACE_MS : c->silence_ms;
		ssize_t r;
		int n;

		child_ask_cancel(c);
		if (ms_since(&c->heard) >= limit) {
			if (c->cancelled)
				return SCAN_CANCELLED;
			int secs = (limit + 999) / 1000;

			return err_set(err, MC_EIO, ngettext("the scanner has sent nothing "
			    "for %d second — check the cable and the power, then try again",
			    "the scanner has sent nothing for %d seconds — check the cable "
			    "and the power, then try again", (unsigned long)secs), secs);
		}
		n = poll(&pf, 1, POLL_SLICE_MS);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return err_set(err, MC_EIO, _("cannot scan: %s"), strerror(errno));
		if (n == 0)
			continue;
		r = read(c->up, p, len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return err_set(err, MC_EIO, _("the scanner's driver stopped in the "
			    "middle of the scan: try again; if it goes on, switch the scanner "
			    "off and on"));
		p += r;
		len -= (size_t)r;
		clock_gettime(CLOCK_MONOTONIC, &c->heard);
	}
	return 0;
}

/* A child for one SANE session: in the child, run(ce, arg) and _exit;
 * in the parent, 0 with *c set.  -1 with err set when no child. */
static int
child_start(struct child *c, const struct scan_request *req, int silence_ms,
    void (*run)(const struct child_end *, void *), void *arg, struct mc_err *err)
{
	int up[2], down[2];

	memset(c, 0, sizeof *c);
	c->up = c->down = -1;
	c->req = req;
	c->silence_ms = silence_ms > 0 ? silence_ms : SCAN_SILENCE_MS;
	if (pipe(up) != 0)
		return err_set(err, MC_EIO, _("cannot scan: %s"), strerror(errno));
	if (pipe(down) != 0) {
		close(up[0]);
		close(up[1]);
		return err_set(err, MC_EIO, _("cannot scan: %s"), strerror(errno));
	}
	if ((c->pid = fork()) < 0) {
		int e = errno;

		close(up[0]);
		close(up[1]);
		close(down[0]);
		close(down[1]);
		return err_set(err, MC_EIO, _("cannot scan: %s"), strerror(e));
	}
	if (c->pid == 0) {
		struct child_end ce = {.up = up[1], .down = down[0]};

		close(up[0]);
		close(down[1]);
		child_quiet(&ce);
		/* a parent gone while we write: end quietly */
		signal(SIGPIPE, SIG_DFL);
		run(&ce, arg);
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	c->up = up[0];
	c->down = down[1];
	clock_gettime(CLOCK_MONOTONIC, &c->heard);
	return 0;
}

/* ---- a document ----------------------------------------------------------- */

struct pages_job {
	const struct scan_module *m;
	const struct scan_request *req;
};

static void
pages_run(const struct child_end *ce, void *arg)
{
	const struct pages_job *job = arg;
	struct scan_request r = *job->req;
	struct mc_err e;

	r.cancel = child_cancel;
	r.progress = child_progress;
	r.arg = (void *)ce;
	err_clear(&e);
	job->m->pages(&r, child_done, (void *)ce, &e);
}

struct got_pages {
	struct scan_page *pg;
	unsigned char **body;
	size_t n;
};

static void
got_free(struct got_pages *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->body[i]);
	free(g->pg);
	free(g->body);
	memset(g, 0, sizeof *g);
}

/* One MSG_PAGE's body read into g. */
static int
got_add(struct child *c, struct got_pages *g, const struct msg *m, struct mc_err *err)
{
	struct scan_page *pg;
	unsigned char **body, *b;
	int rc;

	/* the module stops at SCAN_MAX_PAGES; a page is at most 512 MB */
	if (g->n >= SCAN_MAX_PAGES || m->bytes == 0 || m->bytes > (size_t)512 << 20)
		return err_set(err, MC_EIO, _("the scanner's driver sent a page motcua "
		    "cannot read: try again"));
	if ((pg = realloc(g->pg, (g->n + 1) * sizeof *pg)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	g->pg = pg;
	if ((body = realloc(g->body, (g->n + 1) * sizeof *body)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	g->body = body;
	if ((b = malloc(m->bytes)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if ((rc = child_read(c, b, m->bytes, err)) != 0) {
		free(b);
		return rc;
	}
	pg[g->n] = m->pg;
	if (m->pg.jpeg != NULL) {
		pg[g->n].jpeg = b;
		pg[g->n].jpeg_len = m->bytes;
		pg[g->n].bits = NULL;
	} else {
		pg[g->n].bits = b;
		pg[g->n].jpeg = NULL;
	}
	body[g->n++] = b;
	return 0;
}

int
scan_child_document(const struct scan_module *mod, const struct scan_request *req,
    unsigned char **pdf, size_t *pdf_len, struct mc_err *err)
{
	struct pages_job job = {mod, req};
	struct got_pages g = {0};
	struct child c;
	struct msg m;
	bool done = false;
	int rc;

	*pdf = NULL;
	*pdf_len = 0;
	if (child_start(&c, req, req->silence_ms, pages_run, &job, err))
		return -1;
	for (;;) {
		if ((rc = child_read(&c, &m, sizeof m, err)) != 0)
			break;
		if (m.type == MSG_PROGRESS) {
			if (req->progress != NULL)
				req->progress(req->arg, m.page, m.bytes);
			continue;
		}
		if (m.type == MSG_PAGE) {
			if ((rc = got_add(&c, &g, &m, err)) != 0)
				break;
			continue;
		}
		rc = m.rc;
		done = m.type == MSG_DONE;
		if (!done || (rc > 0 && (size_t)rc != g.n))
			rc = err_set(err, MC_EIO, _("the scanner's driver sent a page motcua "
			    "cannot read: try again"));
		else if (rc < 0)
			*err = m.err;
		break;
	}
	/* the outcome is in: SANE's shutting down may take a moment, or hang */
	child_end(&c, done ? CHILD_GRACE_MS : 0);
	/* a cancel wins over pages, not over a failure the child had
	 * already met (doctor's probe cancels at once to learn that one) */
	if (c.cancelled && !(done && rc == -1)) {
		got_free(&g);
		err_set(err, MC_EIO, _("the scan was cancelled: nothing was kept"));
		return SCAN_CANCELLED;
	}
	if (rc > 0 && mod->pdf_make(g.pg, g.n, pdf, pdf_len, err) != 0)
		rc = -1;
	got_free(&g);
	return rc;
}

/* ---- the scanners --------------------------------------------------------- */

static void
devices_run(const struct child_end *ce, void *arg)
{
	const struct scan_module *mod = arg;
	struct scan_device *d = NULL;
	struct msg m = {.type = MSG_DEVICES};
	size_t n = 0;

	err_clear(&m.err);
	m.rc = mod->devices(&d, &n, &m.err);
	m.bytes = m.rc == 0 ? n * sizeof *d : 0;
	child_send(ce, &m, sizeof m);
	if (m.bytes > 0)
		child_send(ce, d, m.bytes);
	free(d);
}

int
scan_child_devices(const struct scan_module *mod, struct scan_device **out, size_t *n,
    struct mc_err *err)
{
	struct child c;
	struct msg m;
	int rc;

	*out = NULL;
	*n = 0;
	if (child_start(&c, NULL, 0, devices_run, (void *)mod, err))
		return -1;
	rc = child_read(&c, &m, sizeof m, err);
	if (rc == 0 && (m.type != MSG_DEVICES || m.bytes % sizeof **out != 0 ||
	    m.bytes / sizeof **out > 4096))
		rc = err_set(err, MC_EIO, _("the scanner's driver sent a list motcua "
		    "cannot read: try again"));
	else if (rc == 0 && m.rc != 0)
		rc = -1, *err = m.err;
	else if (rc == 0 && m.bytes > 0) {
		if ((*out = malloc(m.bytes)) == NULL)
			rc = err_set(err, MC_ENOMEM, _("out of memory"));
		else if ((rc = child_read(&c, *out, m.bytes, err)) != 0) {
			free(*out);
			*out = NULL;
		} else
			*n = m.bytes / sizeof **out;
	}
	child_end(&c, rc == 0 ? CHILD_GRACE_MS : 0);
	return rc == 0 ? 0 : -1;
}

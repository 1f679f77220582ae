/* util.c -- see util.h. */
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/syscall.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <utf8proc.h>
#include <unistd.h>

int util_quiet;

static void die_oom(size_t n)
{
	fprintf(stderr, "colloquy: fatal: out of memory (%zu bytes)\n", n);
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void xgrow(void **p, size_t *alloc, size_t need, size_t elem)
{
	size_t n;

	if (need <= *alloc)
		return;
	n = *alloc ? *alloc : 8;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / elem)
		die_oom(SIZE_MAX);
	*p = xrealloc(*p, n * elem);
	*alloc = n;
}

int error(const char *fmt, ...)
{
	va_list ap;

	fputs("colloquy: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	if (util_quiet)
		return;
	fputs("colloquy: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void sb_grow(struct sb *sb, size_t extra)
{
	if (sb->len + extra + 1 < sb->len)
		die_oom(SIZE_MAX);
	XGROW(sb->buf, sb->alloc, sb->len + extra + 1);
	sb->buf[sb->len] = '\0';
}

void sb_add(struct sb *sb, const void *data, size_t n)
{
	sb_grow(sb, n);
	if (n)
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_addstr(struct sb *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addch(struct sb *sb, int c)
{
	char ch = (char)c;
	sb_add(sb, &ch, 1);
}

void sb_addf(struct sb *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sb_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void sb_be16(struct sb *sb, uint16_t v)
{
	unsigned char b[2] = { (unsigned char)(v >> 8), (unsigned char)v };
	sb_add(sb, b, 2);
}

void sb_be32(struct sb *sb, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16),
			       (unsigned char)(v >> 8), (unsigned char)v };
	sb_add(sb, b, 4);
}

char *sb_detach(struct sb *sb, size_t *len)
{
	char *buf;

	if (!sb->buf)
		sb_grow(sb, 0);
	buf = sb->buf;
	if (len)
		*len = sb->len;
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
	return buf;
}

void sb_release(struct sb *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

size_t sb_add_entity(struct sb *sb, const char *p, size_t n)
{
	static const char *const entities[][2] = {
		{ "&amp;", "&" }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&apos;", "'" },
		{ "&nbsp;", " " }, { "&rsquo;", "\xe2\x80\x99" }, { "&lsquo;", "\xe2\x80\x98" },
		{ "&ldquo;", "\xe2\x80\x9c" }, { "&rdquo;", "\xe2\x80\x9d" }, { "&mdash;", "\xe2\x80\x94" },
		{ "&ndash;", "\xe2\x80\x93" }, { "&hellip;", "\xe2\x80\xa6" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&lrm;", "" }, { "&rlm;", "" },
	};

	for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
		size_t len = strlen(entities[i][0]);

		if (n >= len && !memcmp(p, entities[i][0], len)) {
			sb_addstr(sb, entities[i][1]);
			return len;
		}
	}
	/* "&#233;", "&#xE9;": a character by its number */
	if (n >= 4 && p[1] == '#') {
		int hex = p[2] == 'x' || p[2] == 'X';
		size_t i = 2 + (size_t)hex, digits = 0;
		long cp = 0;

		for (; i < n && digits < 7 && (hex ? isxdigit((unsigned char)p[i]) : isdigit((unsigned char)p[i])); i++, digits++)
			cp = cp * (hex ? 16 : 10) + (isdigit((unsigned char)p[i]) ? p[i] - '0' : (tolower((unsigned char)p[i]) - 'a' + 10));
		if (digits && i < n && p[i] == ';' && cp > 0 && utf8proc_codepoint_valid((utf8proc_int32_t)cp)) {
			utf8proc_uint8_t buf[4];
			utf8proc_ssize_t len = utf8proc_encode_char((utf8proc_int32_t)cp, buf);

			sb_add(sb, (const char *)buf, (size_t)len);
			return i + 1;
		}
	}
	return 0;
}

int util_read_file(const char *path, char **data, size_t *len)
{
	struct sb sb = SB_INIT;
	struct stat st;
	int fd;

	/* O_NONBLOCK: a FIFO opens at once, to be refused below, not waited on */
	fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd < 0)
		return error("cannot open '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		close(fd);
		return error("cannot read '%s': %s", path, strerror(errno));
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return error("cannot read '%s': it is a directory", path);
	}
	if (!S_ISREG(st.st_mode)) {	/* a FIFO waits for ever, /dev/zero never ends */
		close(fd);
		return error("cannot read '%s': it is not a regular file", path);
	}
	if ((uintmax_t)st.st_size > UTIL_READ_MAX) {
		close(fd);
		return error("cannot read '%s': it is %ju MB, more than colloquy reads (%u MB)", path,
			     (uintmax_t)st.st_size >> 20, UTIL_READ_MAX >> 20);
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (st.st_size > 0)
		sb_grow(&sb, (size_t)st.st_size);
	for (;;) {
		ssize_t n;

		sb_grow(&sb, 65536);
		n = read(fd, sb.buf + sb.len, sb.alloc - sb.len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			error("cannot read '%s': %s", path, strerror(errno));
			close(fd);
			sb_release(&sb);
			return -1;
		}
		if (n == 0)
			break;
		sb.len += (size_t)n;
	}
	close(fd);
	sb_grow(&sb, 0);
	sb.buf[sb.len] = '\0';
	*data = sb_detach(&sb, len);
	return 0;
}

/* Temporary files being written, removed by the signal handler.  Only
 * async-signal-safe calls touch this from the handler. */
#define MAX_PENDING 16
static char pending[MAX_PENDING][4096];
static volatile sig_atomic_t pending_used[MAX_PENDING];
static volatile pid_t pending_owner[MAX_PENDING];

static int pending_add(const char *path)
{
	for (int i = 0; i < MAX_PENDING; i++) {
		if (!pending_used[i] && strlen(path) < sizeof(pending[i])) {
			strcpy(pending[i], path);
			pending_owner[i] = getpid();
			pending_used[i] = 1;
			return i;
		}
	}
	return -1;
}

/* May this process remove what owner registered?  Its own, and its
 * parent's once the parent has died (a worker told by the kernel that
 * the render above it was killed); never a live parent's. */
static int may_clean(pid_t owner)
{
	return owner == getpid() || owner != getppid();
}

static void pending_del(int slot)
{
	if (slot >= 0)
		pending_used[slot] = 0;
}

/* A private scratch folder, emptied and removed on a fatal signal. */
static char scratch[4096];
static volatile sig_atomic_t scratch_used;
static volatile pid_t scratch_owner;

/* Remove dir's files and then dir, with system calls only (the handler
 * may not call opendir(), which allocates). */
static void remove_flat_dir(const char *dir)
{
	char buf[4096], path[4096 + 256];
	size_t dlen = strlen(dir);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	long n;

	if (fd < 0)
		return;
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			const struct linux_dirent64 {
				uint64_t ino;
				int64_t off;
				unsigned short reclen;
				unsigned char type;
				char name[];
			} *d = (const void *)(buf + off);
			size_t nlen = strlen(d->name);

			off += d->reclen;
			if (!strcmp(d->name, ".") || !strcmp(d->name, "..") || dlen + 1 + nlen >= sizeof(path))
				continue;
			memcpy(path, dir, dlen);
			path[dlen] = '/';
			memcpy(path + dlen + 1, d->name, nlen + 1);
			unlink(path);
		}
	}
	close(fd);
	rmdir(dir);
}

/* This machine's name as temporary names carry it ("build-7"): letters,
 * digits and '-' only, at most 32.  Files of a run on another machine
 * that shares the folder are never taken for a dead run's. */
static const char *host_tag(void)
{
	static char tag[33];

	if (!tag[0]) {
		char name[256] = "";
		size_t n = 0;

		gethostname(name, sizeof(name) - 1);
		for (const char *p = name; *p && n < sizeof(tag) - 1; p++)
			tag[n++] = isalnum((unsigned char)*p) || *p == '-' ? *p : '-';
		if (!n)
			tag[n++] = 'h';
		tag[n] = '\0';
	}
	return tag;
}

/* The process that made a temporary name "...<host>-<pid>.XXXXXX[.tmp]",
 * or 0 when the name is not one of this machine's. */
static pid_t maker_of(const char *name, int tmp_suffix)
{
	size_t n = strlen(name), h = strlen(host_tag());
	const char *end = name + n - (tmp_suffix ? 4 : 0), *dot, *p;
	long pid = 0;

	if (tmp_suffix && (n < 4 || strcmp(name + n - 4, ".tmp")))
		return 0;
	if (end - name < 8 || end[-7] != '.')
		return 0;
	dot = end - 7;	/* before "XXXXXX" */
	for (p = dot; p > name && isdigit((unsigned char)p[-1]); p--)
		;
	if (p == dot || p - name < (long)h + 2 || p[-1] != '-' || strncmp(p - 1 - h, host_tag(), h) ||
	    p[-2 - h] != '.')
		return 0;
	for (; p < dot; p++)
		pid = pid * 10 + (*p - '0');
	return pid > 0 && pid < INT_MAX ? (pid_t)pid : 0;
}

static int is_dead(pid_t pid)
{
	return pid > 0 && pid != getpid() && kill(pid, 0) < 0 && errno == ESRCH;
}

/* Remove what killed runs left in dir: scratch folders (SWEEP_SCRATCH,
 * "colloquy.<host>-<pid>.XXXXXX") or, beside an output, temporary files
 * ("<name>.<host>-<pid>.XXXXXX.tmp").  Only this user's, only of this
 * machine, only of processes that no longer exist. */
enum { SWEEP_SCRATCH = 1, SWEEP_TMP = 2 };

static void sweep_stale(const char *dir, int what)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		struct stat st;
		char *path;
		pid_t pid;

		if (what == SWEEP_SCRATCH ? strncmp(e->d_name, "colloquy.", 9) : !strstr(e->d_name, ".tmp"))
			continue;
		pid = maker_of(e->d_name, what == SWEEP_TMP);
		if (!is_dead(pid))
			continue;
		path = util_path_join(dir, e->d_name);
		if (lstat(path, &st) == 0 && st.st_uid == geteuid()) {
			if (what == SWEEP_SCRATCH && S_ISDIR(st.st_mode))
				remove_flat_dir(path);
			else if (what == SWEEP_TMP && S_ISREG(st.st_mode))
				unlink(path);
		}
		free(path);
	}
	closedir(d);
}

/* Sweep the folder of path, once per folder and process. */
static void sweep_stale_beside(const char *path)
{
	static char *swept[8];
	static size_t nswept;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");

	for (size_t i = 0; i < nswept; i++) {
		if (!strcmp(swept[i], dir)) {
			free(dir);
			return;
		}
	}
	sweep_stale(dir, SWEEP_TMP);
	if (nswept < sizeof(swept) / sizeof(swept[0]))
		swept[nswept++] = dir;
	else
		free(dir);
}

int util_scratch_dir(char **dir)
{
	const char *tmpdir = getenv("TMPDIR");
	struct sb sb = SB_INIT;

	sweep_stale(tmpdir && *tmpdir ? tmpdir : "/tmp", SWEEP_SCRATCH);
	sb_addf(&sb, "%s/colloquy.%s-%ld.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp", host_tag(), (long)getpid());
	if (!mkdtemp(sb.buf) || sb.len >= sizeof(scratch)) {
		error("cannot create a scratch folder in '%s': %s", tmpdir && *tmpdir ? tmpdir : "/tmp",
		      strerror(errno));
		sb_release(&sb);
		return -1;
	}
	strcpy(scratch, sb.buf);
	scratch_owner = getpid();
	scratch_used = 1;
	*dir = sb_detach(&sb, NULL);
	return 0;
}

void util_scratch_remove(void)
{
	if (scratch_used) {
		remove_flat_dir(scratch);
		scratch_used = 0;
	}
}

/* Worker processes, stopped with the same signal. */
#define MAX_CHILDREN 256
static volatile pid_t children[MAX_CHILDREN];

void util_child_add(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++) {
		if (!children[i]) {
			children[i] = pid;
			return;
		}
	}
}

void util_child_del(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i] == pid)
			children[i] = 0;
}

pid_t util_fork(void)
{
	pid_t parent = getpid(), pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		/* a worker ends with the run that started it, even one
		 * killed with SIGKILL, whose handler cannot stop it */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent)
			raise(SIGTERM);
		for (int i = 0; i < MAX_CHILDREN; i++)
			children[i] = 0;	/* the parent's workers are not its own */
	}
	return pid;
}

static void on_fatal_signal(int sig)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i] > 0)
			kill(children[i], sig);
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending_used[i] && may_clean(pending_owner[i]))
			unlink(pending[i]);
	if (scratch_used && may_clean(scratch_owner))
		remove_flat_dir(scratch);
	signal(sig, SIG_DFL);
	raise(sig);
}

void util_install_signal_cleanup(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	/* Past a file size limit, write() fails with EFBIG and the output is
	 * abandoned with a message, rather than the process dying silently. */
	signal(SIGXFSZ, SIG_IGN);
}

int util_read_all(int fd, void *data, size_t len)
{
	char *p = data;

	while (len) {
		ssize_t n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int util_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int util_atomic_open(struct util_atomic *a, const char *path)
{
	struct sb tmp = SB_INIT;

	a->path = path;
	a->offset = 0;
	a->volatile_ = 0;
	sweep_stale_beside(path);
	sb_addf(&tmp, "%s.%s-%ld.XXXXXX.tmp", path, host_tag(), (long)getpid());
	a->fd = mkstemps(tmp.buf, 4);
	if (a->fd < 0) {
		sb_release(&tmp);
		return error("cannot create '%s': %s", path, strerror(errno));
	}
	a->tmp = sb_detach(&tmp, NULL);
	a->slot = pending_add(a->tmp);
	return 0;
}

int util_atomic_write(struct util_atomic *a, const void *data, size_t len)
{
	if (util_write_all(a->fd, data, len) < 0)
		return error("cannot write '%s': %s", a->path, strerror(errno));
	a->offset += len;
	return 0;
}

int util_atomic_pwrite(struct util_atomic *a, const void *data, size_t len, uint64_t offset)
{
	const char *p = data;

	while (len) {
		ssize_t n = pwrite(a->fd, p, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return error("cannot write '%s': %s", a->path, strerror(errno ? errno : EIO));
		p += n;
		len -= (size_t)n;
		offset += (uint64_t)n;
	}
	return 0;
}

void util_atomic_abort(struct util_atomic *a)
{
	if (!a->tmp)
		return;
	if (a->fd >= 0)
		close(a->fd);
	unlink(a->tmp);
	pending_del(a->slot);
	free(a->tmp);
	a->tmp = NULL;
	a->fd = -1;
}

/* Files committed while held: their temporaries wait, in the order
 * they were committed, for util_release(). */
static int holding;
static struct {
	char *tmp, *path;
	int slot;
} held[MAX_PENDING];
static size_t nheld;

void util_hold(void)
{
	holding = 1;
}

int util_release(int commit)
{
	int ret = 0, dir = -1;

	holding = 0;
	if (commit && nheld) {
		/* two renders to one place rename their sets one after the
		 * other, never interleaved: a lock on the folder */
		char *d = xstrdup(held[0].path), *slash = strrchr(d, '/');

		if (slash)
			*slash = '\0';
		dir = open(slash ? (*d ? d : "/") : ".", O_RDONLY | O_DIRECTORY);
		if (dir >= 0)
			while (flock(dir, LOCK_EX) < 0 && errno == EINTR)
				;
		free(d);
	}
	/* the last committed first: the file committed first (an episode's
	 * MP3) is renamed last, so that its being new says the rest are */
	for (size_t i = nheld; i-- > 0;) {
		if (commit && ret == 0 && rename(held[i].tmp, held[i].path) < 0)
			ret = error("cannot rename '%s' to '%s': %s", held[i].tmp, held[i].path, strerror(errno));
		if (!commit || ret)
			unlink(held[i].tmp);
		pending_del(held[i].slot);
		free(held[i].tmp);
		free(held[i].path);
	}
	nheld = 0;
	if (dir >= 0)
		close(dir);	/* and the lock with it */
	return ret;
}

int util_atomic_commit(struct util_atomic *a)
{
	/* The file is shared with listeners: make it readable as a normal
	 * file would be rather than mkstemp's owner-only mode. */
	mode_t mask = umask(0), mode;
	struct stat old;
	int replaces;

	umask(mask);
	/* a file it replaces keeps its mode */
	replaces = stat(a->path, &old) == 0 && S_ISREG(old.st_mode);
	mode = replaces ? old.st_mode & 07777 : 0666 & ~mask;
	if (fchmod(a->fd, mode) < 0) {
		error("cannot set mode of '%s': %s", a->path, strerror(errno));
		goto fail;
	}
	/* and, for root replacing a user's file, its owner */
	if (replaces && geteuid() == 0 && (old.st_uid != 0 || old.st_gid != getegid()))
		(void)!fchown(a->fd, old.st_uid, old.st_gid);
	if (!a->volatile_ && fsync(a->fd) < 0 && errno != EINVAL) {
		error("cannot write '%s': %s", a->path, strerror(errno));
		goto fail;
	}
	if (close(a->fd) < 0) {
		a->fd = -1;
		error("cannot write '%s': %s", a->path, strerror(errno));
		goto fail;
	}
	a->fd = -1;
	if (holding && nheld < MAX_PENDING) {	/* renamed with the rest by util_release() */
		held[nheld].tmp = a->tmp;
		held[nheld].path = xstrdup(a->path);
		held[nheld++].slot = a->slot;
		a->tmp = NULL;
		return 0;
	}
	if (rename(a->tmp, a->path) < 0) {
		error("cannot rename '%s' to '%s': %s", a->tmp, a->path, strerror(errno));
		goto fail;
	}
	pending_del(a->slot);
	free(a->tmp);
	a->tmp = NULL;
	return 0;
fail:
	util_atomic_abort(a);
	return -1;
}

static int write_atomic(const char *path, const struct util_part *parts, size_t nparts, int durable)
{
	struct util_atomic a;

	if (util_atomic_open(&a, path) < 0)
		return -1;
	a.volatile_ = !durable;
	for (size_t i = 0; i < nparts; i++) {
		if (util_atomic_write(&a, parts[i].data, parts[i].len) < 0) {
			util_atomic_abort(&a);
			return -1;
		}
	}
	return util_atomic_commit(&a);
}

int util_write_atomic(const char *path, const struct util_part *parts, size_t nparts)
{
	return write_atomic(path, parts, nparts, 1);
}

int util_write_volatile(const char *path, const struct util_part *parts, size_t nparts)
{
	return write_atomic(path, parts, nparts, 0);
}

char *util_text_safe(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	struct sb out = SB_INIT;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);

		if (n < 0) {
			sb_addstr(&out, "\xef\xbf\xbd");	/* U+FFFD for a byte that is not UTF-8 */
			p++;
			continue;
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			sb_addch(&out, ' ');
		else if (cp == 0xfffe || cp == 0xffff)
			sb_addstr(&out, "\xef\xbf\xbd");
		else
			sb_add(&out, p, (size_t)n);
		p += n;
	}
	sb_grow(&out, 0);
	return sb_detach(&out, NULL);
}

char *util_url_escape(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	struct sb out = SB_INIT;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || strchr("-._~/", *p)) {
			sb_addch(&out, (char)*p);
		} else {
			sb_addch(&out, '%');
			sb_addch(&out, hex[*p >> 4]);
			sb_addch(&out, hex[*p & 15]);
		}
	}
	sb_grow(&out, 0);
	return sb_detach(&out, NULL);
}

char *util_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!dot || dot == base)
		dot = base + strlen(base);
	return xstrndup(base, (size_t)(dot - base));
}

char *util_path_join(const char *dir, const char *name)
{
	struct sb sb = SB_INIT;
	size_t n = strlen(dir);

	sb_add(&sb, dir, n);
	if (n && dir[n - 1] != '/')
		sb_addch(&sb, '/');
	sb_addstr(&sb, name);
	return sb_detach(&sb, NULL);
}

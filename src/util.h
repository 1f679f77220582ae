/* util.h -- memory, messages, growable buffers and files shared by every stage.
 * Out-of-memory policy: the x*() allocators print a message and exit, so no
 * caller checks for NULL (one policy for the whole program).
 * Messages: error() prints "colloquy: error: ..." and returns -1, so a
 * function reports and fails in one statement: return error("...", path); */
#ifndef COLLOQUY_UTIL_H
#define COLLOQUY_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow an array *p of *alloc elements of size elem so that it holds at
 * least need elements; doubles, so appends are amortised O(1). */
void xgrow(void **p, size_t *alloc, size_t need, size_t elem);
#define XGROW(p, alloc, need) xgrow((void **)&(p), &(alloc), (need), sizeof(*(p)))

/* Print one message on stderr, prefixed "colloquy: error: ", and return -1. */
int error(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Print "colloquy: warning: ..." unless util_quiet is set. */
void warning(const char *fmt, ...) PRINTF_LIKE(1, 2);
extern int util_quiet;

/* A growable byte buffer that keeps a NUL after its contents, so buf is a
 * C string whenever no NUL was added.  The buffer owns buf; sb_detach()
 * hands it to the caller. */
struct sb {
	char *buf;
	size_t len, alloc;
};
#define SB_INIT { NULL, 0, 0 }
void sb_grow(struct sb *sb, size_t extra);
void sb_add(struct sb *sb, const void *data, size_t n);
void sb_addstr(struct sb *sb, const char *s);
void sb_addch(struct sb *sb, int c);
void sb_addf(struct sb *sb, const char *fmt, ...) PRINTF_LIKE(2, 3);
void sb_be16(struct sb *sb, uint16_t v);
void sb_be32(struct sb *sb, uint32_t v);
char *sb_detach(struct sb *sb, size_t *len);
void sb_release(struct sb *sb);
/* An HTML entity at p ("&amp;", "&rsquo;", "&#39;", of the few that text
 * copied from pages and captions carries), at most n bytes: its text
 * appended to sb, and the entity's length returned; 0 when there is none. */
size_t sb_add_entity(struct sb *sb, const char *p, size_t n);

/* Read a whole file into a NUL-terminated buffer the caller frees.
 * Returns 0, or -1 after a message naming the file and the cause. */
/* Read a whole regular file of at most UTIL_READ_MAX bytes (a FIFO, a
 * device or a larger file is refused with a message). */
#define UTIL_READ_MAX (1024u << 20)
int util_read_file(const char *path, char **data, size_t *len);

/* Write the byte buffers parts[0..nparts) as path, all or nothing: the
 * bytes go to a temporary file in the same folder, which is renamed over
 * path only once every byte is written and flushed.  On failure the
 * temporary file is removed and an existing path is left untouched.
 * Returns 0, or -1 after one message. */
struct util_part {
	const void *data;
	size_t len;
};
int util_write_atomic(const char *path, const struct util_part *parts, size_t nparts);
/* The same without waiting for the disk (no fsync): for files that can be
 * made again, such as the cache's, where a crash may leave a file short
 * but never a partial one under its name while the system runs. */
int util_write_volatile(const char *path, const struct util_part *parts, size_t nparts);

/* The same, written a piece at a time: open, write (and pwrite to fill in
 * a header), then commit, or abort to leave path as it was.  Every call
 * reports its own failure naming path, and a failed commit aborts. */
struct util_atomic {
	const char *path;
	char *tmp;
	int fd, slot;
	int volatile_;       /* skip the fsync */
	uint64_t offset;     /* bytes written so far by util_atomic_write() */
};
int util_atomic_open(struct util_atomic *a, const char *path);
int util_atomic_write(struct util_atomic *a, const void *data, size_t len);
int util_atomic_pwrite(struct util_atomic *a, const void *data, size_t len, uint64_t offset);
int util_atomic_commit(struct util_atomic *a);

/* Hold the renames of what is committed from now on, so that a set of
 * files (an episode and its sidecars) replaces the old set together:
 * util_release(1) renames them all, the first committed last, and
 * util_release(0) throws them away.  Returns 0, or -1 after a message. */
void util_hold(void);
int util_release(int commit);
void util_atomic_abort(struct util_atomic *a);

/* A private folder of flat files under $TMPDIR (or /tmp), removed with its
 * files by util_scratch_remove() and by a fatal signal.  One at a time.
 * The folders that runs killed with SIGKILL left there (the name carries
 * the machine and the process) are removed first.  Temporary files beside
 * outputs carry the same, and a killed run's are removed by the next
 * run that writes into that folder. */
int util_scratch_dir(char **dir);
void util_scratch_remove(void);

/* Read or write exactly len bytes, through EINTR and short transfers.
 * Return 0, or -1 with errno set (or at end of file, for reading). */
int util_read_all(int fd, void *data, size_t len);
int util_write_all(int fd, const void *data, size_t len);

/* fork() for a worker: output flushed first, and the child ends (with
 * SIGTERM, so its own cleanup runs) when this process dies, however it
 * dies.  Returns as fork() does. */
pid_t util_fork(void);

/* Worker processes to stop with this one when a signal ends it. */
void util_child_add(pid_t pid);
void util_child_del(pid_t pid);

/* Remove temporary files still open when a signal ends the process. */
void util_install_signal_cleanup(void);

/* s as text that XML 1.0 and an ID3 tag can carry: a byte that is not
 * UTF-8 becomes U+FFFD, a control character (tab and line feed aside) a
 * space.  Caller frees. */
char *util_text_safe(const char *s);

/* A path's bytes for a URL: letters, digits, "-._~/" as they are, every
 * other byte %XX (RFC 3986).  Caller frees. */
char *util_url_escape(const char *s);

/* "dir/name.txt" -> "name" (extension and folders removed), caller frees. */
char *util_stem(const char *path);
/* Join a folder and a file name with one '/', caller frees. */
char *util_path_join(const char *dir, const char *name);

#endif

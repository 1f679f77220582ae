/* store.c -- see store.h. */
#define _GNU_SOURCE
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

/* The program's version: code that changes what a stage makes changes
 * every key, so no build reads what another made. */
static const char *salt = "";

void store_salt(const char *version)
{
	salt = version;
}

void store_key(struct store_key *k, const void *desc, size_t len)
{
	XXH3_state_t *st = XXH3_createState();
	XXH128_hash_t h;

	if (!st) {
		fprintf(stderr, "colloquy: error: out of memory\n");
		exit(1);
	}
	XXH3_128bits_reset(st);
	XXH3_128bits_update(st, salt, strlen(salt) + 1);
	XXH3_128bits_update(st, desc, len);
	h = XXH3_128bits_digest(st);
	XXH3_freeState(st);

	snprintf(k->hex, sizeof(k->hex), "%016llx%016llx", (unsigned long long)h.high64,
		 (unsigned long long)h.low64);
}

char *store_default_root(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct sb sb = SB_INIT;

	if (xdg && *xdg == '/')
		sb_addf(&sb, "%s/colloquy", xdg);
	else if (home && *home)
		sb_addf(&sb, "%s/.cache/colloquy", home);
	else
		return NULL;
	return sb_detach(&sb, NULL);
}

/* Every entry ends with a trailer: ENTRY_MAGIC and the XXH3-64 of what
 * comes before it, little-endian.  An entry that does not end so (cut
 * short, overwritten, made by hand) is damaged, removed and made again. */
#define ENTRY_MAGIC "clqsum01"
#define TRAILER 16

static void trailer_of(XXH64_hash_t h, unsigned char *t)
{
	memcpy(t, ENTRY_MAGIC, 8);
	for (int i = 0; i < 8; i++)
		t[8 + i] = (unsigned char)(h >> (8 * i));
}

/* Does the open entry fd, of size bytes, end with its own checksum? */
static int sound(int fd, uint64_t size)
{
	XXH3_state_t *st;
	unsigned char buf[1 << 16], want[TRAILER], got[TRAILER];
	uint64_t left;
	int ok = 0;

	if (size < TRAILER || pread(fd, got, TRAILER, (off_t)(size - TRAILER)) != TRAILER)
		return 0;
	if (!(st = XXH3_createState())) {
		fprintf(stderr, "colloquy: error: out of memory\n");
		exit(1);
	}
	XXH3_64bits_reset(st);
	for (left = size - TRAILER; left;) {
		size_t want_n = left < sizeof(buf) ? (size_t)left : sizeof(buf);
		ssize_t n = pread(fd, buf, want_n, (off_t)(size - TRAILER - left));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto out;
		XXH3_64bits_update(st, buf, (size_t)n);
		left -= (uint64_t)n;
	}
	trailer_of(XXH3_64bits_digest(st), want);
	ok = !memcmp(want, got, TRAILER);
out:
	XXH3_freeState(st);
	return ok;
}

/* The entry of kind at path is damaged: say so, and remove it. */
static void damaged(const char *kind, const char *path)
{
	static const struct {
		const char *kind, *again;
	} what[] = {
		{ "speech", "speaking its paragraph again" }, { "mp3", "encoding its chunk again" },
		{ "rate", "measuring its voice again" }, { "level", "measuring its loudness again" },
	};
	const char *again = "making it again";

	for (size_t i = 0; i < sizeof(what) / sizeof(what[0]); i++)
		if (!strcmp(kind, what[i].kind))
			again = what[i].again;
	warning("cache entry '%s' is damaged; %s", path, again);
	unlink(path);
}

void store_drop_damaged(const struct store *st, const char *kind, const struct store_key *k)
{
	char *path = store_path(st, kind, k);

	damaged(kind, path);
	free(path);
}

/* mkdir -p */
static int make_dirs(const char *path)
{
	char *p = xstrdup(path);
	int ret = 0;

	if (!*p) {
		free(p);
		errno = ENOENT;
		return -1;
	}

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || !*s) {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0777) < 0 && errno != EEXIST) {
				ret = -1;
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return ret;
}

/* The kinds of entry a cache holds, one folder each. */
static const char *const kinds[] = { "speech", "rate", "level", "mp3" };

/* CACHEDIR.TAG (the Cache Directory Tagging convention, which backup
 * tools honour) marks a folder as a cache; colloquy prunes no other. */
#define TAG_NAME "CACHEDIR.TAG"
#define TAG_SIGNATURE "Signature: 8a477f597d28d172789f06886806bc55"

static int is_kind(const char *name)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(name, kinds[i]))
			return 1;
	return 0;
}

/* Is root a colloquy cache: its tag says so?  Returns 1, 0, or -1 when it
 * has no tag but holds nothing else than a cache's own folders (a cache
 * from before the tag), which may be tagged. */
static int tagged(const char *root)
{
	char *tag = util_path_join(root, TAG_NAME), *data = NULL;
	size_t len = 0;
	int yes = 0;
	DIR *d;
	struct dirent *de;

	if (access(tag, F_OK) == 0 && util_read_file(tag, &data, &len) == 0)
		yes = len >= strlen(TAG_SIGNATURE) && !memcmp(data, TAG_SIGNATURE, strlen(TAG_SIGNATURE));
	free(data);
	free(tag);
	if (yes)
		return 1;
	if (!(d = opendir(root)))
		return 0;
	yes = -1;
	while ((de = readdir(d)) && yes) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (!is_kind(de->d_name))
			yes = 0;	/* a file of the user's: not ours */
	}
	closedir(d);
	return yes;
}

static int write_tag(const char *root)
{
	char *tag = util_path_join(root, TAG_NAME);
	static const char text[] = TAG_SIGNATURE "\n"
		"# This file marks a cache folder made by colloquy (https://bford.info/cachedir/).\n"
		"# Everything here can be made again; colloquy cache --prune removes it.\n";
	struct util_part part = { text, sizeof(text) - 1 };
	int ret = util_write_atomic(tag, &part, 1);

	free(tag);
	return ret;
}

/* Hold the cache folder dir with a shared lock for a render (LOCK_SH), or
 * an exclusive one for a prune (LOCK_EX, waiting for the renders using it
 * with a note).  Returns the folder's descriptor, or -1 (no lock, said
 * nothing: a cache that cannot be locked is still used). */
static int lock_cache(const char *dir, int how)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (flock(fd, how | LOCK_NB) == 0)
		return fd;
	if (errno == EWOULDBLOCK) {
		if (how == LOCK_EX)
			fprintf(stderr, "colloquy: waiting for the renders that use the cache '%s' to end\n", dir);
		while (flock(fd, how) < 0)
			if (errno != EINTR) {
				close(fd);
				return -1;
			}
		return fd;
	}
	close(fd);
	return -1;
}

int store_open(struct store *st, int use_cache, const char *root)
{
	st->root = NULL;
	st->scratch = 0;
	st->lock = -1;
	if (use_cache) {
		char *dir = root ? xstrdup(root) : store_default_root();

		struct stat sd;

		if (dir && stat(dir, &sd) == 0 && !S_ISDIR(sd.st_mode)) {
			warning("the cache folder '%s' is not a folder; rendering without a cache", dir);
		} else if (dir && make_dirs(dir) == 0 && access(dir, W_OK) == 0) {
			int t = tagged(dir);

			if (t == 1 || (t < 0 && write_tag(dir) == 0)) {
				st->root = dir;
				st->lock = lock_cache(dir, LOCK_SH);
				return 0;
			}
			warning("'%s' is not a colloquy cache (it holds other files and no %s); rendering without a "
				"cache", dir, TAG_NAME);
		} else {
			warning("cannot use the cache folder '%s' (%s); rendering without a cache",
				dir ? dir : "$HOME/.cache/colloquy", dir ? strerror(errno) : "no HOME");
		}
		free(dir);
	}
	if (util_scratch_dir(&st->root) < 0)
		return -1;
	st->scratch = 1;
	return 0;
}

void store_close(struct store *st)
{
	if (st->lock >= 0)
		close(st->lock);
	st->lock = -1;
	if (st->scratch)
		util_scratch_remove();
	free(st->root);
	st->root = NULL;
}

char *store_path(const struct store *st, const char *kind, const struct store_key *k)
{
	struct sb sb = SB_INIT;

	/* scratch stays flat, so that a signal handler can empty it */
	if (st->scratch)
		sb_addf(&sb, "%s/%s-%s", st->root, kind, k->hex);
	else
		sb_addf(&sb, "%s/%s/%.2s/%s", st->root, kind, k->hex, k->hex + 2);
	return sb_detach(&sb, NULL);
}

int store_has(const struct store *st, const char *kind, const struct store_key *k)
{
	char *path = store_path(st, kind, k);
	int fd = open(path, O_RDONLY | O_CLOEXEC), ret = 0;
	struct stat sb;

	if (fd >= 0) {
		ret = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size <= UTIL_READ_MAX &&
		      sound(fd, (uint64_t)sb.st_size);
		/* the modification time is the last use, for store_prune() */
		if (ret)
			futimens(fd, NULL);
		else
			damaged(kind, path);
		close(fd);
	}
	free(path);
	return ret;
}

int store_get(const struct store *st, const char *kind, const struct store_key *k, char **data,
	      size_t *len)
{
	char *path = store_path(st, kind, k);
	unsigned char want[TRAILER];
	struct stat sb;
	int ret;


	if (stat(path, &sb) < 0) {
		free(path);
		return 0;
	}
	if ((uintmax_t)sb.st_size > UTIL_READ_MAX) {
		damaged(kind, path);	/* no entry of ours is this big */
		free(path);
		return 0;
	}
	ret = util_read_file(path, data, len) < 0 ? -1 : 1;
	if (ret == 1) {
		if (*len >= TRAILER)
			trailer_of(XXH3_64bits(*data, *len - TRAILER), want);
		if (*len < TRAILER || memcmp(want, *data + *len - TRAILER, TRAILER)) {
			free(*data);
			*data = NULL;
			damaged(kind, path);
			ret = 0;
		} else {
			*len -= TRAILER;
			(*data)[*len] = '\0';	/* read_file's terminator, moved */
		}
	}
	free(path);
	return ret;
}

void store_drop(const struct store *st, const char *kind, const struct store_key *k)
{
	char *path = store_path(st, kind, k);

	unlink(path);
	free(path);
}

int store_read_at(const struct store *st, const char *kind, const struct store_key *k,
		  uint64_t offset, void *buf, size_t len)
{
	char *path = store_path(st, kind, k);
	int fd = open(path, O_RDONLY), ret = 1;
	char *p = buf;

	if (fd < 0) {
		ret = errno == ENOENT ? 0 : error("cannot read cache entry '%s': %s", path, strerror(errno));
		free(path);
		return ret;
	}
	while (len) {
		ssize_t n = pread(fd, p, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = error("cannot read cache entry '%s': %s", path, strerror(errno));
			break;
		}
		if (n == 0) {
			ret = 0;     /* short: not what the caller expects */
			break;
		}
		p += n;
		len -= (size_t)n;
		offset += (uint64_t)n;
	}
	close(fd);
	free(path);
	return ret;
}

int store_put(const struct store *st, const char *kind, const struct store_key *k,
	      const struct util_part *parts, size_t nparts)
{
	char *path = store_path(st, kind, k);
	int ret = 0;

	if (!st->scratch) {
		char *slash = strrchr(path, '/');
		*slash = '\0';
		if (make_dirs(path) < 0)
			ret = error("cannot create cache folder '%s': %s", path, strerror(errno));
		*slash = '/';
	}
	if (ret == 0) {
		struct util_part *all = xmalloc((nparts + 1) * sizeof(*all));
		unsigned char t[TRAILER];
		XXH3_state_t *h = XXH3_createState();

		if (!h) {
			fprintf(stderr, "colloquy: error: out of memory\n");
			exit(1);
		}
		XXH3_64bits_reset(h);
		for (size_t i = 0; i < nparts; i++) {
			XXH3_64bits_update(h, parts[i].data, parts[i].len);
			all[i] = parts[i];
		}
		trailer_of(XXH3_64bits_digest(h), t);
		XXH3_freeState(h);
		all[nparts].data = t;
		all[nparts].len = TRAILER;
		ret = util_write_volatile(path, all, nparts + 1);
		free(all);
	}
	free(path);
	return ret;
}

/* The entries under a cache folder, for usage and pruning. */
struct entry {
	char *path;
	uint64_t bytes;
	struct timespec used;
};

static struct {
	struct entry *e;
	size_t n, alloc;
} walk;

/* Is path ROOT/kind/xx/name an entry's: a kind of ours, two hex digits,
 * then the other thirty of a key? */
/* Does the file end with an entry's trailer (ENTRY_MAGIC)?  A file of
 * the user's that only has an entry's name does not. */
static int ends_as_entry(const char *path)
{
	char tail[8];
	struct stat sb;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), ok = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >= TRAILER &&
	    pread(fd, tail, sizeof(tail), sb.st_size - TRAILER) == (ssize_t)sizeof(tail))
		ok = !memcmp(tail, ENTRY_MAGIC, sizeof(tail));
	close(fd);
	return ok;
}

static int is_entry(const char *path)
{
	const char *name = strrchr(path, '/'), *xx, *kind;
	char *k;
	int ok;

	if (!name || name == path)
		return 0;
	for (xx = name - 1; xx > path && *xx != '/'; xx--)
		;
	if (xx == path || name - xx != 3)
		return 0;
	for (kind = xx - 1; kind > path && *kind != '/'; kind--)
		;
	k = xstrndup(kind + 1, (size_t)(xx - kind - 1));
	ok = is_kind(k) && strspn(xx + 1, "0123456789abcdef") >= 2 && strlen(name + 1) == 30 &&
	     strspn(name + 1, "0123456789abcdef") == 30;
	free(k);
	return ok && ends_as_entry(path);
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	/* entries sit at kind/xx/name, in hex; anything else is not ours */
	if (type != FTW_F || ftw->level != 3 || !is_entry(path))
		return 0;
	XGROW(walk.e, walk.alloc, walk.n + 1);
	walk.e[walk.n].path = xstrdup(path);
	walk.e[walk.n].bytes = (uint64_t)st->st_blocks * 512;
	walk.e[walk.n++].used = st->st_mtim;
	return 0;
}

static int list_entries(const char *root)
{
	walk.n = 0;
	if (access(root, F_OK) < 0)
		return 0;
	if (nftw(root, visit, 16, FTW_PHYS) < 0)
		return error("cannot read the cache folder '%s': %s", root, strerror(errno));
	return 0;
}

static void free_entries(void)
{
	for (size_t i = 0; i < walk.n; i++)
		free(walk.e[i].path);
	free(walk.e);
	memset(&walk, 0, sizeof(walk));
}

int store_usage(const char *root, uint64_t *entries, uint64_t *bytes)
{
	*entries = *bytes = 0;
	if (access(root, F_OK) == 0 && tagged(root) == 0)
		return error("'%s' is not a colloquy cache (it holds other files and no %s)", root, TAG_NAME);
	if (list_entries(root) < 0)
		return -1;
	for (size_t i = 0; i < walk.n; i++)
		*bytes += walk.e[i].bytes;
	*entries = walk.n;
	free_entries();
	return 0;
}

/* most recently used first */
static int by_use(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (a->used.tv_sec != b->used.tv_sec)
		return a->used.tv_sec < b->used.tv_sec ? 1 : -1;
	if (a->used.tv_nsec != b->used.tv_nsec)
		return a->used.tv_nsec < b->used.tv_nsec ? 1 : -1;
	return strcmp(a->path, b->path);
}

int store_prune(const char *root, uint64_t max_bytes, uint64_t *removed, uint64_t *freed)
{
	uint64_t kept = 0;
	int ret = 0, lock;

	*removed = *freed = 0;
	if (access(root, F_OK) == 0) {
		int t = tagged(root);

		if (!t)
			return error("'%s' is not a colloquy cache (it holds other files and no %s); nothing removed",
				     root, TAG_NAME);
		if (t < 0 && write_tag(root) < 0)
			return -1;
	}
	lock = lock_cache(root, LOCK_EX);
	if (list_entries(root) < 0) {
		if (lock >= 0)
			close(lock);
		return -1;
	}
	if (walk.n)
		qsort(walk.e, walk.n, sizeof(*walk.e), by_use);
	for (size_t i = 0; i < walk.n; i++) {
		if (kept + walk.e[i].bytes <= max_bytes) {
			kept += walk.e[i].bytes;
			continue;
		}
		if (unlink(walk.e[i].path) < 0 && errno != ENOENT) {
			ret = error("cannot remove '%s': %s", walk.e[i].path, strerror(errno));
			break;
		}
		(*removed)++;
		*freed += walk.e[i].bytes;
	}
	free_entries();
	if (lock >= 0)
		close(lock);
	return ret;
}

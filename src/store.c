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

int store_open(struct store *st, int use_cache, const char *root)
{
	st->root = NULL;
	st->scratch = 0;
	if (use_cache) {
		char *dir = root ? xstrdup(root) : store_default_root();

		struct stat sd;

		if (dir && stat(dir, &sd) == 0 && !S_ISDIR(sd.st_mode)) {
			warning("the cache folder '%s' is not a folder; rendering without a cache", dir);
		} else if (dir && make_dirs(dir) == 0 && access(dir, W_OK) == 0) {
			int t = tagged(dir);

			if (t == 1 || (t < 0 && write_tag(dir) == 0)) {
				st->root = dir;
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
	/* the modification time is the last use, for store_prune() */
	int ret = utimensat(AT_FDCWD, path, NULL, 0) == 0;

	free(path);
	return ret;
}

int store_get(const struct store *st, const char *kind, const struct store_key *k, char **data,
	      size_t *len)
{
	char *path = store_path(st, kind, k);
	int ret;

	if (access(path, F_OK) < 0) {
		free(path);
		return 0;
	}
	ret = util_read_file(path, data, len) < 0 ? -1 : 1;
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
	if (ret == 0)
		ret = util_write_volatile(path, parts, nparts);
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
	return ok;
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
	int ret = 0;

	*removed = *freed = 0;
	if (access(root, F_OK) == 0) {
		int t = tagged(root);

		if (!t)
			return error("'%s' is not a colloquy cache (it holds other files and no %s); nothing removed",
				     root, TAG_NAME);
		if (t < 0 && write_tag(root) < 0)
			return -1;
	}
	if (list_entries(root) < 0)
		return -1;
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
	return ret;
}

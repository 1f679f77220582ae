/* store.h -- the cache: synthesised speech and encoded audio kept between
 * renders, so that a render does only what changed.
 * Entries are files named by a 128-bit hash (xxHash XXH3) of everything that
 * decides their bytes, so an entry is never stale: what changed has a new
 * name.  They live in $XDG_CACHE_HOME/colloquy (else ~/.cache/colloquy),
 * one folder per kind; without a cache (--no-cache) they go to a scratch
 * folder that is removed when the render ends, so the pipeline is the same
 * either way.  Entries are written whole (temporary file and rename), so
 * parallel renders can share a cache.
 * Errs: returns 0 (or a count), or -1 after one message. */
#ifndef COLLOQUY_STORE_H
#define COLLOQUY_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct store {
	char *root;
	int scratch;         /* a scratch folder, removed by store_close() */
	int lock;            /* the cache folder, open with a shared flock() held
				while the store is open (a prune takes it
				exclusive, so it never removes an entry a render
				is using), or -1 */
};

struct store_key {
	char hex[33];
};

/* The program's version, which every key includes (main() sets it). */
void store_salt(const char *version);

/* The key of a description: the bytes of everything an entry depends on. */
void store_key(struct store_key *k, const void *desc, size_t len);

/* The cache folder a user has: $XDG_CACHE_HOME/colloquy or
 * ~/.cache/colloquy; caller frees. */
char *store_default_root(void);

/* Open the cache at root (NULL: the default), or with use_cache 0 a scratch
 * folder.  A cache folder that cannot be made is reported and replaced by
 * scratch, so a read-only home does not stop a render. */
int store_open(struct store *st, int use_cache, const char *root);
void store_close(struct store *st);

/* Where kind's entry for k is; caller frees. */
char *store_path(const struct store *st, const char *kind, const struct store_key *k);

/* 1 when the entry is there (and marks it used, for pruning), else 0. */
int store_has(const struct store *st, const char *kind, const struct store_key *k);

/* Read an entry whole: 1 with *data (caller frees), 0 when absent, -1
 * after a message. */
int store_get(const struct store *st, const char *kind, const struct store_key *k, char **data,
	      size_t *len);
int store_put(const struct store *st, const char *kind, const struct store_key *k,
	      const struct util_part *parts, size_t nparts);
/* Remove an entry (one found damaged, to be made again). */
void store_drop(const struct store *st, const char *kind, const struct store_key *k);
/* The same, with the warning that names it and says what is made again
 * ("cache entry '...' is damaged; speaking its paragraph again"). */
void store_drop_damaged(const struct store *st, const char *kind, const struct store_key *k);

/* Read len bytes at offset of an entry: 1 when they are all there, 0 when
 * the entry is absent or shorter, -1 after a message. */
int store_read_at(const struct store *st, const char *kind, const struct store_key *k,
		  uint64_t offset, void *buf, size_t len);

/* Sizes of the cache at root: entries and bytes. */
int store_usage(const char *root, uint64_t *entries, uint64_t *bytes);
/* Remove the least recently used entries until at most max_bytes remain;
 * *removed and *freed say what went. */
int store_prune(const char *root, uint64_t max_bytes, uint64_t *removed, uint64_t *freed);

#endif

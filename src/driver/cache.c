// SPDX-License-Identifier: GPL-2.0
/*
 * cache.c: the fact cache (see cache.h for what it promises).
 *
 * An entry is a fixed header and a body.  The header holds the key the
 * entry was stored under and the SHA-256 of the body; the body is the
 * facts in the order of their structs, numbers as LEB128, strings as
 * length + 1 (0 for NULL) and bytes.  The key covers barriermap's binary,
 * so a rebuilt barriermap (a changed scanner, grammar, vocabulary or this
 * format) never reads an older one's entries.
 */
#include "cache.h"
#include "grammar.h"
#include "options.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <clang-c/Index.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * Every field of these is stored, or known to be the resolver's: a new
 * field must be stored (or said to be the resolver's) before the build
 * goes on, or a warm run would silently differ from a cold one.
 */
#if defined(__x86_64__) || defined(__aarch64__)
_Static_assert(sizeof(struct call) == 16, "struct call changed: update cache.c");
_Static_assert(sizeof(struct function) == 88, "struct function changed: update cache.c");
_Static_assert(sizeof(struct comment) == 32, "struct comment changed: update cache.c");
_Static_assert(sizeof(struct access) == 24, "struct access changed: update cache.c");
_Static_assert(sizeof(struct pointer_assign) == 24, "struct pointer_assign changed: update cache.c");
_Static_assert(sizeof(struct ref) == 56, "struct ref changed: update cache.c");
_Static_assert(sizeof(struct pairing) == 56, "struct pairing changed: update cache.c");
_Static_assert(sizeof(struct site) == 272, "struct site changed: update cache.c");
_Static_assert(sizeof(struct file_facts) == 192, "struct file_facts changed: update cache.c");
#endif

#define FORMAT "barriermap facts 3"
#define MAGIC "BMFACTS1"
/* No file's facts come near this: a bound on what one entry may make us read. */
#define MAX_ENTRY (256u << 20)
/* An entry's time is refreshed when it is used and older than this. */
#define REFRESH_AGE (24 * 3600)
/* A temporary file older than this was left by a run that was killed. */
#define STALE_TMP_AGE 3600

typedef unsigned char digest[32];

struct header {
	char magic[8];
	uint32_t byte_order;	/* 0x01020304, as this machine writes it */
	uint32_t word;		/* sizeof(size_t) */
	digest key;
	uint64_t body_len;
	digest body_sha;
	uint64_t reserved;
};

struct fact_cache {
	char *dir;		/* .../facts */
	digest tool;		/* this barriermap, this libclang, this format */
	unsigned long long bound;
	atomic_size_t written;	/* bytes stored by this run */
	atomic_bool warned;
};

/* ---- hashing ----------------------------------------------------------- */

static void sha256(const void *a, size_t na, const void *b, size_t nb, digest out)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned n = 0;

	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) ||
	    !EVP_DigestUpdate(ctx, a, na) || (nb && !EVP_DigestUpdate(ctx, b, nb)) ||
	    !EVP_DigestFinal_ex(ctx, out, &n) || n != sizeof(digest))
		die("SHA-256 failed (libcrypto)");
	EVP_MD_CTX_free(ctx);
}

/* barriermap's binary, libclang's version and the format: false if unreadable. */
static bool hash_tool_identity(digest out)
{
	size_t len;
	char *exe = read_file_bounded("/proc/self/exe", MAX_ENTRY, 0, &len);	/* a link, to what runs */
	CXString v = clang_getClangVersion();
	struct strbuf sb = STRBUF_INIT;

	if (!exe)
		return false;
	/* the comments' reading is in the facts, and BARRIERMAP_GRAMMAR chooses it */
	sb_addf(&sb, "%s\n%s\ngrammar %d\n", FORMAT, clang_getCString(v), (int)grammar_design());
	clang_disposeString(v);
	sha256(sb.buf, sb.len, exe, len, out);
	sb_release(&sb);
	free(exe);
	return true;
}

static digest identity;
static bool identity_ok;
static int identity_errno;
static pthread_once_t identity_once = PTHREAD_ONCE_INIT;

static void compute_identity(void)
{
	identity_ok = hash_tool_identity(identity);
	identity_errno = errno;
}

/* Once a process: check-patch opens the cache for every patch of a series. */
static bool tool_identity(digest out)
{
	pthread_once(&identity_once, compute_identity);
	memcpy(out, identity, sizeof(digest));
	errno = identity_errno;
	return identity_ok;
}

static char *entry_path(const struct fact_cache *c, const digest key)
{
	char hex[2 * sizeof(digest) + 1];

	for (size_t i = 0; i < sizeof(digest); i++)
		snprintf(hex + 2 * i, 3, "%02x", key[i]);
	return xasprintf("%s/%.2s/%s", c->dir, hex, hex + 2);
}

/* ---- writing the body -------------------------------------------------- */

static void put_num(struct strbuf *sb, uint64_t v)
{
	do {
		unsigned char b = v & 0x7f;

		v >>= 7;
		sb_addc(sb, (char)(b | (v ? 0x80 : 0)));
	} while (v);
}

static void put_int(struct strbuf *sb, int v)
{
	put_num(sb, (uint64_t)(v + 1));	/* -1, "none", is the smallest */
}

static void put_str(struct strbuf *sb, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	put_num(sb, s ? n + 1 : 0);
	sb_add(sb, s ? s : "", n);
}

static void put_pos(struct strbuf *sb, struct pos p)
{
	put_num(sb, p.line);
	put_num(sb, p.col);
}

static void put_calls(struct strbuf *sb, const struct call *v, size_t n)
{
	put_num(sb, n);
	for (size_t i = 0; i < n; i++) {
		put_str(sb, v[i].callee);
		put_pos(sb, v[i].at);
	}
}

static void put_accesses(struct strbuf *sb, const struct access *v, size_t n)
{
	put_num(sb, n);
	for (size_t i = 0; i < n; i++) {
		put_str(sb, v[i].object);
		put_num(sb, v[i].write);
		put_pos(sb, v[i].at);
		put_num(sb, v[i].rmw);
	}
}

static void put_pairing(struct strbuf *sb, const struct pairing *p)
{
	put_num(sb, p->kind);
	put_num(sb, p->nrefs);
	for (size_t i = 0; i < p->nrefs; i++) {
		const struct ref *r = &p->refs[i];

		put_str(sb, r->arch);
		put_str(sb, r->barrier);
		put_str(sb, r->misspelled);
		put_num(sb, r->wildcard);
		put_num(sb, r->implicit);
		put_str(sb, r->function);
		put_str(sb, r->context);
		put_num(sb, r->see);
	}
	put_str(sb, p->phrase);
	put_num(sb, p->weak);
	put_num(sb, p->nmisspellings);
	for (size_t i = 0; i < p->nmisspellings; i++) {
		put_str(sb, p->misspellings[i].written);
		put_str(sb, p->misspellings[i].meant);
	}
}

/*
 * What the scanner made: status, partners, results, named_by and message
 * are the resolver's, lkmm lkmm.c's, likely infer.c's.
 */
static void put_site(struct strbuf *sb, const struct site *s)
{
	put_pos(sb, s->at);
	put_num(sb, s->end_col);
	put_int(sb, s->function);
	put_str(sb, s->barrier);
	put_num(sb, s->kind);
	put_num(sb, s->implicit);
	put_pos(sb, s->stmt);
	put_int(sb, s->comment);
	put_int(sb, s->comment_last);
	put_calls(sb, s->stmt_calls.v, s->stmt_calls.n);
	put_num(sb, s->rule);
	put_str(sb, s->comment_text);
	put_pairing(sb, &s->pairing);
	put_accesses(sb, s->before.v, s->before.n);
	put_accesses(sb, s->after.v, s->after.n);
}

static void encode(struct strbuf *sb, const struct file_facts *f)
{
	put_num(sb, f->functions.n);
	for (size_t i = 0; i < f->functions.n; i++) {
		const struct function *fn = &f->functions.v[i];

		put_str(sb, fn->name);
		put_pos(sb, fn->start);
		put_pos(sb, fn->end);
		put_pos(sb, fn->body);
		put_num(sb, fn->from_tokens);
		put_calls(sb, fn->calls.v, fn->calls.n);
		put_calls(sb, fn->indirect.v, fn->indirect.n);
	}
	put_num(sb, f->comments.n);
	for (size_t i = 0; i < f->comments.n; i++) {
		put_pos(sb, f->comments.v[i].start);
		put_pos(sb, f->comments.v[i].end);
		put_str(sb, f->comments.v[i].text);
		put_num(sb, f->comments.v[i].pairing != NULL);
		if (f->comments.v[i].pairing)
			put_pairing(sb, f->comments.v[i].pairing);
	}
	put_num(sb, f->sites.n);
	for (size_t i = 0; i < f->sites.n; i++)
		put_site(sb, &f->sites.v[i]);
	put_num(sb, f->includes.n);
	for (size_t i = 0; i < f->includes.n; i++)
		put_str(sb, f->includes.v[i]);
	put_num(sb, f->pointers.n);
	for (size_t i = 0; i < f->pointers.n; i++) {
		put_str(sb, f->pointers.v[i].field);
		put_str(sb, f->pointers.v[i].target);
		put_pos(sb, f->pointers.v[i].at);
	}
}

/* ---- reading it back, trusting nothing --------------------------------- */

struct reader {
	const unsigned char *p, *end;
	bool bad;
};

static uint64_t get_num(struct reader *r)
{
	uint64_t v = 0;

	for (unsigned shift = 0; !r->bad; shift += 7) {
		if (r->p == r->end || shift > 63) {
			r->bad = true;
			break;
		}
		v |= (uint64_t)(*r->p & 0x7f) << shift;
		if (!(*r->p++ & 0x80))
			return v;
	}
	return 0;
}

/* A number no greater than @max. */
static uint64_t get_upto(struct reader *r, uint64_t max)
{
	uint64_t v = get_num(r);

	if (v > max)
		r->bad = true;
	return r->bad ? 0 : v;
}

/* A count of things of at least one byte each: never more than is left. */
static size_t get_count(struct reader *r)
{
	return (size_t)get_upto(r, (uint64_t)(r->end - r->p));
}

static int get_int(struct reader *r, size_t n)
{
	return (int)get_upto(r, n) - 1;
}

static char *get_str(struct reader *r)
{
	uint64_t n = get_upto(r, (uint64_t)(r->end - r->p) + 1);
	char *s;

	if (r->bad || !n)
		return NULL;
	if (memchr(r->p, '\0', n - 1)) {
		r->bad = true;
		return NULL;
	}
	s = xstrndup((const char *)r->p, n - 1);
	r->p += n - 1;
	return s;
}

static struct pos get_pos(struct reader *r)
{
	struct pos p;

	p.line = (unsigned)get_upto(r, UINT32_MAX);
	p.col = (unsigned)get_upto(r, UINT32_MAX);
	return p;
}

static void get_calls(struct reader *r, struct call **v, size_t *n, size_t *cap)
{
	*n = *cap = get_count(r);
	*v = *n ? xcalloc(*n, sizeof(**v)) : NULL;
	for (size_t i = 0; i < *n; i++) {
		(*v)[i].callee = get_str(r);
		(*v)[i].at = get_pos(r);
		if (!(*v)[i].callee)
			r->bad = true;
	}
}

static void get_accesses(struct reader *r, struct access **v, size_t *n, size_t *cap)
{
	*n = *cap = get_count(r);
	*v = *n ? xcalloc(*n, sizeof(**v)) : NULL;
	for (size_t i = 0; i < *n; i++) {
		(*v)[i].object = get_str(r);
		(*v)[i].write = get_upto(r, 1);
		(*v)[i].at = get_pos(r);
		(*v)[i].rmw = get_upto(r, 1);
		if (!(*v)[i].object)
			r->bad = true;
	}
}

static void get_pairing(struct reader *r, struct pairing *p)
{
	p->kind = (enum pairing_kind)get_upto(r, PAIRING_NOT_BARRIER);
	p->nrefs = get_count(r);
	p->refs = p->nrefs ? xcalloc(p->nrefs, sizeof(*p->refs)) : NULL;
	for (size_t i = 0; i < p->nrefs; i++) {
		struct ref *ref = &p->refs[i];

		ref->arch = get_str(r);
		ref->barrier = get_str(r);
		ref->misspelled = get_str(r);
		ref->wildcard = get_upto(r, 1);
		ref->implicit = get_upto(r, 1);
		ref->function = get_str(r);
		ref->context = get_str(r);
		ref->see = get_upto(r, 1);
	}
	p->phrase = get_str(r);
	p->weak = get_upto(r, 1);
	p->nmisspellings = get_count(r);
	p->misspellings = p->nmisspellings ? xcalloc(p->nmisspellings, sizeof(*p->misspellings)) :
					     NULL;
	for (size_t i = 0; i < p->nmisspellings; i++) {
		char *meant;
		const struct barrier_def *def;

		p->misspellings[i].written = get_str(r);
		meant = get_str(r);
		/* the vocabulary's own, static, word */
		def = meant ? barrier_lookup(meant) : NULL;
		p->misspellings[i].meant = def ? def->name : NULL;
		if (!p->misspellings[i].written || !def)
			r->bad = true;
		free(meant);
	}
}

static void get_site(struct reader *r, struct file_facts *f, struct site *s)
{
	size_t nfn = f->functions.n, ncm = f->comments.n;

	s->file = f;
	s->at = get_pos(r);
	s->end_col = (unsigned)get_upto(r, UINT32_MAX);
	s->function = get_int(r, nfn);
	s->barrier = get_str(r);
	s->kind = (enum kind)get_upto(r, KIND_CALL);
	s->implicit = get_upto(r, 1);
	s->stmt = get_pos(r);
	s->comment = get_int(r, ncm);
	s->comment_last = get_int(r, ncm);
	get_calls(r, &s->stmt_calls.v, &s->stmt_calls.n, &s->stmt_calls.cap);
	s->rule = (enum comment_rule)get_upto(r, RULE_BELOW);
	s->comment_text = get_str(r);
	get_pairing(r, &s->pairing);
	get_accesses(r, &s->before.v, &s->before.n, &s->before.cap);
	get_accesses(r, &s->after.v, &s->after.n, &s->after.cap);
	/* a comment is a run [comment, comment_last], or none at all */
	if (!s->barrier || (s->comment < 0) != (s->comment_last < 0) ||
	    s->comment > s->comment_last)
		r->bad = true;
}

static void decode(struct reader *r, struct file_facts *f)
{
	f->functions.n = f->functions.cap = get_count(r);
	f->functions.v = xcalloc(f->functions.n, sizeof(*f->functions.v));
	for (size_t i = 0; i < f->functions.n; i++) {
		struct function *fn = &f->functions.v[i];

		fn->name = get_str(r);
		fn->start = get_pos(r);
		fn->end = get_pos(r);
		fn->body = get_pos(r);
		fn->from_tokens = get_upto(r, 1);
		get_calls(r, &fn->calls.v, &fn->calls.n, &fn->calls.cap);
		get_calls(r, &fn->indirect.v, &fn->indirect.n, &fn->indirect.cap);
		if (!fn->name)
			r->bad = true;
	}
	f->comments.n = f->comments.cap = get_count(r);
	f->comments.v = xcalloc(f->comments.n, sizeof(*f->comments.v));
	for (size_t i = 0; i < f->comments.n; i++) {
		f->comments.v[i].start = get_pos(r);
		f->comments.v[i].end = get_pos(r);
		f->comments.v[i].text = get_str(r);
		if (!f->comments.v[i].text)
			r->bad = true;
		if (get_upto(r, 1)) {
			f->comments.v[i].pairing = xcalloc(1, sizeof(*f->comments.v[i].pairing));
			get_pairing(r, f->comments.v[i].pairing);
		}
	}
	f->sites.n = f->sites.cap = get_count(r);
	f->sites.v = xcalloc(f->sites.n, sizeof(*f->sites.v));
	for (size_t i = 0; i < f->sites.n; i++)
		get_site(r, f, &f->sites.v[i]);
	f->includes.n = f->includes.cap = get_count(r);
	f->includes.v = xcalloc(f->includes.n, sizeof(*f->includes.v));
	for (size_t i = 0; i < f->includes.n; i++)
		if (!(f->includes.v[i] = get_str(r)))
			r->bad = true;
	f->pointers.n = f->pointers.cap = get_count(r);
	f->pointers.v = xcalloc(f->pointers.n, sizeof(*f->pointers.v));
	for (size_t i = 0; i < f->pointers.n; i++) {
		f->pointers.v[i].field = get_str(r);
		f->pointers.v[i].target = get_str(r);
		f->pointers.v[i].at = get_pos(r);
		if (!f->pointers.v[i].field || !f->pointers.v[i].target)
			r->bad = true;
	}
	if (r->p != r->end)
		r->bad = true;
}

/* ---- the folder -------------------------------------------------------- */

static char *cache_root(void)
{
	const char *env = getenv("BARRIERMAP_CACHE"), *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");

	if (env && *env)
		return xstrdup(env);
	if (xdg && *xdg == '/')
		return xasprintf("%s/barriermap", xdg);
	if (home && *home == '/')
		return xasprintf("%s/.cache/barriermap", home);
	return NULL;
}

/* "2G", "500M", "100000": bytes; dies on anything else. */
static unsigned long long parse_size(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (end != s && !errno && *s != '-') {
		unsigned shift = !*end ? 0 : !strcmp(end, "K") ? 10 : !strcmp(end, "M") ? 20 :
				 !strcmp(end, "G") ? 30 : 64;

		if (shift < 64 && v <= (~0ull >> shift))
			return v << shift;
	}
	die("BARRIERMAP_CACHE_SIZE takes a size in bytes, or with K, M or G (500M, 2G), not '%s'", s);
}

struct fact_cache *cache_open(const struct options *o)
{
	const char *size = getenv("BARRIERMAP_CACHE_SIZE");
	unsigned long long bound = size && *size ? parse_size(size) : CACHE_DEFAULT_SIZE;
	char *root;
	struct fact_cache *c;

	if (o->no_cache || o->compdb || !bound)
		return NULL;
	root = cache_root();
	if (!root)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	c->dir = xasprintf("%s/facts", root);
	c->bound = bound;
	free(root);
	if (mkdir_p(c->dir, 0755) < 0 || !tool_identity(c->tool)) {
		warning("%s: cannot use the fact cache: %s", c->dir, strerror(errno));
		free(c->dir);
		free(c);
		return NULL;
	}
	return c;
}

static void key_of(const struct fact_cache *c, const char *buf, size_t len, digest key)
{
	sha256(c->tool, sizeof(c->tool), buf, len, key);
}

/*
 * The entry at @path, whole, or NULL: a regular file (not a link, not a
 * FIFO) no larger than MAX_ENTRY.  One that is used gets a new time, once
 * a day at most, so that the size bound evicts it last.
 */
static char *read_entry(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	size_t done = 0;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_ENTRY)
		goto out;
	buf = xmalloc((size_t)st.st_size + 1);
	while (done < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + done, (size_t)st.st_size - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		done += (size_t)r;
	}
	*len = done;
	if (st.st_mtime + REFRESH_AGE < time(NULL))
		futimens(fd, NULL);
out:
	close(fd);
	return buf;
}

/*
 * Write @path whole or not at all: a temporary file of this process and
 * thread beside it, renamed into place.  0600: the facts quote the
 * comments of trees that may not be public.
 */
static int write_entry(const char *path, const char *data, size_t len)
{
	static atomic_uint serial;
	char *tmp = xasprintf("%s.tmp%ld.%u", path, (long)getpid(), atomic_fetch_add(&serial, 1));
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600), rc = -1, saved;

	if (fd >= 0)
		rc = write_temp_and_rename(fd, tmp, path, data, len, 0600);
	saved = errno;
	free(tmp);
	errno = saved;
	return rc;
}

bool cache_load(struct fact_cache *c, const char *buf, size_t len, struct file_facts *f)
{
	digest key, sha;
	char *path, *entry;
	size_t n;
	struct header h;
	struct reader r;
	struct file_facts *tmp;

	if (!c)
		return false;
	key_of(c, buf, len, key);
	path = entry_path(c, key);
	entry = read_entry(path, &n);
	if (!entry || n < sizeof(h)) {
		free(entry);
		free(path);
		return false;
	}
	memcpy(&h, entry, sizeof(h));
	if (memcmp(h.magic, MAGIC, sizeof(h.magic)) || h.byte_order != 0x01020304 ||
	    h.word != sizeof(size_t) || memcmp(h.key, key, sizeof(key)) ||
	    h.body_len != n - sizeof(h)) {
		free(entry);
		free(path);
		return false;
	}
	sha256(entry + sizeof(h), n - sizeof(h), NULL, 0, sha);
	if (memcmp(sha, h.body_sha, sizeof(sha))) {
		free(entry);
		free(path);
		return false;
	}
	tmp = xcalloc(1, sizeof(*tmp));
	r = (struct reader){ (const unsigned char *)entry + sizeof(h),
			     (const unsigned char *)entry + n, false };
	decode(&r, tmp);
	free(entry);
	if (r.bad) {
		file_facts_free(tmp);
		free(path);
		return false;
	}
	f->functions = tmp->functions;
	f->comments = tmp->comments;
	f->sites = tmp->sites;
	f->includes = tmp->includes;
	f->pointers = tmp->pointers;
	for (size_t i = 0; i < f->sites.n; i++)
		f->sites.v[i].file = f;
	free(tmp);
	file_index_functions(f);
	free(path);
	return true;
}

void cache_store(struct fact_cache *c, const char *buf, size_t len, const struct file_facts *f)
{
	struct header h = { .magic = MAGIC, .byte_order = 0x01020304, .word = sizeof(size_t) };
	struct strbuf body = STRBUF_INIT, entry = STRBUF_INIT;
	char *path, *slash;

	if (!c || f->skipped)
		return;
	key_of(c, buf, len, h.key);
	encode(&body, f);
	h.body_len = body.len;
	sha256(body.buf, body.len, NULL, 0, h.body_sha);
	sb_add(&entry, (const char *)&h, sizeof(h));
	sb_add(&entry, body.buf, body.len);
	path = entry_path(c, h.key);
	if (write_entry(path, entry.buf, entry.len) < 0) {
		/* the first entry of its subfolder: make it (a mkdir() is slow) */
		slash = strrchr(path, '/');
		*slash = '\0';
		if (errno != ENOENT || (mkdir(path, 0700) < 0 && errno != EEXIST))
			goto fail;
		*slash = '/';
		if (write_entry(path, entry.buf, entry.len) < 0)
			goto fail;
	}
	atomic_fetch_add(&c->written, entry.len);
	goto out;
fail:
	/* a full disk, or a folder made read-only: scanning still works */
	if (!atomic_exchange(&c->warned, true))
		warning("%s: cannot write the fact cache: %s", c->dir, strerror(errno));
out:
	sb_release(&body);
	sb_release(&entry);
	free(path);
}

/* ---- the size bound ---------------------------------------------------- */

struct entry_file {
	char *path;
	time_t mtime;
	off_t size;
};

VEC_TYPE(entry_list, struct entry_file);

static int older_first(const void *a, const void *b)
{
	const struct entry_file *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime < y->mtime ? -1 : 1;
	return strcmp(x->path, y->path);
}

/*
 * The entries of one subfolder, into @out unless NULL, their total size
 * added to *total; temporary files a killed run left are removed.
 */
static void list_entries(const struct fact_cache *c, const char *sub, struct entry_list *out,
			 unsigned long long *total)
{
	char *dir = xasprintf("%s/%s", c->dir, sub);
	DIR *d = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);

	while (d && (e = readdir(d))) {
		char *path;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (strstr(e->d_name, ".tmp")) {
			if (st.st_mtime + STALE_TMP_AGE < now)
				unlink(path);
			free(path);
			continue;
		}
		*total += (unsigned long long)st.st_size;
		if (out)
			vec_push(out, ((struct entry_file){ path, st.st_mtime, st.st_size }));
		else
			free(path);
	}
	if (d)
		closedir(d);
	free(dir);
}

/*
 * One subfolder of 256 stands for the rest (entries land in them by
 * their hash), so that a run checks its bound without a walk of the
 * whole cache; over it, the oldest entries go until a quarter is free.
 */
static void keep_bound(struct fact_cache *c)
{
	struct entry_list all = { 0 };
	unsigned long long sample = 0, total = 0;
	char sub[3];

	list_entries(c, "00", NULL, &sample);
	if (sample * 256 <= c->bound && atomic_load(&c->written) <= c->bound)
		return;
	for (unsigned i = 0; i < 256; i++) {
		snprintf(sub, sizeof(sub), "%02x", i);
		list_entries(c, sub, &all, &total);
	}
	xqsort(all.v, all.n, sizeof(*all.v), older_first);
	for (size_t i = 0; i < all.n; i++) {
		if (total > c->bound / 4 * 3 && unlink(all.v[i].path) == 0)
			total -= (unsigned long long)all.v[i].size;
		free(all.v[i].path);
	}
	free(all.v);
}

void cache_close(struct fact_cache *c)
{
	if (!c)
		return;
	if (atomic_load(&c->written))
		keep_bound(c);
	free(c->dir);
	free(c);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * A series of patches, one per maintainer area, as git format-patch
 * writes them (see emit_series.h).
 */
#include "emit_series.h"
#include "git.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* format-patch's first line; its commit is ours to make, so all zeros */
#define MBOX_FROM "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"
/* the header that marks a patch barriermap wrote (git am ignores it) */
#define MARK_HEADER "X-Barriermap: suggest\n"
/* a commit message's lines, and a subject at most (maintainer-kvm-x86.rst) */
#define WRAP 72
#define SUBJECT_MAX 75
/* a space add_wrapped() does not break a line at: "git\1am\1-s" */
#define NO_BREAK '\1'
/* format-patch's longest file name part */
#define NAME_MAX_SUBJECT 52

/* ---- subject prefixes ------------------------------------------------- */

/* KVM's prefixes, by the tag MAINTAINERS puts in a section's title. */
static const struct {
	const char *tag, *prefix;
} tag_prefixes[] = {
	{ "KVM", "KVM:" },
	{ "KVM/arm64", "KVM: arm64:" },
	{ "KVM/LoongArch", "LoongArch: KVM:" },
	{ "KVM/mips", "KVM: MIPS:" },
	{ "KVM/powerpc", "KVM: PPC:" },
	{ "KVM/riscv", "RISC-V: KVM:" },
	{ "KVM/s390", "KVM: s390:" },
	{ "KVM/Xen", "KVM: x86/xen:" },
	{ "KVM/hyper-v", "KVM: x86:" },
	{ "KVM/paravirt", "KVM:" },	/* "x86/kvm:" for arch/x86/kernel/: area_prefix() */
	{ "KVM/x86", NULL },	/* a topic of maintainer-kvm-x86.rst: x86_topic() */
};

/*
 * The x86 topics of Documentation/process/maintainer-kvm-x86.rst, each
 * with its parent: a patch that touches several takes their first common
 * parent ("KVM: SVM:" and "KVM: nSVM:" make "KVM: SVM:").
 */
static const struct {
	const char *topic, *parent;
} x86_topics[] = {
	{ "x86", NULL },
	{ "x86/mmu", "x86" },
	{ "x86/pmu", "x86" },
	{ "x86/xen", "x86" },
	{ "SVM", "x86" },
	{ "nSVM", "SVM" },
	{ "VMX", "x86" },
	{ "nVMX", "VMX" },
};

static const char *x86_topic(const char *path)
{
	const char *rel = path, *base;

	if (!str_starts_with(rel, "arch/x86/kvm/"))
		return "x86";
	rel += strlen("arch/x86/kvm/");
	base = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	if (str_starts_with(base, "pmu"))
		return "x86/pmu";
	if (str_starts_with(rel, "svm/"))
		return str_starts_with(base, "nested.") ? "nSVM" : "SVM";
	if (str_starts_with(rel, "vmx/"))
		return str_starts_with(base, "nested.") ? "nVMX" : "VMX";
	if (str_starts_with(rel, "mmu/") || str_starts_with(rel, "mmu.") ||
	    str_starts_with(rel, "mmu_"))
		return "x86/mmu";
	if (str_starts_with(rel, "xen."))
		return "x86/xen";
	return "x86";
}

static const char *x86_parent(const char *topic)
{
	for (size_t i = 0; i < sizeof(x86_topics) / sizeof(*x86_topics); i++)
		if (!strcmp(x86_topics[i].topic, topic))
			return x86_topics[i].parent;
	return NULL;
}

static bool x86_within(const char *topic, const char *ancestor)
{
	for (; topic; topic = x86_parent(topic))
		if (!strcmp(topic, ancestor))
			return true;
	return false;
}

/* The first common parent of the topics of @paths. */
static const char *x86_common_topic(char *const *paths, size_t n)
{
	const char *common = n ? x86_topic(paths[0]) : "x86";

	for (size_t i = 1; i < n; i++)
		while (!x86_within(x86_topic(paths[i]), common))
			common = x86_parent(common) ? x86_parent(common) : "x86";
	return common;
}

/*
 * Outside KVM (suggest --scope=...): the subsystem's folder, as most of
 * the kernel's logs have it ("mm:", "sched:", "net:", "x86:"): the
 * second folder under arch, drivers, fs, kernel, net and the like, else
 * the first; for include/linux/NAME.h, NAME ("sched:"), and for another
 * folder of include/, that folder ("net:").
 */
static char *folder_prefix(const char *path)
{
	if (str_starts_with(path, "include/linux/") && !strchr(path + 14, '/'))
		return xasprintf("%.*s:", (int)strcspn(path + 14, "."), path + 14);
	if (str_starts_with(path, "include/") && strchr(path + 8, '/'))
		return xasprintf("%.*s:", (int)strcspn(path + 8, "/"), path + 8);
	static const char *const parents[] = {
		"arch", "block", "crypto", "drivers", "fs", "kernel", "net", "security", "sound",
	};
	size_t n = strcspn(path, "/");

	if (!path[n])
		return xstrdup("KVM:");
	for (size_t i = 0; i < sizeof(parents) / sizeof(*parents); i++) {
		const char *second = path + n + 1;
		size_t m = strcspn(second, "/");

		if (strlen(parents[i]) == n && !strncmp(path, parents[i], n) && second[m])
			return xasprintf("%.*s:", (int)m, second);
	}
	return xasprintf("%.*s:", (int)n, path);
}

static char *area_prefix(const char *tag, char *const *paths, size_t n);

/*
 * A file of a section that is not KVM's: KVM's prefix for its
 * architecture when it is KVM code (arch/s390/kvm/pci.c is in the S390
 * VFIO-PCI DRIVER section), else its folder's.
 */
static char *other_prefix(const char *path)
{
	const char *arch = str_starts_with(path, "arch/") ? path + 5 : NULL;
	size_t n = arch ? strcspn(arch, "/") : 0;

	if (arch && arch[n] && str_starts_with(arch + n + 1, "kvm/")) {
		char *tag = xasprintf("KVM/%.*s", (int)n, arch);
		char *prefix = area_prefix(tag, (char *const *)&path, 1);

		free(tag);
		return prefix;
	}
	if (str_starts_with(path, "virt/kvm/") || str_starts_with(path, "include/linux/kvm"))
		return xstrdup("KVM:");
	return folder_prefix(path);
}

/* The prefix of a patch of @paths in the area tagged @tag. */
static char *area_prefix(const char *tag, char *const *paths, size_t n)
{
	if (!tag || strncasecmp(tag, "KVM", 3))
		return n ? other_prefix(paths[0]) : xstrdup("KVM:");
	for (size_t i = 0; i < sizeof(tag_prefixes) / sizeof(*tag_prefixes); i++) {
		if (strcasecmp(tag, tag_prefixes[i].tag))
			continue;
		/* the guest side: maintainer-kvm-x86.rst's "x86/kvm" */
		if (!strcasecmp(tag, "KVM/paravirt") && n && str_starts_with(paths[0], "arch/x86/kernel/"))
			return xstrdup("x86/kvm:");
		if (tag_prefixes[i].prefix)
			return xstrdup(tag_prefixes[i].prefix);
		return xasprintf("KVM: %s:", x86_common_topic(paths, n));
	}
	if (str_starts_with(tag, "KVM/") && tag[4])
		return xasprintf("KVM: %s:", tag + 4);
	return xstrdup("KVM:");
}


void series_add_path(struct strbuf *out, const char *prefix, const char *path)
{
	static const char plain[] = "\a\b\t\n\v\f\r\"\\", escaped[] = "abtnvfr\"\\";
	bool quote = false;

	for (const char *c = path; *c; c++)
		quote |= (unsigned char)*c < 0x20 || (unsigned char)*c >= 0x7f ||
			 *c == '"' || *c == '\\';
	if (!quote) {
		sb_addf(out, "%s%s", prefix, path);
		return;
	}
	sb_addf(out, "\"%s", prefix);
	for (const char *c = path; *c; c++) {
		unsigned char u = (unsigned char)*c;
		const char *esc = u ? strchr(plain, u) : NULL;

		if (esc)
			sb_addf(out, "\\%c", escaped[esc - plain]);
		else if (u < 0x20 || u >= 0x7f)
			sb_addf(out, "\\%03o", u);
		else
			sb_addc(out, (char)u);
	}
	sb_addc(out, '"');
}

/* ---- areas ------------------------------------------------------------ */

struct area {
	char *key;		/* the section's title, or "arch/x86" */
	char *tag;		/* "KVM/x86", or NULL */
	VEC(struct series_file *) files;
};

struct areas {
	VEC(struct area) v;
};

/* "KVM/x86" for arch/x86/..., "KVM" for the rest: the areas of a tree without MAINTAINERS. */
static void arch_area(const char *path, char **key, char **tag)
{
	if (str_starts_with(path, "arch/") && strchr(path + 5, '/')) {
		size_t n = strcspn(path + 5, "/");

		*key = xstrndup(path, 5 + n);
		*tag = xasprintf("KVM/%.*s", (int)n, path + 5);
	} else {
		*key = xstrdup("KVM");
		*tag = xstrdup("KVM");
	}
}

static struct area *area_of(struct areas *a, const struct maintainers *m, const char *path)
{
	const struct maint_section *s = m ? maintainers_section(m, path) : NULL;
	char *key, *tag;

	if (s) {
		key = xasprintf("%s", s->title);
		tag = maint_section_tag(s);
	} else {
		arch_area(path, &key, &tag);
	}
	for (size_t i = 0; i < a->v.n; i++) {
		if (!strcmp(a->v.v[i].key, key)) {
			free(key);
			free(tag);
			return &a->v.v[i];
		}
	}
	vec_push(&a->v, ((struct area){ key, tag, { 0 } }));
	return vec_last(&a->v);
}

char *series_area_line(const struct maintainers *m, const char *path)
{
	struct areas a = { { 0 } };
	const struct area *ar = area_of(&a, m, path);
	char *paths[] = { (char *)path };
	char *prefix = area_prefix(ar->tag, paths, 1);
	char *line = xasprintf("%s: \"%s\" from %s%s", path, prefix, ar->key,
			       m ? "" : " (the tree has no MAINTAINERS)");

	free(prefix);
	free(a.v.v[0].key);
	free(a.v.v[0].tag);
	free(a.v.v);
	return line;
}

/* ---- the mail --------------------------------------------------------- */

/*
 * @text wrapped at WRAP columns, its first line after @first, the others
 * after @rest; NO_BREAK is a space that does not end a line.
 */
static void add_wrapped(struct strbuf *sb, const char *text, const char *first, const char *rest)
{
	char *words = xstrdup(text), *save = NULL;
	size_t col = strlen(first);
	bool line_start = true;

	sb_adds(sb, first);
	for (char *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		size_t n = strlen(w);

		if (!line_start && col + 1 + n > WRAP) {
			sb_addf(sb, "\n%s", rest);
			col = strlen(rest);
			line_start = true;
		}
		if (!line_start) {
			sb_addc(sb, ' ');
			col++;
		}
		for (char *c = w; *c; c++)
			sb_addc(sb, *c == NO_BREAK ? ' ' : *c);
		col += n;
		line_start = false;
	}
	sb_addc(sb, '\n');
	free(words);
}

static size_t count_notes(const struct area *a)
{
	size_t n = 0;

	for (size_t i = 0; i < a->files.n; i++)
		n += a->files.v[i]->notes.n;
	return n;
}

/* The functions the area's files change, in order, each once. */
static void area_functions(const struct area *a, struct strvec *out)
{
	for (size_t i = 0; i < a->files.n; i++) {
		const struct strvec *f = &a->files.v[i]->functions;

		for (size_t j = 0; j < f->n; j++) {
			bool seen = false;

			for (size_t k = 0; k < out->n && !seen; k++)
				seen = !strcmp(out->v[k], f->v[j]);
			if (!seen)
				vec_push(out, f->v[j]);
		}
	}
}

/*
 * "KVM: x86: Document the barrier pairing in vcpu_enter_guest()", or with
 * two functions, or with a count when that would pass SUBJECT_MAX.
 */
static char *subject(const struct series_kind *k, const char *prefix, const struct area *a)
{
	struct strvec fns = { 0 };
	size_t n = count_notes(a);
	const char *s = n == 1 ? "" : "s";
	char *subj = NULL;

	area_functions(a, &fns);
	if (fns.n == 1)
		subj = xasprintf("%s %s the %s%s in %s()", prefix, k->verb, k->thing, s, fns.v[0]);
	else if (fns.n == 2)
		subj = xasprintf("%s %s %s%s in %s() and %s()", prefix, k->verb, k->thing, s,
				 fns.v[0], fns.v[1]);
	if (!subj || strlen(subj) > SUBJECT_MAX) {
		free(subj);
		subj = n == 1 ? xasprintf("%s %s a %s", prefix, k->verb, k->thing) :
		       xasprintf("%s %s %zu %ss", prefix, k->verb, n, k->thing);
	}
	free(fns.v);
	return subj;
}

/* " virt/kvm/demo.c | 4 ++++" lines and their total, as git's --stat. */
static void add_diffstat(struct strbuf *sb, const struct area *a)
{
	size_t width = 0, most = 1, digits = 1, added = 0, removed = 0;

	for (size_t i = 0; i < a->files.n; i++) {
		const struct series_file *f = a->files.v[i];
		struct strbuf name = STRBUF_INIT;

		series_add_path(&name, "", f->path);
		if (name.len > width)
			width = name.len;
		sb_release(&name);
		if (f->added + f->removed > most)
			most = f->added + f->removed;
	}
	for (size_t m = most; m >= 10; m /= 10)
		digits++;
	for (size_t i = 0; i < a->files.n; i++) {
		const struct series_file *f = a->files.v[i];
		/* scaled to 40 columns, as git scales the graph to fit */
		size_t plus = most > 40 ? (f->added * 40 + most - 1) / most : f->added;
		size_t minus = most > 40 ? (f->removed * 40 + most - 1) / most : f->removed;
		struct strbuf name = STRBUF_INIT;

		series_add_path(&name, "", f->path);
		sb_addf(sb, " %-*s | %*zu ", (int)width, sb_str(&name), (int)digits,
			f->added + f->removed);
		sb_release(&name);
		for (size_t j = 0; j < plus; j++)
			sb_addc(sb, '+');
		for (size_t j = 0; j < minus; j++)
			sb_addc(sb, '-');
		sb_addc(sb, '\n');
		added += f->added;
		removed += f->removed;
	}
	sb_addf(sb, " %zu file%s changed", a->files.n, a->files.n == 1 ? "" : "s");
	if (added)
		sb_addf(sb, ", %zu insertion%s(+)", added, added == 1 ? "" : "s");
	if (removed)
		sb_addf(sb, ", %zu deletion%s(-)", removed, removed == 1 ? "" : "s");
	sb_adds(sb, "\n");
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* "Name <email>", the name RFC 2047-encoded when it is not plain ASCII. */
static void add_from(struct strbuf *sb, const char *author)
{
	const char *lt = strrchr(author, '<');
	size_t n = lt ? (size_t)(lt - author) : 0;
	bool plain = true;

	while (n && author[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < n; i++)
		plain &= (unsigned char)author[i] < 0x80 && !strchr("\"(),:;<>@[\\]", author[i]);
	sb_adds(sb, "From: ");
	if (plain || !lt) {
		sb_adds(sb, author);
	} else {
		sb_adds(sb, "=?UTF-8?q?");
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)author[i];

			if (c == ' ')
				sb_addc(sb, '_');
			else if (isalnum(c) || strchr("!*+-/", c))
				sb_addc(sb, (char)c);
			else
				sb_addf(sb, "=%02X", c);
		}
		sb_addf(sb, "?= %s", lt);
	}
	sb_addc(sb, '\n');
}

static char *patch_text(const struct series_kind *k, const struct area *a, const char *author)
{
	struct strbuf sb = STRBUF_INIT, diffs = STRBUF_INIT;
	char **paths = xmalloc(a->files.n * sizeof(*paths));
	char *prefix, *subj;

	for (size_t i = 0; i < a->files.n; i++) {
		paths[i] = a->files.v[i]->path;
		sb_adds(&diffs, a->files.v[i]->diff);
	}
	prefix = area_prefix(a->tag, paths, a->files.n);
	subj = subject(k, prefix, a);
	sb_adds(&sb, MBOX_FROM);
	add_from(&sb, author);
	sb_addf(&sb, "Subject: [PATCH] %s\n" MARK_HEADER, subj);
	if (!is_ascii(author) || !is_ascii(sb_str(&diffs)))
		sb_adds(&sb, "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
			"Content-Transfer-Encoding: 8bit\n");
	sb_addc(&sb, '\n');
	add_wrapped(&sb, k->intro, "", "");
	sb_addc(&sb, '\n');
	for (size_t i = 0; i < a->files.n; i++)
		for (size_t j = 0; j < a->files.v[i]->notes.n; j++)
			add_wrapped(&sb, a->files.v[i]->notes.v[j], "- ", "  ");
	sb_adds(&sb, "---\n");
	add_wrapped(&sb, k->note, "", "");
	sb_addc(&sb, '\n');
	add_diffstat(&sb, a);
	sb_addc(&sb, '\n');
	sb_add(&sb, diffs.buf ? diffs.buf : "", diffs.len);
	sb_addc(&sb, '\n');	/* the blank line between two mails of an mbox */
	sb_release(&diffs);
	free(prefix);
	free(subj);
	free(paths);
	return sb_detach(&sb);
}

/* format-patch's file name: the subject's words joined by "-". */
static char *patch_name(size_t nr, const char *text)
{
	const char *subj = strstr(text, "\nSubject: [PATCH] ") + strlen("\nSubject: [PATCH] ");
	struct strbuf sb = STRBUF_INIT;
	size_t start;

	sb_addf(&sb, "%04zu-", nr);
	start = sb.len;
	for (const char *s = subj; *s && *s != '\n' && sb.len - start < NAME_MAX_SUBJECT; s++) {
		if (isalnum((unsigned char)*s) || *s == '_' || *s == '.')
			sb_addc(&sb, *s);
		else if (sb.len > start && sb.buf[sb.len - 1] != '-')
			sb_addc(&sb, '-');
	}
	while (sb.len > start && (sb.buf[sb.len - 1] == '-' || sb.buf[sb.len - 1] == '.'))
		sb.buf[--sb.len] = '\0';
	sb_adds(&sb, ".patch");
	return sb_detach(&sb);
}

static void series_file_free(struct series_file *f)
{
	free(f->path);
	free(f->diff);
	for (size_t i = 0; i < f->notes.n; i++)
		free(f->notes.v[i]);
	free(f->notes.v);
	for (size_t i = 0; i < f->functions.n; i++)
		free(f->functions.v[i]);
	free(f->functions.v);
}

void series_build(struct series *out, const struct maintainers *m,
		  const struct series_kind *kind, struct series_file *files, size_t n,
		  const char *author)
{
	struct areas a = { { 0 } };

	for (size_t i = 0; i < n; i++)
		vec_push(&area_of(&a, m, files[i].path)->files, &files[i]);
	for (size_t i = 0; i < a.v.n; i++) {
		struct named_text p;

		p.text = patch_text(kind, &a.v.v[i], author);
		p.name = patch_name(i + 1, p.text);
		vec_push(&out->patches, p);
		free(a.v.v[i].key);
		free(a.v.v[i].tag);
		free(a.v.v[i].files.v);
	}
	free(a.v.v);
	for (size_t i = 0; i < n; i++)
		series_file_free(&files[i]);
}

char *series_author(void)
{
	static const char *const argv[] = { "var", "GIT_AUTHOR_IDENT", NULL };
	struct git_cmd cmd = { NULL, argv, -1, 4096, NULL };
	struct strbuf out = STRBUF_INIT;
	int r = git_run(&cmd, &out, NULL);
	const char *gt = strrchr(sb_str(&out), '>');
	char *ident;

	if (r || !gt)
		die("suggest: cannot tell who the patches are from: git var GIT_AUTHOR_IDENT "
		    "%s; set user.name and user.email (git config) or GIT_AUTHOR_NAME and "
		    "GIT_AUTHOR_EMAIL", r == GIT_MISSING ? "could not run (is git installed?)" :
		    "failed");
	ident = xstrndup(sb_str(&out), (size_t)(gt - sb_str(&out)) + 1);
	sb_release(&out);
	return ident;
}

void series_mbox(const struct series *s, struct strbuf *out)
{
	for (size_t i = 0; i < s->patches.n; i++)
		sb_adds(out, s->patches.v[i].text);
}

/* ---- a folder of patches ------------------------------------------------- */

/* Did this module write @text?  Its mbox line, then our header in the mail's header. */
static bool is_ours(const char *text)
{
	const char *end = strstr(text, "\n\n");
	const char *h = strstr(text, "\n" MARK_HEADER);

	return str_starts_with(text, MBOX_FROM) && h && (!end || h < end);
}

/* "0001-...patch": the names a run writes. */
static bool patch_file_name(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)name[i]))
			return false;
	return name[4] == '-' && str_ends_with(name, ".patch");
}

void series_write_dir(const struct series *s, const char *dir)
{
	struct stat st;

	if (stat(dir, &st) == 0 ? !S_ISDIR(st.st_mode) : errno == ENOTDIR)
		die("cannot write patches into %s: not a folder", dir);
	for (size_t i = 0; i < s->patches.n; i++) {
		char *path = xasprintf("%s/%s", dir, s->patches.v[i].name);

		refuse_unless_ours(path, is_ours, "barriermap suggest");
		free(path);
	}
	if (mkdir_p(dir, 0755) < 0)
		die_errno("cannot create the folder %s", dir);
	for (size_t i = 0; i < s->patches.n; i++) {
		const struct named_text *p = &s->patches.v[i];
		char *path = xasprintf("%s/%s", dir, p->name);

		if (write_file_atomic(path, p->text, strlen(p->text)) < 0)
			die_errno("cannot write %s", path);
		printf("%s\n", path);
		free(path);
	}
	remove_stale_outputs(dir, &s->patches, patch_file_name, is_ours);
}

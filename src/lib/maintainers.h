/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel tree's MAINTAINERS file: which section a file belongs to, as
 * scripts/get_maintainer.pl decides it.  A section is a title line and
 * its "T:<tab>value" lines.  A file is in a section when one of its F:
 * patterns matches the file and none of its X: patterns does; an N:
 * regular expression found anywhere in the path also puts it there.  Of
 * the sections a file is in, the most specific wins: the one whose
 * matching pattern is deepest (get_maintainer.pl's count of the
 * pattern's slashes, plus one when it names files rather than a folder,
 * minus one when it starts with "*"; an N: match counts 0).  On a tie,
 * which get_maintainer.pl leaves to Perl's hash order (it varies from run
 * to run), a pattern without wildcards wins ("include/linux/kvm_para.h"
 * over "include/linux/kvm*"), then the section that comes first.
 *
 * F: and X: patterns are get_maintainer.pl's: "*" matches any run of
 * characters ("/" included), "?" any one, and a pattern matches a file
 * when it matches the start of the path; a pattern that does not end in
 * "/" must also have as many slashes as the path (so "*.c" under
 * drivers/net/ does not reach below drivers/net).  A pattern with no wildcard and no "."
 * that names a folder of the tree is a folder ("virt/kvm" is
 * "virt/kvm/").  A file of at most READ_FILE_MAX is read, and a pattern
 * of more than 512 bytes is left out.
 */
#ifndef BARRIERMAP_MAINTAINERS_H
#define BARRIERMAP_MAINTAINERS_H

#include "util.h"

struct maintainers;

struct maint_section {
	char *title;		/* "KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)" */
	unsigned line;		/* of the title, 1-based */
};

/*
 * @tree's MAINTAINERS, or NULL when it has none (a tree cut down to a few
 * folders).  Dies when it cannot be read or is larger than READ_FILE_MAX.
 */
struct maintainers *maintainers_read(const char *tree);
/* The same from text; @tree is where folder patterns are looked up, or NULL. */
struct maintainers *maintainers_parse(const char *text, size_t len, const char *tree);
void maintainers_free(struct maintainers *m);

/* The section @path (relative to the tree's root) belongs to, or NULL. */
const struct maint_section *maintainers_section(const struct maintainers *m,
						const char *path);

/* "KVM/x86" from "... (KVM/x86)": the text in a title's last parentheses, or NULL. */
char *maint_section_tag(const struct maint_section *s);

#endif

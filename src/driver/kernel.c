// SPDX-License-Identifier: GPL-2.0
/*
 * kernel.c: which kernel tree a command works on.  --kernel, else the tree
 * the current folder is in (as git finds its repository), else $KDIR,
 * else the tree tools/kernel-tree.sh extracts from Debian's
 * linux-source-6.12.
 */
#include "kernel.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by the Makefile to the repo's (or the installed) tools/kernel-tree.sh. */
#ifndef KERNEL_TREE_SCRIPT
#define KERNEL_TREE_SCRIPT "/usr/local/share/barriermap/kernel-tree.sh"
#endif

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_kernel_tree(const char *dir)
{
	char *a = xasprintf("%s/virt/kvm", dir), *b = xasprintf("%s/include/linux", dir);
	bool ok = is_dir(a) && is_dir(b);

	free(a);
	free(b);
	return ok;
}

/*
 * tools/kernel-tree.sh of the checkout barriermap was built in, else the
 * copy `make install` puts beside the binary (PREFIX/share/barriermap/).
 */
static char *kernel_tree_script(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (access(KERNEL_TREE_SCRIPT, X_OK) == 0 || n <= 0)
		return xstrdup(KERNEL_TREE_SCRIPT);
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	return xasprintf("%s/../share/barriermap/kernel-tree.sh", exe);
}

/* The tree the tools/ script extracts from Debian's linux-source-6.12. */
static char *default_tree(void)
{
	const char *env = getenv("BARRIERMAP_KERNEL_TREE_SCRIPT");
	char *script = env ? xstrdup(env) : kernel_tree_script();
	char line[PATH_MAX];
	char *cmd = xasprintf("'%s'", script);
	FILE *f = popen(cmd, "r");
	bool ok = f && fgets(line, sizeof(line), f);

	if (f)
		pclose(f);
	free(cmd);
	free(script);
	if (!ok)
		return NULL;
	line[strcspn(line, "\n")] = '\0';
	return xstrdup(line);
}

char *kernel_tree_enclosing(void)
{
	char dir[PATH_MAX];

	if (!getcwd(dir, sizeof(dir)))
		return NULL;
	for (;;) {
		char *slash;

		if (is_kernel_tree(dir))
			return xstrdup(dir);
		slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			return NULL;
		*slash = '\0';
	}
}

/*
 * --kernel, else the kernel tree the current folder is in, else $KDIR,
 * else the default tree.
 */
void options_find_kernel(struct options *o)
{
	const char *kdir = getenv("KDIR");

	if (o->kernel) {
		if (!is_dir(o->kernel))
			die("%s: no such folder", o->kernel);
		if (!is_kernel_tree(o->kernel))
			die("%s: not a kernel tree (no virt/kvm and include/linux)", o->kernel);
		return;
	}
	if ((o->kernel_found = kernel_tree_enclosing()))
		o->kernel = o->kernel_found;
	else if (kdir && *kdir)
		o->kernel = kdir;
	else
		o->kernel = o->kernel_found = default_tree();
	if (!o->kernel)
		die("no kernel tree: run from a kernel tree, pass --kernel DIR or set KDIR "
		    "(tools/kernel-tree.sh extracts Debian's linux-source-6.12)");
	if (!is_kernel_tree(o->kernel))
		die("%s: not a kernel tree (no virt/kvm and include/linux)", o->kernel);
}

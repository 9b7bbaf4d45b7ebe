/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Finding the kernel tree (kernel.c); options_find_kernel(), which sets
 * it in the options, is declared with them in options.h.
 */
#ifndef BARRIERMAP_KERNEL_H
#define BARRIERMAP_KERNEL_H

#include "options.h"

/* The kernel tree holding the current folder, as git finds its repository, or NULL. */
char *kernel_tree_enclosing(void);

#endif

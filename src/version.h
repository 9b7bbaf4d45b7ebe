/* SPDX-License-Identifier: GPL-2.0 */
#ifndef BARRIERMAP_VERSION_H
#define BARRIERMAP_VERSION_H

/* "0.3 (6d0497f)": the release and, in a git checkout, the commit built. */
extern const char barriermap_version[];

#endif

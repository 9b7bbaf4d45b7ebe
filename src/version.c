// SPDX-License-Identifier: GPL-2.0
/* version.c: the one file the Makefile rebuilds when the version changes. */
#include "version.h"

#ifndef BARRIERMAP_VERSION
#define BARRIERMAP_VERSION "unknown"
#endif

const char barriermap_version[] = BARRIERMAP_VERSION;

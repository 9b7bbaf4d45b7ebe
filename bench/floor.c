// SPDX-License-Identifier: GPL-2.0
/*
 * The libclang floor: what barriermap's scan of the same files costs in
 * libclang alone.  Reads file paths, one a line, on stdin; parses and
 * tokenizes each as the scanner does (src/stages/scan.h), with -j N threads of
 * the same stack size; prints the files and tokens.  bench/bench.sh times
 * it beside barriermap.
 *
 *   find ... | build/release/floor [-j N]
 */
#include "pipeline.h"
#include "scan.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct strvec files;
static atomic_size_t next_file, tokens;

static void *worker(void *unused)
{
	struct scan_floor *sf = scan_floor_new();
	size_t i;

	while ((i = atomic_fetch_add(&next_file, 1)) < files.n) {
		size_t len;
		char *buf = read_file_bounded(files.v[i], READ_FILE_MAX, READ_NOFOLLOW, &len);

		if (buf && !memchr(buf, '\0', len))
			atomic_fetch_add(&tokens, scan_floor_file(sf, buf, len));
		free(buf);
	}
	scan_floor_free(sf);
	return NULL;
}

int main(int argc, char **argv)
{
	int jobs = 1;
	char line[4096];
	pthread_attr_t attr;
	pthread_t *threads;

	if (argc == 3 && !strcmp(argv[1], "-j"))
		jobs = atoi(argv[2]);
	if (jobs < 1 || jobs > 256 || (argc != 1 && argc != 3))
		die("usage: floor [-j N] < file-list");
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\n")] = '\0';
		if (*line)
			vec_push(&files, xstrdup(line));
	}
	threads = xcalloc((size_t)jobs, sizeof(*threads));
	if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, WORKER_STACK))
		die("cannot set up the threads");
	for (int i = 0; i < jobs; i++)
		if (pthread_create(&threads[i], &attr, worker, NULL))
			die("cannot start a thread");
	for (int i = 0; i < jobs; i++)
		pthread_join(threads[i], NULL);
	printf("%zu files, %zu tokens\n", files.n, (size_t)tokens);
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	free(files.v);
	free(threads);
	return 0;
}

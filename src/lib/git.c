// SPDX-License-Identifier: GPL-2.0
/* git.c: run git with bounded output, no shell, and a clean environment. */
#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ERR_MAX 65536

static volatile pid_t running;

pid_t git_child(void)
{
	return running;
}

static noreturn void child(const char *program, const struct git_cmd *cmd, int out, int err)
{
	VEC(const char *) argv = { 0 };
	int in = cmd->in_fd >= 0 ? cmd->in_fd : open("/dev/null", O_RDONLY);

	if (in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
	    (cmd->dir && chdir(cmd->dir)))
		_exit(126);
	if (cmd->isolate_below) {
		/* the copy is not a repository: keep git from finding one above it */
		setenv("GIT_CEILING_DIRECTORIES", cmd->isolate_below, 1);
		setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
		setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
		unsetenv("GIT_DIR");
		unsetenv("GIT_WORK_TREE");
		unsetenv("GIT_INDEX_FILE");
		unsetenv("GIT_CONFIG_PARAMETERS");
	}
	signal(SIGPIPE, SIG_DFL);
	vec_push(&argv, program);
	for (size_t i = 0; cmd->argv[i]; i++)
		vec_push(&argv, cmd->argv[i]);
	vec_push(&argv, NULL);
	execvp(program, (char *const *)argv.v);
	_exit(127);
}

/* Read what is ready on @fd into @sb, up to @max (the rest is dropped); false at EOF. */
static bool drain(int fd, struct strbuf *sb, size_t max, bool *over)
{
	char buf[65536];
	ssize_t n = read(fd, buf, sizeof(buf));

	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	if (!n)
		return false;
	if (sb && sb->len + (size_t)n <= max)
		sb_add(sb, buf, (size_t)n);
	else if (sb)
		*over = true;
	return true;
}

int git_run(const struct git_cmd *cmd, struct strbuf *out, struct strbuf *err)
{
	return program_run("git", cmd, out, err);
}

int program_run(const char *program, const struct git_cmd *cmd, struct strbuf *out,
		struct strbuf *err)
{
	int po[2], pe[2], status;
	bool over = false, err_over = false;
	struct pollfd fds[2];
	pid_t pid;

	if (pipe2(po, O_CLOEXEC) || pipe2(pe, O_CLOEXEC))
		die_errno("cannot run %s", program);
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die_errno("cannot run %s", program);
	if (!pid)
		child(program, cmd, po[1], pe[1]);
	running = pid;
	close(po[1]);
	close(pe[1]);
	fds[0] = (struct pollfd){ po[0], POLLIN, 0 };
	fds[1] = (struct pollfd){ pe[0], POLLIN, 0 };
	while (fds[0].fd >= 0 || fds[1].fd >= 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			die_errno("cannot read %s's output", program);
		}
		if (fds[0].revents && !drain(fds[0].fd, out, cmd->max_out, &over)) {
			close(fds[0].fd);
			fds[0].fd = -1;
		}
		if (fds[1].revents && !drain(fds[1].fd, err, ERR_MAX, &err_over)) {
			close(fds[1].fd);
			fds[1].fd = -1;
		}
		if (over && fds[0].fd >= 0) {
			kill(pid, SIGKILL);	/* past the bound: stop reading */
			close(fds[0].fd);
			fds[0].fd = -1;
		}
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die_errno("cannot wait for %s", program);
	running = 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return GIT_MISSING;
	if (over)
		return GIT_TOO_MUCH;
	return WIFEXITED(status) ? WEXITSTATUS(status) : GIT_SIGNALLED;
}

bool git_is_work_tree(const char *dir)
{
	static const char *const argv[] = { "rev-parse", "--is-inside-work-tree", NULL };
	struct git_cmd cmd = { dir, argv, -1, 64, NULL };
	struct strbuf out = STRBUF_INIT;
	bool yes = git_run(&cmd, &out, NULL) == 0 && !strcmp(sb_str(&out), "true\n");

	sb_release(&out);
	return yes;
}

bool git_is_commit(const char *dir, const char *rev)
{
	char *spec = xasprintf("%s^{commit}", rev);
	const char *argv[] = { "rev-parse", "--verify", "--quiet", "--end-of-options", spec, NULL };
	struct git_cmd cmd = { dir, argv, -1, 256, NULL };
	bool yes = git_run(&cmd, NULL, NULL) == 0;

	free(spec);
	return yes;
}

char *git_blob(const char *dir, const char *spec, size_t max, size_t *len)
{
	const char *argv[] = { "cat-file", "blob", spec, NULL };
	struct git_cmd cmd = { dir, argv, -1, max, NULL };
	struct strbuf out = STRBUF_INIT;
	int r = git_run(&cmd, &out, NULL);

	if (r == GIT_TOO_MUCH) {
		sb_release(&out);
		die("%s: larger than %zu MiB", spec, max >> 20);
	}
	if (r) {
		sb_release(&out);
		return NULL;
	}
	*len = out.len;
	return sb_detach(&out);
}

char *git_format_patch(const char *dir, const char *range, size_t max, size_t *len)
{
	/* the user's configuration must not change the names or add a cover letter */
	static const char *const fixed[] = {
		"-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
		"-c", "format.coverLetter=false", "-c", "core.quotePath=true",
		"format-patch", "--stdout", "--full-index", "-M", "--no-signature",
	};
	VEC(const char *) argv = { 0 };
	struct git_cmd cmd = { dir, NULL, -1, max, NULL };
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	int r;

	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		vec_push(&argv, fixed[i]);
	if (!strstr(range, "..") && !strchr(range, '^'))
		vec_push(&argv, "-1");	/* one commit, as checkpatch.pl --git REV */
	vec_push(&argv, "--end-of-options");
	vec_push(&argv, range);
	vec_push(&argv, NULL);
	cmd.argv = argv.v;
	r = git_run(&cmd, &out, &err);
	free(argv.v);
	if (r) {
		static char msg[4096];

		snprintf(msg, sizeof(msg), "--git %s: %s", range, r == GIT_TOO_MUCH ?
			 "the patches are larger than 64 MiB" : r == GIT_MISSING ?
			 "cannot run 'git format-patch': install git" : sb_str(&err));
		msg[strcspn(msg, "\n")] = '\0';
		sb_release(&out);
		sb_release(&err);
		die("%s", msg);
	}
	sb_release(&err);
	if (!out.len) {
		sb_release(&out);
		die("--git %s: no commits in the range", range);
	}
	*len = out.len;
	return sb_detach(&out);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap litmus FUNCTION | FILE:LINE: write a barrier's pair as a
 * litmus test in the format of the kernel's tools/memory-model/litmus-tests/
 * (C dialect, P0 and P1, the shared objects as variables, the barriers as
 * in the code, the exists clause of the pattern's unwanted outcome), and
 * with --run have herd7 judge it under the tree's linux-kernel.cfg.
 *
 * --table prints lkmm.c's verdict table, which `tests/lkmm/litmus.py
 * verdicts` checks against the shipped litmus tests' "Result:" lines.
 */
#include "commands.h"
#include "lkmm.h"
#include "pipeline.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const litmus_usage[] = {
	"barriermap litmus [options] FUNCTION | FILE:LINE...",
	"barriermap litmus --table",
	"",
	"Write the pair of the barrier named as a litmus test in the format of the",
	"tree's tools/memory-model/litmus-tests/, for herd7.",
	NULL,
};

#define MEMORY_MODEL "tools/memory-model"

/* ---- the verdict table ---------------------------------------------------------- */

static int print_table(void)
{
	for (int pat = PATTERN_NONE + 1; pat < PATTERN__COUNT; pat++)
		for (int f0 = 0; f0 < FENCE__COUNT; f0++)
			for (int f1 = 0; f1 < FENCE__COUNT; f1++) {
				const char *cite;
				bool never = lkmm_forbidden(pat, f0, f1, &cite);

				printf("%s %s %s %s %s\n", lkmm_pattern_name(pat),
				       lkmm_fence_name(f0), lkmm_fence_name(f1),
				       never ? "Never" : "Sometimes", cite);
			}
	return EXIT_CLEAN;
}

/* ---- writing a test ------------------------------------------------------------- */

/* "kvm->vcpu_array" -> "kvm_vcpu_array": a C identifier for a litmus variable. */
static char *variable_name(const char *object)
{
	struct strbuf sb = STRBUF_INIT;

	if (!strcmp(object, LKMM_UNSEEN))
		return xstrdup("data");
	sb_adds(&sb, "v_");	/* dropped below unless the name starts with a digit */
	for (const char *c = object; *c; c++) {
		if (isalnum((unsigned char)*c))
			sb_addc(&sb, *c);
		else if (sb.buf[sb.len - 1] != '_')
			sb_addc(&sb, '_');
	}
	while (sb.buf[sb.len - 1] == '_')
		sb.buf[--sb.len] = '\0';
	if (sb.len > 2 && !isdigit((unsigned char)sb.buf[2])) {
		char *name = xstrdup(sb.buf + 2);

		sb_release(&sb);
		return name;
	}
	return sb_detach(&sb);
}

/* The barrier's own argument: smp_store_release(&x)'s store, smp_load_acquire(&x)'s load. */
static const struct access *own_access(const struct site *s)
{
	const struct access *v = s->kind == KIND_RELEASE ? s->after.v : s->before.v;
	size_t n = s->kind == KIND_RELEASE ? s->after.n : s->before.n;

	for (size_t i = 0; i < n; i++)
		if (v[i].at.line == s->at.line && v[i].at.col > s->at.col)
			return &v[i];
	return NULL;
}

struct test {
	const struct lkmm_pair *pr;
	char *var[2];		/* x, y */
	struct strbuf text;
};

/* The values the shipped tests write, so that the exists clauses match theirs. */
static int written_value(enum lkmm_pattern pat, int p, bool second)
{
	if (pat == PATTERN_S && p == 0 && !second)
		return 2;
	if (pat == PATTERN_R && p == 1 && !second)
		return 2;
	if (pat == PATTERN_2P2W && second)
		return 2;
	return 1;
}

static const char *const lkmm_primitives[] = {
	"smp_mb", "smp_rmb", "smp_wmb", "smp_mb__before_atomic", "smp_mb__after_atomic",
	NULL,
};

static bool known_to_lkmm(const char *barrier)
{
	for (size_t i = 0; lkmm_primitives[i]; i++)
		if (!strcmp(lkmm_primitives[i], barrier))
			return true;
	return false;
}

/* A fence statement, as the code has it when linux-kernel.def knows it. */
static void add_fence(struct strbuf *sb, const struct lkmm_side *sd)
{
	const char *b = sd->site->barrier;

	if (!strcmp(b, "smp_mb__after_atomic")) {
		/* LKMM orders through it only after an atomic RMW */
		sb_adds(sb, "\tatomic_inc(rmw); // the atomic update it follows\n"
			"\tsmp_mb__after_atomic();\n");
	} else if (!strcmp(b, "smp_mb__before_atomic")) {
		sb_adds(sb, "\tsmp_mb__before_atomic();\n"
			"\tatomic_inc(rmw); // the atomic update it precedes\n");
	} else if (known_to_lkmm(b)) {
		sb_addf(sb, "\t%s();\n", b);
	} else {
		const char *as = sd->fence == FENCE_WMB ? "smp_wmb" :
				 sd->fence == FENCE_RMB ? "smp_rmb" : "smp_mb";

		sb_addf(sb, "\t%s(); // %s() in the code\n", as, b);
	}
}

static bool uses_rmw(const struct lkmm_side *sd)
{
	return !strcmp(sd->site->barrier, "smp_mb__after_atomic") ||
	       !strcmp(sd->site->barrier, "smp_mb__before_atomic");
}

static void add_read(struct strbuf *sb, int reg, const char *var, bool acquire)
{
	if (acquire)
		sb_addf(sb, "\tr%d = smp_load_acquire(%s);\n", reg, var);
	else
		sb_addf(sb, "\tr%d = READ_ONCE(*%s);\n", reg, var);
}

static void add_write(struct strbuf *sb, const char *var, int value, bool release)
{
	if (release)
		sb_addf(sb, "\tsmp_store_release(%s, %d);\n", var, value);
	else
		sb_addf(sb, "\tWRITE_ONCE(*%s, %d);\n", var, value);
}

/*
 * One thread.  An acquire whose own load is the first access is
 * smp_load_acquire() itself, and likewise a release's own store; an
 * acquire or release of another object keeps that object.
 */
static void add_thread(struct test *t, int p)
{
	const struct lkmm_side *sd = &t->pr->p[p];
	const struct site *s = sd->site;
	const char *first = t->var[p], *second = t->var[!p];
	const struct access *own = own_access(s);
	const char *fn = site_function_name(s);
	char *own_var = own ? variable_name(own->object) : xstrdup("flag");
	bool acquire = sd->fence == FENCE_ACQUIRE, release = sd->fence == FENCE_RELEASE;
	bool own_first = acquire && (!own || !sd->first.seen ||
				     !strcmp(own->object, sd->first.object));
	bool own_second = release && (!own || !sd->second.seen ||
				      !strcmp(own->object, sd->second.object));
	bool extra = (acquire && !own_first) || (release && !own_second);
	struct strbuf body = STRBUF_INIT;
	int regs = 0;

	if (sd->first.write)
		add_write(&body, first, written_value(t->pr->pattern, p, false), false);
	else
		add_read(&body, regs++, first, own_first);
	if (acquire && !own_first)
		sb_addf(&body, "	r9 = smp_load_acquire(%s); // %s()\n", own_var, s->barrier);
	else if (release && !own_second)
		sb_addf(&body, "	smp_store_release(%s, 1); // %s()\n", own_var, s->barrier);
	else if (!acquire && !release)
		add_fence(&body, sd);
	if (sd->second.write)
		add_write(&body, second, written_value(t->pr->pattern, p, true), own_second);
	else
		add_read(&body, regs++, second, false);

	sb_addf(&t->text, "P%d(int *%s, int *%s", p, t->var[0], t->var[1]);
	if (uses_rmw(sd))
		sb_adds(&t->text, ", atomic_t *rmw");
	if (extra)
		sb_addf(&t->text, ", int *%s", own_var);
	sb_addf(&t->text, ") // %s()%s%s%s, %s:%u\n{\n", s->barrier, fn ? " in " : "",
		fn ? fn : "", fn ? "()" : "", s->file->path, s->at.line);
	for (int r = 0; r < regs; r++)
		sb_addf(&t->text, "\tint r%d;\n", r);
	if (acquire && !own_first)
		sb_adds(&t->text, "\tint r9;\n");
	if (regs || (acquire && !own_first))
		sb_addc(&t->text, '\n');
	sb_adds(&t->text, sb_str(&body));
	sb_adds(&t->text, "}\n\n");
	sb_release(&body);
	free(own_var);
}

/* The unwanted outcome of each pattern, as the shipped tests state it. */
static void add_exists(struct test *t)
{
	const char *x = t->var[0], *y = t->var[1];

	switch (t->pr->pattern) {
	case PATTERN_MP:
		sb_adds(&t->text, "exists (1:r0=1 /\\ 1:r1=0)\n");
		break;
	case PATTERN_SB:
		sb_adds(&t->text, "exists (0:r0=0 /\\ 1:r0=0)\n");
		break;
	case PATTERN_LB:
		sb_adds(&t->text, "exists (0:r0=1 /\\ 1:r0=1)\n");
		break;
	case PATTERN_R:
		sb_addf(&t->text, "exists (%s=2 /\\ 1:r0=0)\n", y);
		break;
	case PATTERN_S:
		sb_addf(&t->text, "exists (%s=2 /\\ 1:r0=1)\n", x);
		break;
	case PATTERN_2P2W:
		sb_addf(&t->text, "exists (%s=1 /\\ %s=1)\n", x, y);
		break;
	case PATTERN_NONE:
	case PATTERN__COUNT:
		BUG("no outcome for an unclassified pair");
	}
}

static char *test_name(const struct lkmm_pair *pr)
{
	const char *f0 = site_function_name(pr->p[0].site);
	const char *f1 = site_function_name(pr->p[1].site);

	return xasprintf("%s+%s+%s", lkmm_pattern_name(pr->pattern), f0 ? f0 : "P0",
			 f1 ? f1 : "P1");
}

static void add_header_comment(struct test *t, const char *name)
{
	const struct lkmm_pair *pr = t->pr;

	sb_addf(&t->text, "C %s\n\n(*\n * Result: %s\n *\n", name,
		pr->verdict == VERDICT_SUFFICIENT ? "Never" : "Sometimes");
	sb_addf(&t->text, " * Written by barriermap: %s (%s) between\n",
		lkmm_pattern_words(pr->pattern), lkmm_pattern_name(pr->pattern));
	for (int p = 0; p < 2; p++) {
		const struct site *s = pr->p[p].site;
		const char *fn = site_function_name(s);

		sb_addf(&t->text, " *   P%d: %s()%s%s%s at %s:%u\n", p, s->barrier,
			fn ? " in " : "", fn ? fn : "", fn ? "()" : "", s->file->path, s->at.line);
	}
	sb_addf(&t->text, " * with %s standing for %s and %s for %s.\n", t->var[0],
		strcmp(pr->p[0].first.object, LKMM_UNSEEN) ? pr->p[0].first.object :
		"data neither window shows", t->var[1],
		strcmp(pr->p[0].second.object, LKMM_UNSEEN) ? pr->p[0].second.object :
		"data neither window shows");
	sb_addf(&t->text, " * The result is what barriermap expects under LKMM (%s);\n"
		" * the pair is %s, certainty %s%s.\n *)\n\n{}\n\n", pr->cite,
		pr->documented ? "documented" : "inferred", lkmm_certainty_name(pr->certainty),
		pr->assumed ? ", one object assumed" : "");
}

static char *write_test(const struct lkmm_pair *pr, char **name_out)
{
	struct test t = { pr, { NULL, NULL }, STRBUF_INIT };
	char *name = test_name(pr);

	t.var[0] = variable_name(pr->p[0].first.object);
	t.var[1] = variable_name(pr->p[0].second.object);
	if (!strcmp(t.var[0], t.var[1])) {
		char *y = xasprintf("%s_2", t.var[1]);

		free(t.var[1]);
		t.var[1] = y;
	}
	add_header_comment(&t, name);
	add_thread(&t, 0);
	add_thread(&t, 1);
	add_exists(&t);
	free(t.var[0]);
	free(t.var[1]);
	*name_out = name;
	return sb_detach(&t.text);
}

/* ---- herd7 ---------------------------------------------------------------------- */

/* herd7 on $PATH, or NULL. */
static char *find_herd7(void)
{
	const char *path = getenv("PATH");
	char *copy, *save = NULL, *found = NULL;

	if (!path)
		return NULL;
	copy = xstrdup(path);
	for (char *d = strtok_r(copy, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
		char *f = xasprintf("%s/herd7", *d ? d : ".");

		if (access(f, X_OK) == 0)
			found = f;
		else
			free(f);
	}
	free(copy);
	return found;
}

/* A test written only for herd7, removed on exit and on a signal. */
static char temp_path[4096];

static void remove_temp(void)
{
	if (temp_path[0])
		unlink(temp_path);
}

static void on_signal(int sig)
{
	remove_temp();
	signal(sig, SIG_DFL);
	raise(sig);
}

static char *write_temp(const char *text)
{
	const char *tmp = getenv("TMPDIR");
	int fd;
	size_t len = strlen(text);

	snprintf(temp_path, sizeof(temp_path), "%s/barriermap-litmus.XXXXXX.litmus",
		 tmp && *tmp ? tmp : "/tmp");
	atexit(remove_temp);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	fd = mkstemps(temp_path, 7);
	if (fd < 0) {
		temp_path[0] = '\0';
		die_errno("cannot create a temporary file in %s", tmp && *tmp ? tmp : "/tmp");
	}
	if (write(fd, text, len) != (ssize_t)len || close(fd) < 0)
		die_errno("cannot write %s", temp_path);
	return temp_path;
}

/* herd7's "Observation NAME Never|Sometimes|Always ..." line, or NULL. */
static char *run_herd7(const char *herd7, const char *model_dir, const char *file)
{
	int fds[2], status;
	pid_t pid;
	struct strbuf out = STRBUF_INIT;
	char buf[4096];
	ssize_t n;
	const char *obs;

	if (pipe(fds) < 0)
		die_errno("cannot run herd7");
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die_errno("cannot run herd7");
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (null < 0 || chdir(model_dir))
			_exit(126);
		dup2(null, 0);
		dup2(fds[1], 1);
		close(fds[0]);
		execl(herd7, "herd7", "-conf", "linux-kernel.cfg", file, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die_errno("cannot read herd7's output");
		sb_add(&out, buf, (size_t)n);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die_errno("cannot wait for herd7");
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		die("herd7 failed on %s (exit %d): run it by hand in %s to see why", file,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1, model_dir);
	obs = strstr(sb_str(&out), "Observation ");
	if (!obs) {
		sb_release(&out);
		return NULL;
	}
	obs = xstrndup(obs, strcspn(obs, "\n"));
	sb_release(&out);
	return (char *)obs;
}

/* herd7's word for the outcome: the third field of its Observation line. */
static char *observation_result(const char *line)
{
	char name[1024], result[64];

	if (sscanf(line, "Observation %1023s %63s", name, result) != 2)
		return NULL;
	return xstrdup(result);
}

/* 0 when herd7 agrees with the table, 1 when it does not. */
static int judge_with_herd7(const struct program *p, const char *herd7, const char *name,
			    const char *file, const struct lkmm_pair *pr)
{
	char *model = xasprintf("%s/" MEMORY_MODEL, p->kernel);
	char *cfg = xasprintf("%s/linux-kernel.cfg", model);
	char *line, *result;

	if (access(cfg, R_OK) < 0)
		die("%s: %s; herd7 needs the tree's memory model", cfg, strerror(errno));
	free(cfg);
	line = run_herd7(herd7, model, file);
	result = line ? observation_result(line) : NULL;
	const char *expected = pr->verdict == VERDICT_SUFFICIENT ? "Never" : "Sometimes";
	bool agree;

	if (!result)
		die("herd7 printed no Observation line for %s", file);
	/* "Always" is as allowed as "Sometimes" */
	agree = !strcmp(result, expected) || (!strcmp(result, "Always") && *expected == 'S');
	printf("%s: herd7 says %s, barriermap expects %s: %s\n", name, result, expected,
	       agree ? "agree" : "DISAGREE");
	free(result);
	free(line);
	free(model);
	return agree ? 0 : 1;
}

static void print_how_to_run(const struct program *p, const char *file)
{
	fprintf(stderr, "barriermap: herd7 is not on PATH (Debian does not package it; "
		"see %s/%s/README); to check the test, run:\n"
		"  cd %s/%s && herd7 -conf linux-kernel.cfg %s\n", p->kernel, MEMORY_MODEL,
		p->kernel, MEMORY_MODEL, file);
}

/* ---- the command ---------------------------------------------------------------- */

struct litmus_args {
	const char *out;
	bool run, table;
};

VEC_TYPE(pair_list, const struct lkmm_pair *);

static void add_pair(struct pair_list *v, const struct lkmm_pair *pr)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i] == pr)
			return;
	vec_push(v, pr);
}

/* The pair that decides each barrier @arg names; says why when there is none. */
static void pairs_named(const struct program *p, const char *arg, struct pair_list *v)
{
	char *path = NULL;
	unsigned line = 0;
	size_t matched = 0, before = v->n;

	site_location_parse(arg, &path, &line);
	for (size_t i = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->sites.n; j++) {
			const struct site *s = &p->files.v[i]->sites.v[j];
			const struct lkmm_site *ls = s->lkmm;

			if (!site_matches_arg(s, arg, path, line))
				continue;
			matched++;
			if (ls && ls->deciding && ls->deciding->pattern)
				add_pair(v, ls->deciding);
		}
	free(path);
	if (!matched)
		die("litmus: %s: no barrier there", arg);
	if (v->n == before)
		die("litmus: %s: no pair of %s is classified (see 'barriermap show %s')",
		    arg, matched == 1 ? "its barrier" : "its barriers", arg);
}

static int write_to_folder(const struct program *p, const struct litmus_args *a,
			   const struct lkmm_pair *const *pairs, size_t n, const char *herd7)
{
	int disagree = 0;

	if (mkdir_p(a->out, 0755) < 0)
		die_errno("cannot create %s", a->out);
	for (size_t i = 0; i < n; i++) {
		char *name, *text = write_test(pairs[i], &name);
		char *file = xasprintf("%s/%s.litmus", a->out, name);
		char *abs;

		if (access(file, F_OK) == 0) {
			char *old = read_file(file, NULL);

			/* ours when it says so: never overwrite a test someone wrote */
			if (!old || !strstr(old, " * Written by barriermap: "))
				die("%s was not written by barriermap; not overwriting it", file);
			free(old);
		}
		if (write_file_atomic(file, text, strlen(text)) < 0)
			die_errno("cannot write %s", file);
		abs = realpath(file, NULL);
		if (a->run && herd7)
			disagree |= judge_with_herd7(p, herd7, name, abs ? abs : file, pairs[i]);
		else if (a->run)
			print_how_to_run(p, abs ? abs : file);
		else
			printf("%s\n", file);
		free(abs);
		free(file);
		free(name);
		free(text);
	}
	return disagree;
}

int cmd_litmus(int argc, char **argv)
{
	struct litmus_args a = { NULL, false, false };
	struct options o;
	struct program *p;
	struct pair_list pairs = { NULL, 0, 0 };
	char *herd7 = NULL;
	int rc = EXIT_CLEAN;

	options_init(&o);
	{
		struct option opts[] = {
			OPT_STRING('o', "output", &a.out, "DIR",
				   "write each pair's test to DIR/NAME.litmus (else one test to stdout)"),
			OPT_BOOL_F(0, "run", &a.run, OPT_NONEG,
				   "judge the test with herd7 and the tree's tools/memory-model/"
				   "linux-kernel.cfg; without herd7, print the command to run"),
			OPT_BOOL_F(0, "table", &a.table, OPT_NONEG,
				   "print the verdict table: pattern, P0 and P1 fences, result, source"),
			OPT_PIPELINE(&o),
			OPT_END(),
		};

		argc = options_parse_config(&o, argc, argv, "litmus", opts, litmus_usage);
		if (a.table && argc)
			usage_error("litmus", litmus_usage, "--table takes no barrier");
		if (!a.table && !argc)
			usage_error("litmus", litmus_usage, "name a FUNCTION or FILE:LINE");
	}
	options_finish(&o);
	if (a.table) {
		options_release(&o);
		return print_table();
	}
	options_find_kernel(&o);
	p = program_load(&o);
	for (int i = 0; i < argc; i++)
		pairs_named(p, argv[i], &pairs);
	if (a.run)
		herd7 = find_herd7();
	if (a.out) {
		rc = write_to_folder(p, &a, pairs.v, pairs.n, herd7);
	} else if (pairs.n > 1) {
		die("litmus: %zu pairs match; name one barrier with FILE:LINE, or write "
		    "them all with -o DIR", pairs.n);
	} else {
		char *name, *text = write_test(pairs.v[0], &name);

		if (a.run && herd7) {
			rc = judge_with_herd7(p, herd7, name, write_temp(text), pairs.v[0]);
		} else {
			fputs(text, stdout);
			if (a.run) {
				char *file = xasprintf("%s.litmus (the test above, saved)", name);

				print_how_to_run(p, file);
				free(file);
			}
		}
		free(name);
		free(text);
	}
	free(herd7);
	free(pairs.v);
	program_free(p);
	options_release(&o);
	return rc ? EXIT_FINDINGS : EXIT_CLEAN;
}

/*
 * harness.c - times commands side by side, with nothing but the C library,
 * so the benchmark runs on a fresh machine (no hyperfine, no time(1)).
 *
 *   harness [-r ROUNDS] INPUT [-t TIME MEM] CMD [[-t TIME MEM] CMD]...
 *
 * Each CMD is one string: words separated by blanks (no quoting; write
 * `--filters=` for an empty value), and `|` between the stages of a pipe.
 * Every run reads INPUT on standard input and writes to /dev/null; its
 * standard error goes to a temporary file, shown when the run fails (a
 * failed run stops the harness), so warnings do not flood the table.
 * After one warm-up round the commands are run in turn, ROUNDS times
 * (default 7), so that a slow moment of the machine falls on all of them.
 *
 * For each command the table gives the median wall time (clock_gettime,
 * from the first fork to the last wait) and the median peak resident set
 * (ru_maxrss from wait4; for a pipe, the sum of its stages' peaks, since
 * they run at once), each also as a ratio to the first command, the floor;
 * and the median CPU time (user + system, from wait4), which a busy
 * machine disturbs less than the wall time.
 * `-t TIME MEM` gives the next command targets, as ratios to the floor: the
 * last column then says "ok" or "MISS", and the harness exits 3 on a miss.
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CMDS 64
#define MAX_STAGES 8
#define MAX_WORDS 32
#define MAX_ROUNDS 101

typedef struct cmd {
	const char *text;
	char *argv[MAX_STAGES][MAX_WORDS + 1];
	int nstages;
	double target_time, target_mem; /* 0: none */
	double wall[MAX_ROUNDS];
	double cpu[MAX_ROUNDS];
	double mib[MAX_ROUNDS];
} cmd;

static const char *argv0 = "harness";
static int errfd = -1; /* the commands' standard error, for one run */

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "%s: %s%s%s\n", argv0, what, arg ? ": " : "",
	        arg ? arg : "");
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "usage: %s [-r ROUNDS] INPUT [-t TIME MEM] CMD "
	        "[[-t TIME MEM] CMD]...\n", argv0);
	exit(2);
}

/* Splits c->text (copied) into stages of words. */
static void parse(cmd *c)
{
	char *s = strdup(c->text), *w, *save = NULL;
	int nw = 0;

	if (s == NULL)
		die("out of memory", NULL);
	c->nstages = 1;
	for (w = strtok_r(s, " \t", &save); w;
	     w = strtok_r(NULL, " \t", &save)) {
		if (strcmp(w, "|") == 0) {
			if (nw == 0 || c->nstages == MAX_STAGES)
				die("bad pipe in command", c->text);
			c->argv[c->nstages - 1][nw] = NULL;
			c->nstages++;
			nw = 0;
			continue;
		}
		if (nw == MAX_WORDS)
			die("too many words in command", c->text);
		c->argv[c->nstages - 1][nw++] = w;
	}
	if (nw == 0)
		die("empty command or stage", c->text);
	c->argv[c->nstages - 1][nw] = NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double maxrss_mib(const struct rusage *ru)
{
#ifdef __APPLE__
	return (double)ru->ru_maxrss / (1024.0 * 1024.0); /* bytes */
#else
	return (double)ru->ru_maxrss / 1024.0; /* kilobytes */
#endif
}

/* Copies what the failed run wrote on standard error to ours. */
static void show_errors(void)
{
	char buf[4096];
	ssize_t n;
	off_t total = 0;

	if (lseek(errfd, 0, SEEK_SET) != 0)
		return;
	while (total < 16 * 1024 && (n = read(errfd, buf, sizeof buf)) > 0) {
		fwrite(buf, 1, (size_t)n, stderr);
		total += n;
	}
}

static double seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

/* Runs `c` once with `input` on stdin; stores wall and CPU seconds (user
 * and system, all stages) and MiB. */
static void run(const cmd *c, const char *input, double *wall, double *cpu,
                double *mib)
{
	pid_t pids[MAX_STAGES];
	int in, out, fds[2], i, status;
	struct rusage ru;
	double t0, total = 0, used = 0;

	if (ftruncate(errfd, 0) != 0 || lseek(errfd, 0, SEEK_SET) != 0)
		die(strerror(errno), "temporary file");
	t0 = now();
	in = open(input, O_RDONLY);
	if (in < 0)
		die(strerror(errno), input);
	for (i = 0; i < c->nstages; i++) {
		if (i == c->nstages - 1) {
			fds[0] = -1;
			out = open("/dev/null", O_WRONLY);
			if (out < 0)
				die(strerror(errno), "/dev/null");
		} else {
			if (pipe(fds) != 0)
				die(strerror(errno), "pipe");
			out = fds[1];
		}
		pids[i] = fork();
		if (pids[i] < 0)
			die(strerror(errno), "fork");
		if (pids[i] == 0) {
			if (dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
			    dup2(errfd, 2) < 0)
				_exit(127);
			close(in);
			close(out);
			if (fds[0] >= 0)
				close(fds[0]);
			execvp(c->argv[i][0], c->argv[i]);
			fprintf(stderr, "%s: cannot run %s: %s\n", argv0,
			        c->argv[i][0], strerror(errno));
			_exit(127);
		}
		close(in);
		close(out);
		in = fds[0];
	}
	for (i = 0; i < c->nstages; i++) {
		while (wait4(pids[i], &status, 0, &ru) < 0)
			if (errno != EINTR)
				die(strerror(errno), "wait4");
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			show_errors();
			fprintf(stderr, "%s: %s: failed (%s %d)\n", argv0,
			        c->text, WIFEXITED(status) ? "exit status"
			                                   : "signal",
			        WIFEXITED(status) ? WEXITSTATUS(status)
			                          : WTERMSIG(status));
			exit(1);
		}
		total += maxrss_mib(&ru);
		used += seconds(&ru.ru_utime) + seconds(&ru.ru_stime);
	}
	*wall = now() - t0;
	*cpu = used;
	*mib = total;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(const double *v, int n)
{
	double s[MAX_ROUNDS];

	memcpy(s, v, sizeof s[0] * (size_t)n);
	qsort(s, (size_t)n, sizeof s[0], cmp_double);
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	static cmd cmds[MAX_CMDS];
	const char *input = NULL;
	double tt = 0, tm = 0, w, m, fw, fm, skip, skip2, skip3;
	int rounds = 7, ncmds = 0, i, r, width = 7, missed = 0;
	struct stat st;
	char *end;

	if (argc > 0)
		argv0 = argv[0];
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-r") == 0 && i + 1 < argc && !input) {
			rounds = (int)strtol(argv[++i], &end, 10);
			if (*end || rounds < 1 || rounds > MAX_ROUNDS)
				usage();
		} else if (strcmp(argv[i], "-t") == 0 && i + 2 < argc &&
		           input) {
			tt = strtod(argv[++i], &end);
			if (*end || tt <= 0)
				usage();
			tm = strtod(argv[++i], &end);
			if (*end || tm <= 0)
				usage();
		} else if (input == NULL) {
			input = argv[i];
		} else {
			if (ncmds == MAX_CMDS)
				die("too many commands", NULL);
			cmds[ncmds].text = argv[i];
			cmds[ncmds].target_time = tt;
			cmds[ncmds].target_mem = tm;
			parse(&cmds[ncmds]);
			if ((int)strlen(argv[i]) > width)
				width = (int)strlen(argv[i]);
			ncmds++;
			tt = tm = 0;
		}
	}
	if (input == NULL || ncmds == 0)
		usage();
	if (stat(input, &st) != 0)
		die(strerror(errno), input);
	{
		char tmpl[] = "/tmp/harness.XXXXXX";
		errfd = mkstemp(tmpl);
		if (errfd < 0)
			die(strerror(errno), tmpl);
		unlink(tmpl);
	}

	for (i = 0; i < ncmds; i++) /* warm-up: page cache, binaries */
		run(&cmds[i], input, &skip, &skip2, &skip3);
	for (r = 0; r < rounds; r++)
		for (i = 0; i < ncmds; i++)
			run(&cmds[i], input, &cmds[i].wall[r],
			    &cmds[i].cpu[r], &cmds[i].mib[r]);

	printf("input %s, %.1f MiB; median of %d rounds after a warm-up\n",
	       input, (double)st.st_size / (1024.0 * 1024.0), rounds);
	printf("%-*s  %8s %7s  %6s  %8s %7s  %s\n", width, "command",
	       "time s", "x floor", "cpu s", "peak MiB", "x floor",
	       "target (x floor)");
	fw = median(cmds[0].wall, rounds);
	fm = median(cmds[0].mib, rounds);
	for (i = 0; i < ncmds; i++) {
		const cmd *c = &cmds[i];
		w = median(c->wall, rounds);
		m = median(c->mib, rounds);
		printf("%-*s  %8.3f %7.2f  %6.3f  %8.1f %7.2f", width, c->text,
		       w, w / fw, median(c->cpu, rounds), m, m / fm);
		if (c->target_time > 0) {
			int ok = w / fw <= c->target_time &&
			         m / fm <= c->target_mem;
			printf("  time <= %.2f, mem <= %.2f: %s",
			       c->target_time, c->target_mem,
			       ok ? "ok" : "MISS");
			missed |= !ok;
		}
		putchar('\n');
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		die("cannot write output", NULL);
	return missed ? 3 : 0;
}

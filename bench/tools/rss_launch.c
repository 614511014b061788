/*
 * rss_launch REPORT PROG [ARGS...]
 *
 * Run PROG as a child of this tiny process and write "STATUS MAXRSS_KIB UTIME STIME" (raw
 * wait status, ru_maxrss in KiB, CPU seconds) to the file REPORT; exit with the child's code.
 *
 * Why not os.wait4 from bench/run directly: on Linux a process's ru_maxrss starts at the RSS of
 * the process it was forked from (execve records the old mm's high-water mark), so a child
 * forked from the Python runner reports at least the runner's own ~15 MiB. Forked from this
 * ~1 MiB launcher, the figure is the child's own peak.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: rss_launch REPORT PROG [ARGS...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("rss_launch: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("rss_launch: wait4");
            return 2;
        }
    }
    FILE *f = fopen(argv[1], "w");
    if (f != NULL) {
        fprintf(f, "%d %ld %ld.%06ld %ld.%06ld\n", status, ru.ru_maxrss,
                (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
                (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec);
        fclose(f);
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

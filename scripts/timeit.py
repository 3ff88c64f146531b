#!/usr/bin/env python3
"""CPU time and (with --first-question) the time to the first question of a command.

Used by scripts/bench.sh next to hyperfine's wall-clock figures: CPU time is less disturbed
by other work on a busy machine, and the time to the first question stops the clock when
recall prints its first answer prompt (a line that is just ">"), not when the process ends.

    scripts/timeit.py RUNS [--first-question] -- COMMAND...
prints: "cpu MEAN ms  wall MEAN ms (fastest MIN ms)"
(Peak memory is left to GNU time: a child forked from Python starts with Python's pages.)
"""
import resource
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    runs = int(args.pop(0))
    first = False
    if args and args[0] == "--first-question":
        first = True
        args.pop(0)
    if args and args[0] == "--":
        args.pop(0)
    walls, cpus = [], []
    for i in range(runs + 1):  # the first run warms the caches and is not counted
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
        if first:
            for line in p.stdout:
                if line.strip() == b">":
                    break
            t1 = time.perf_counter()
            p.stdin.close()
            p.stdout.read()
            p.wait()
        else:
            p.stdin.close()
            p.stdout.read()
            p.wait()
            t1 = time.perf_counter()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            walls.append((t1 - t0) * 1000)
            cpus.append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000)
    print(f"cpu {sum(cpus) / len(cpus):6.1f} ms  wall {sum(walls) / len(walls):7.1f} ms "
          f"(fastest {min(walls):.1f} ms)")


if __name__ == "__main__":
    main()

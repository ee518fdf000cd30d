#!/usr/bin/env python3
"""Runs one fuzz target until it stops finding new coverage, and says what it cost.

    fuzz/run-until-quiet.py TARGET [--quiet 300] [--cap 1500] [--own] [--log FILE] [--seeds DIR ...]

Starts the target built by `cargo fuzz build --debug-assertions` on its corpus
(`fuzz/corpus/TARGET/`), with the dictionary `docs/fuzzing.md` gives it, on one
core. The repository's own files of the target's format (the fixtures, the
examples) are read at the start too, with any `--seeds` directories (such as what
`cargo run -p masterly-test-kit --example fuzz-seeds -- DIR` writes); libFuzzer
writes what it finds only to the corpus. Its clock is the fuzzer's own CPU time (user + sys, from the kernel), so a
run that shares the machine is neither cut short nor called quiet while it waits
for a core. It stops the fuzzer when no new coverage edge (libFuzzer's `cov`) has
come for `--quiet` CPU seconds, or after `--cap` CPU seconds in all, whichever is
first, and prints one line: the target, the CPU and wall seconds, the inputs run,
cov / ft at the start and the end, the CPU second of the last new edge, the new
edges at lines of Masterly's own code (`crates/`, what libFuzzer's `-print_pcs`
names as the innermost source of each new edge) and the CPU second of the last,
and why the run stopped. With `--own`, quiet is counted on those edges alone:
edges in the standard library's or serde_json's code inlined into it (a vector
growing, a value dropped, a parse error passed on) are counted but do not hold
the run. A crash, a timeout or an out-of-memory stops the run with
its artifact in `fuzz/artifacts/TARGET/`.
"""

import argparse
import os
import re
import select
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TICKS = os.sysconf("SC_CLK_TCK")
DICTIONARIES = {"expr": "expr.dict", "markdown": None, "responses": None}
ROOT = os.path.dirname(HERE)
FIXTURES = "crates/core/tests/fixtures"
OWN_FILES = {
    "curriculum": ["docs/examples", f"{FIXTURES}/curricula/good", f"{FIXTURES}/curricula/bad"],
    "progress": [f"{FIXTURES}/progress/good", f"{FIXTURES}/progress/bad"],
    "class_file": [f"{FIXTURES}/class/good", f"{FIXTURES}/class/bad"],
}
STATUS = re.compile(r"#(\d+)\s+(\w+)\s+cov: (\d+) ft: (\d+)")
NEW_PC = re.compile(r"\tNEW_PC: 0x[0-9a-f]+ in .* ([^\s:]+)(:\d+)*$")
OWN_CODE = os.path.join(ROOT, "crates") + os.sep
ARTIFACT = re.compile(r"artifact_prefix='[^']*'; Test unit written to (\S+)")


def cpu_seconds(pid):
    """The user + sys CPU seconds the process has used so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            # The command name in brackets may hold spaces: count fields after it.
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target")
    parser.add_argument("--quiet", type=float, default=300)
    parser.add_argument("--cap", type=float, default=1500)
    parser.add_argument(
        "--own", action="store_true", help="count quiet on edges in Masterly's own code"
    )
    parser.add_argument("--log", help="append the summary line to this file too")
    parser.add_argument("--seeds", nargs="*", default=[], help="more inputs to start from")
    args = parser.parse_args()

    binary = os.path.join(
        HERE, "target/x86_64-unknown-linux-gnu/release", args.target
    )
    command = [
        binary,
        "-timeout=10",
        "-print_final_stats=1",
        "-print_pcs=1",
        f"-artifact_prefix={HERE}/artifacts/{args.target}/",
    ]
    dictionary = DICTIONARIES.get(args.target, "json.dict")
    if dictionary:
        command.append(f"-dict={HERE}/dict/{dictionary}")
    command.append(f"{HERE}/corpus/{args.target}")
    command += [os.path.join(ROOT, path) for path in OWN_FILES.get(args.target, [])]
    command += [os.path.abspath(path) for path in args.seeds]
    os.makedirs(f"{HERE}/artifacts/{args.target}", exist_ok=True)

    started = time.monotonic()
    fuzzer = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    first = last = None
    runs = 0
    last_new_edge = 0.0
    own_edges = 0
    last_own_edge = 0.0
    reason = "the fuzzer ended"
    artifact = None
    buffered = b""
    stopping = False
    while True:
        ready, _, _ = select.select([fuzzer.stderr], [], [], 5)
        if ready:
            chunk = os.read(fuzzer.stderr.fileno(), 65536)
            if not chunk:
                break
            buffered += chunk
            *lines, buffered = buffered.split(b"\n")
            for line in lines:
                text = line.decode("utf-8", "replace")
                status = STATUS.match(text)
                if status:
                    runs = int(status.group(1))
                    cov, ft = int(status.group(3)), int(status.group(4))
                    if first is None and status.group(2) in ("INITED", "DONE"):
                        first = (cov, ft)
                        last_new_edge = last_own_edge = cpu_seconds(fuzzer.pid)
                    if last is not None and cov > last[0]:
                        last_new_edge = cpu_seconds(fuzzer.pid)
                    last = (cov, ft) if last is None else (max(cov, last[0]), max(ft, last[1]))
                new_pc = NEW_PC.match(text)
                if new_pc and first is not None and new_pc.group(1).startswith(OWN_CODE):
                    own_edges += 1
                    last_own_edge = cpu_seconds(fuzzer.pid)
                found = ARTIFACT.search(text)
                if found:
                    artifact = found.group(1)
                if "ERROR: libFuzzer" in text or "ERROR: AddressSanitizer" in text:
                    reason = "it found a failure"
                if not (new_pc and first is None):
                    print(text, file=sys.stderr)
        now = cpu_seconds(fuzzer.pid)
        if not stopping and first is not None and now > 0:
            edge = f"new edge{' in own code' if args.own else ''}"
            if now - (last_own_edge if args.own else last_new_edge) >= args.quiet:
                reason = f"no {edge} for {args.quiet:.0f} CPU s"
                stopping = True
            elif now >= args.cap:
                reason = f"the cap of {args.cap:.0f} CPU s, before {args.quiet:.0f} CPU s without a {edge}"
                stopping = True
            if stopping:
                fuzzer.send_signal(signal.SIGINT)
    _, status, usage = os.wait4(fuzzer.pid, 0)
    wall = time.monotonic() - started
    first = first or (0, 0)
    last = last or first
    summary = (
        f"{args.target}: cpu {usage.ru_utime:.0f} + {usage.ru_stime:.0f} s, wall {wall:.0f} s, "
        f"{runs} inputs, cov/ft {first[0]}/{first[1]} -> {last[0]}/{last[1]}, "
        f"last new edge at {last_new_edge:.0f} CPU s, "
        f"{own_edges} new in own code (the last at {last_own_edge:.0f} CPU s), stopped: {reason}"
        + (f", artifact {artifact}" if artifact else "")
        + f", exit {os.waitstatus_to_exitcode(status)}"
    )
    print(summary)
    if args.log:
        with open(args.log, "a") as log:
            print(summary, file=log)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Call every builtin callable of an interpreter with hostile arguments; report crashes.

    python3 tests/fuzz/fuzz_builtins.py [--bin target/debug/spindle] [--jobs 2] [--filter TEXT]
                                        [--compare] [--timeout 10]

The worker (`_fuzz_worker.py`, run by the interpreter under test) enumerates the builtin
functions, the functions of the native modules and every attribute of every builtin type it
can reach, and calls each unbound, bound to a fresh instance and as the type itself, with 0, 1,
2, 3 and 5 arguments (and a few keyword sets) drawn from odd values (None, -1, 2**70, nan, '',
b'', [], {}, object(), user objects whose dunders return wrong types or raise, ...). Calls that
block, exit or change process state are skipped by name (SKIP in the worker).

A run that ends in a Rust panic, an abort, a signal, a stack overflow, an early exit or a call
that hangs for --timeout seconds is reported with the call that caused it, then the run resumes
after that call. --compare also runs each crashing call under python3 and prints its outcome
(exception and message), the expected answer. Exit status 1 if anything crashed.
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORKER = os.path.join(HERE, '_fuzz_worker.py')
BAD = ('panicked', 'RUST_BACKTRACE', 'stack overflow', 'fatal runtime error', 'Aborted')


def limits():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
    resource.setrlimit(resource.RLIMIT_FSIZE, (200 << 20, 200 << 20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Writes past the size limit fail with EFBIG instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    os.setsid()


def env_for(d):
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env.update(FUZZ_DIR=d, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8', RUST_BACKTRACE='0')
    return env


def last_marker(path):
    with open(path, 'rb') as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 65536))
        tail = f.read().decode('utf-8', 'replace')
    lines = tail.split('\n')
    for k in range(len(lines) - 1, -1, -1):
        if lines[k].startswith('@@ '):
            return lines[k], '\n'.join(lines[k + 1:]).strip()
    return None, tail.strip()


def run_chunk(binary, start, stop, timeout, crashes, lock, label):
    """Run targets [start, stop) to the end, restarting after each crash."""
    i, j = start, 0
    per_target = {}
    with tempfile.TemporaryDirectory(prefix='fuzz-') as d:
        errpath = os.path.join(d, 'stderr')
        while True:
            with open(errpath, 'wb') as err:
                p = subprocess.Popen([binary, WORKER, 'run', str(i), str(j), str(stop)], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=err, cwd=d, env=env_for(d), preexec_fn=limits)
                last, last_change, size = None, time.time(), -1
                hung = False
                while p.poll() is None:
                    time.sleep(0.2)
                    s = os.path.getsize(errpath)
                    if s != size:
                        size, last_change = s, time.time()
                    elif time.time() - last_change > timeout:
                        hung = True
                        os.killpg(p.pid, signal.SIGKILL)
                        p.wait()
                        break
            rc = p.returncode
            marker, after = last_marker(errpath)
            if marker and marker.startswith('@@ done'):
                return
            if marker is None:
                with lock:
                    crashes.append(('no-start', f'{label} at {i} {j}', after[-2000:]))
                return
            parts = marker.split(' ', 6)
            ci, cj = int(parts[1]), int(parts[2])
            if hung:
                why = 'timeout'
            elif rc < 0:
                why = f'signal {-rc}'
            elif any(b in after for b in BAD):
                why = 'panic'
            else:
                why = f'exit {rc}'
            with lock:
                crashes.append((why, marker, after[-3000:]))
                print(f'[{label}] {why}: {marker[3:]}', flush=True)
            per_target[ci] = per_target.get(ci, 0) + 1
            # Three crashes of one target are enough to fix it: go on with the next target.
            i, j = (ci, cj + 1) if per_target[ci] < 3 else (ci + 1, 0)


def outcomes(interp, timeout):
    """{(kind, owner, attr, combo): outcome} of one interpreter's run in FUZZ_OUTCOMES mode
    (restarted after the call that crashed or hung it, which gets the outcome CRASH)."""
    out, i, j = {}, 0, 0
    with tempfile.TemporaryDirectory(prefix='fuzz-diff-') as d:
        errpath = os.path.join(d, 'stderr')
        env = env_for(d)
        env['FUZZ_OUTCOMES'] = '1'
        while True:
            with open(errpath, 'wb') as err:
                p = subprocess.Popen([interp, WORKER, 'run', str(i), str(j), '-1'], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=err, cwd=d, env=env, preexec_fn=limits)
                last_change, size = time.time(), -1
                while p.poll() is None:
                    time.sleep(0.2)
                    sz = os.path.getsize(errpath)
                    if sz != size:
                        size, last_change = sz, time.time()
                    elif time.time() - last_change > timeout:
                        os.killpg(p.pid, signal.SIGKILL)
                        p.wait()
            key, done = None, False
            with open(errpath, encoding='utf-8', errors='replace') as f:
                for line in f:
                    line = line.rstrip('\n')
                    if line.startswith('@@ done'):
                        done = True
                    elif line.startswith('@@ '):
                        parts = line.split(' ', 6)
                        key = (parts[3], parts[4], parts[5], int(parts[2]))
                        desc[key] = parts[6] if len(parts) > 6 else ''
                        i, j = int(parts[1]), int(parts[2])
                        out[key] = 'CRASH'
                    elif line.startswith('=> ') and key:
                        out[key] = re.sub(r'0x[0-9a-f]+', '0x?', line[3:])
                        key = None
            if done or key is None and size <= 0:
                return out
            j += 1


desc = {}


def diff(opts):
    """Compare spindle's outcomes (0/1-argument and keyword calls) with python3's."""
    res = {}
    ths = [threading.Thread(target=lambda k=k, b=b: res.__setitem__(k, outcomes(b, opts.timeout)))
           for k, b in (('sp', opts.bin), ('py', 'python3'))]
    for t in ths:
        t.start()
    for t in ths:
        t.join()
    sp, py = res['sp'], res['py']
    cats = {'spindle OK, python3 raises': [], 'spindle raises, python3 OK': [], 'different exception type': [],
            'different message': []}
    for k in sorted(set(sp) & set(py)):
        a, b = sp[k], py[k]
        if a == b:
            continue
        aok, bok = a.startswith('OK '), b.startswith('OK ')
        if aok and bok:
            continue  # result types may differ (spindle's own iterator types): not checked here
        if aok:
            cat = 'spindle OK, python3 raises'
        elif bok:
            cat = 'spindle raises, python3 OK'
        elif a.split(':')[0] != b.split(':')[0]:
            cat = 'different exception type'
        else:
            cat = 'different message'
        cats[cat].append((k, a, b))
    with open(opts.diff, 'w') as f:
        for cat, items in cats.items():
            f.write(f'##### {cat}: {len(items)} calls\n')
            for (kind, owner, attr, j), a, b in items:
                f.write(f'{kind} {owner}.{attr}({desc.get((kind, owner, attr, j), "")})  [{j}]\n'
                        f'    spindle: {a}\n    python3: {b}\n')
    print(f'{len(set(sp) & set(py))} calls compared ({len(sp)} spindle, {len(py)} python3); report in {opts.diff}')
    for cat, items in cats.items():
        targets = sorted({(k[1], k[2]) for k, _, _ in items})
        print(f'  {cat}: {len(items)} calls over {len(targets)} callables')
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(ROOT, 'target/debug/spindle'))
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=10)
    ap.add_argument('--filter', default='', help='only targets whose line contains this text')
    ap.add_argument('--compare', action='store_true', help='run each crashing call under python3 too')
    ap.add_argument('--start', type=int, default=0)
    ap.add_argument('--stop', type=int, default=-1)
    ap.add_argument('--diff', metavar='REPORT', help='compare outcomes with python3 instead (0/1-argument and keyword calls)')
    opts = ap.parse_args()
    if opts.diff:
        return diff(opts)

    with tempfile.TemporaryDirectory(prefix='fuzz-enum-') as d:
        out = subprocess.run([opts.bin, WORKER, 'enum'], capture_output=True, text=True, cwd=d, env=env_for(d),
                             timeout=300)
    if out.returncode != 0:
        print('enumeration failed:', out.stderr[-3000:])
        return 2
    lines = out.stdout.splitlines()
    ncombos = int(lines[-1].split()[1])
    targets = lines[:-1]
    stop = len(targets) if opts.stop < 0 else min(opts.stop, len(targets))
    idx = [k for k in range(opts.start, stop) if opts.filter in targets[k]]
    print(f'{len(targets)} targets x {ncombos} argument sets; running {len(idx)} targets', flush=True)

    # Contiguous runs of selected targets, split over the jobs.
    runs = []
    for k in idx:
        if runs and runs[-1][1] == k:
            runs[-1][1] = k + 1
        else:
            runs.append([k, k + 1])
    pieces = []
    per = max(1, len(idx) // (opts.jobs * 8) + 1)
    for a, b in runs:
        while a < b:
            pieces.append((a, min(b, a + per)))
            a += per
    crashes, lock = [], threading.Lock()
    t0 = time.time()

    def worker(n):
        while True:
            with lock:
                if not pieces:
                    return
                a, b = pieces.pop(0)
            run_chunk(opts.bin, a, b, opts.timeout, crashes, lock, f'{a}-{b}')

    ths = [threading.Thread(target=worker, args=(n,)) for n in range(opts.jobs)]
    for t in ths:
        t.start()
    for t in ths:
        t.join()
    print(f'\n{len(idx)} targets, {len(idx) * ncombos} calls in {time.time() - t0:.0f}s; {len(crashes)} crashes')
    # One group per crash site (the panic's source location, or the kind of failure).
    groups = {}
    for why, marker, after in crashes:
        m = re.search(r"panicked at ([^\n]*)\n([^\n]*)", after)
        where = (m.group(1) + ' ' + m.group(2)) if m else why + ' ' + after[-200:].replace('\n', ' | ')
        groups.setdefault(where, []).append(marker)
    print(f'{len(groups)} distinct crash sites')
    for where, markers in sorted(groups.items(), key=lambda g: g[1][0]):
        print(f'\n== {where}\n   {len(markers)}x, e.g.: ' + '\n      '.join(m[3:] for m in markers[:4]))
        if opts.compare:
            _, _, cj, kind, owner, attr = markers[0].split(' ', 6)[:6]
            with tempfile.TemporaryDirectory(prefix='fuzz-py-') as d:
                try:
                    r = subprocess.run(['python3', WORKER, 'call', kind, owner, attr, cj], capture_output=True,
                                       text=True, cwd=d, env=env_for(d), timeout=30)
                    res = (r.stdout + r.stderr).strip()[-300:]
                except subprocess.TimeoutExpired:
                    res = 'timed out (30s)'
            print('   python3:', res)
    return 1 if crashes else 0


if __name__ == '__main__':
    sys.exit(main())

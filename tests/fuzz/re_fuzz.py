#!/usr/bin/env python3
"""Differential fuzz test of `re`: random patterns and subjects, spindle against python3.

    python3 tests/fuzz/re_fuzz.py [--bin target/debug/spindle] [--seed 1] [--cases 5000]
                                  [--show 20]

Generates patterns from a grammar covering the 3.11 syntax (literals, classes, escapes,
anchors, greedy/lazy/possessive repeats, groups, named groups, backreferences, lookarounds,
atomic groups, conditionals, inline and scoped flags), subjects over a small alphabet with a
few non-ASCII characters, bytes variants, flags and pos/endpos, and one operation per case
(match, fullmatch, search, findall, finditer spans, sub with a template, split, or just
compiling a deliberately broken pattern). Both interpreters run this file as the worker over
the same cases; every result line (spans, lastindex, lastgroup, or the exception type, message
and position) must be identical. Exit status 1 on any difference.
"""
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

ANCHORS = [r'\b', r'\B', '^', '$', r'\A', r'\Z']
BROKEN = ['(', ')', '[', '*', '+', '?', '{1,0}', '(?', '(?P<', '\\', r'\q', '(?<=a*)', '(?P=x)',
          '[z-a]', r'\9', '(?i', '(?-', '(?x:', '|*', '(?#', r'\x1', '{', '}', ']']


class Gen:
    def __init__(self, rnd):
        self.r = rnd

    def atom(self, d, g):
        R = self.r
        x = R.random()
        if x < 0.33:
            return R.choice('aabbAB.-_ 1é')
        if x < 0.38:
            return R.choice([r'\w', r'\W', r'\d', r'\s', r'\S', r'\D', r'\x41', r'\n', r'\.'])
        if x < 0.43:
            return R.choice(ANCHORS)
        if x < 0.53:
            parts = [R.choice(['a', 'b', 'a-c', 'A-Z', r'\w', r'\d', '_', ' ', '-', r'\n', r'\W', 'é', r'\]'])
                     for _ in range(R.randint(1, 3))]
            return '[' + R.choice(['', '', '^']) + ''.join(parts) + ']'
        if d > 3:
            return R.choice('ab')
        if x < 0.75:
            kind = R.choice(['(', '(', '(?:', '(?P<n>', '(?=', '(?!', '(?<=', '(?<!', '(?>', '(?i:',
                             '(?-i:', '(?s:', '(?m:', '(?x:'])
            if kind in ('(', '(?P<n>'):
                g[0] += 1
                me = g[0]
                if kind == '(?P<n>':
                    kind = '(?P<n%d>' % me
                body = self.alt(d + 1, g)
                g[1].append(me)
            else:
                body = self.alt(d + 1, g)
            return kind + body + ')'
        if x < 0.82 and g[1]:
            n = R.choice(g[1])
            return R.choice(['\\%d' % n, '(?P=n%d)' % n if R.random() < 0.3 else '\\%d' % n])
        if x < 0.86 and g[1]:
            return '(?(%d)%s|%s)' % (R.choice(g[1]), self.seq(d + 1, g), self.seq(d + 1, g))
        return R.choice('ab')

    def quant(self, s):
        R = self.r
        if R.random() < 0.6 or s in ANCHORS:
            return s
        q = R.choice(['*', '+', '?', '{2}', '{1,3}', '{0,2}', '{2,}', '{,2}', '{0}'])
        return s + q + R.choice(['', '', '?', '+'])

    def seq(self, d, g):
        return ''.join(self.quant(self.atom(d, g)) for _ in range(self.r.randint(0, 4)))

    def alt(self, d, g):
        return '|'.join(self.seq(d, g) for _ in range(self.r.choices([1, 2, 3], [6, 3, 1])[0]))

    def pattern(self):
        R = self.r
        g = [0, []]
        p = self.alt(0, g)
        if R.random() < 0.15:
            p = R.choice(['(?i)', '(?m)', '(?s)', '(?x)', '(?a)', '(?im)']) + p
        if R.random() < 0.04:
            i = R.randint(0, len(p))
            p = p[:i] + R.choice(BROKEN) + p[i:]
        return p, g[0]

    def case(self):
        R = self.r
        pat, ngroups = self.pattern()
        text = ''.join(R.choice('abAB_ 1\n-é') for _ in range(R.randint(0, 14)))
        if R.random() < 0.08:
            text += R.choice(['\u0130', '\u017f', '\u212a', 'ß', 'ΣσςK'])
        flags = R.choice([0, 0, 0, 2, 8, 16, 64, 256, 2 | 256, 2 | 8])
        if R.random() < 0.15:
            pat = pat.encode('latin-1', 'replace')
            text = text.encode('latin-1', 'replace')
            flags &= ~256
        pos = R.choice([0, 0, 0, R.randint(0, len(text))])
        endpos = R.choice([len(text), len(text), R.randint(0, len(text))])
        op = R.choice(['match', 'search', 'search', 'fullmatch', 'findall', 'finditer', 'sub', 'split'])
        repl = R.choice([r'<\g<0>>', '-', r'\1', r'[\g<1>]', '']) if ngroups else R.choice(['-', r'<\g<0>>', ''])
        if isinstance(pat, bytes):
            repl = repl.encode()
        return (pat, flags, text, pos, endpos, op, repl)


def span_info(m, groups):
    if m is None:
        return 'None'
    return '%r %r %r' % ([m.span(i) for i in range(groups + 1)], m.lastindex, m.lastgroup)


def run_case(re, case):
    pat, flags, text, pos, endpos, op, repl = case
    try:
        c = re.compile(pat, flags)
        if op in ('match', 'search', 'fullmatch'):
            return span_info(getattr(c, op)(text, pos, endpos), c.groups)
        if op == 'findall':
            return ascii(c.findall(text, pos, endpos))
        if op == 'finditer':
            return ';'.join(span_info(m, c.groups) for m in c.finditer(text, pos, endpos))
        if op == 'sub':
            return ascii(c.subn(repl, text))
        return ascii(c.split(text, 1 + pos % 3))
    except re.error as e:
        return 'error %r %r' % (e.msg, e.pos)
    except Exception as e:
        return '%s %s' % (type(e).__name__, ascii(str(e)))


def worker(path):
    import re
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    out = []
    for line in lines:
        if line:
            out.append(run_case(re, eval(line)))
    sys.stdout.write('\n'.join(out) + '\n')


def main(argv):
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(ROOT, 'target', 'debug', 'spindle'))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--cases', type=int, default=5000)
    ap.add_argument('--show', type=int, default=20)
    a = ap.parse_args(argv)
    gen = Gen(random.Random(a.seed))
    cases = [gen.case() for _ in range(a.cases)]
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
        f.write(''.join(repr(c) + '\n' for c in cases))
        path = f.name
    try:
        outs = []
        for exe in (sys.executable, a.bin):
            r = subprocess.run([exe, os.path.abspath(__file__), '--worker', path], capture_output=True,
                               text=True, encoding='utf-8', errors='replace', timeout=3600)
            if r.returncode != 0:
                print('%s failed (status %d):\n%s' % (exe, r.returncode, r.stderr[-3000:]))
                return 1
            outs.append(r.stdout.split('\n'))
    finally:
        os.unlink(path)
    bad = 0
    for case, want, got in zip(cases, outs[0], outs[1]):
        if want != got:
            bad += 1
            if bad <= a.show:
                print('case    ', repr(case))
                print('  python3', want)
                print('  spindle', got)
    print('re_fuzz: seed %d, %d cases, %d differences' % (a.seed, len(cases), bad))
    return 1 if bad else 0


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--worker':
        worker(sys.argv[2])
    else:
        sys.exit(main(sys.argv[1:]))

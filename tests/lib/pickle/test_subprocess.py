"""Across processes: Spindle's pickle (under python3) writes a file, a separate python3 reads it
with CPython's pickle; and the other way round."""
import os
import pickle
import subprocess
import sys
import tempfile

import pobjs
from harness import check, run

HERE = os.path.dirname(os.path.abspath(__file__))

READER = r'''
import pickle, sys
sys.path.insert(0, %(here)r)
import pobjs
with open(sys.argv[1], 'rb') as f:
    objs = [pickle.load(f) for _ in range(%(count)d)]
value = objs[0]
ok = (value['ints'] == [1, -1, 2 ** 100, -2 ** 1000]
      and value['plain'] == pobjs.Plain(3, 'z')
      and value['shared'][0] is value['shared'][1]
      and value['rec'][0] is value['rec']
      and type(value['err']) is pobjs.MyError and value['err'].code == 9
      and value['cls'] is pobjs.Outer.Inner and value['fn'] is pobjs.func
      and value['text'] == 'h\u00e9llo \U0001f600'
      and value['big'] == b'q' * 100000
      and objs[1:] == list(range(1, %(count)d)))
print('OK' if ok else 'BAD %%r' %% (value,))
'''

WRITER = r'''
import pickle, sys
sys.path.insert(0, %(here)r)
import pobjs
a = [1]
rec = []
rec.append(rec)
value = {'ints': [1, -1, 2 ** 100, -2 ** 1000], 'plain': pobjs.Plain(3, 'z'), 'shared': [a, a],
         'rec': rec, 'err': pobjs.MyError('m', code=9), 'cls': pobjs.Outer.Inner,
         'fn': pobjs.func, 'text': 'h\u00e9llo \U0001f600', 'big': b'q' * 100000}
with open(sys.argv[1], 'wb') as f:
    pickle.dump(value, f, int(sys.argv[2]))
    for i in range(1, 3):
        pickle.dump(i, f, int(sys.argv[2]))
'''


def sample():
    a = [1]
    rec = []
    rec.append(rec)
    return {'ints': [1, -1, 2 ** 100, -2 ** 1000], 'plain': pobjs.Plain(3, 'z'),
            'shared': [a, a], 'rec': rec, 'err': pobjs.MyError('m', code=9),
            'cls': pobjs.Outer.Inner, 'fn': pobjs.func, 'text': 'h\u00e9llo \U0001f600',
            'big': b'q' * 100000}


class FileSink:
    def __init__(self, f):
        self.write = f.write


def test_ours_to_cpython(sp):
    with tempfile.TemporaryDirectory() as tmp:
        for proto in (2, 3, 4, 5):
            path = os.path.join(tmp, 'p%d.pickle' % proto)
            with open(path, 'wb') as f:
                sink = FileSink(f)
                sp.dump(sample(), sink, proto)
                for i in range(1, 3):
                    sp.dump(i, sink, proto)
            out = subprocess.run([sys.executable, '-c', READER % {'here': HERE, 'count': 3},
                                  path], capture_output=True, text=True)
            check('subprocess cpython reads ours p%d' % proto, out.stdout.strip() == 'OK',
                  out.stdout + out.stderr)


def test_cpython_to_ours(sp):
    with tempfile.TemporaryDirectory() as tmp:
        for proto in (0, 1, 2, 3, 4, 5):
            path = os.path.join(tmp, 'c%d.pickle' % proto)
            out = subprocess.run([sys.executable, '-c', WRITER % {'here': HERE}, path,
                                  str(proto)], capture_output=True, text=True)
            with open(path, 'rb') as f:
                value = sp.load(f)
                rest = [sp.load(f), sp.load(f)]
            expected = sample()
            ok = (value['ints'] == expected['ints'] and value['plain'] == expected['plain']
                  and value['shared'][0] is value['shared'][1] and value['rec'][0] is value['rec']
                  and value['err'] == expected['err'] and value['cls'] is pobjs.Outer.Inner
                  and value['fn'] is pobjs.func and value['text'] == expected['text']
                  and value['big'] == expected['big'] and rest == [1, 2])
            check('subprocess ours reads cpython p%d' % proto, ok, out.stderr)


def main(sp):
    run('subprocess ours->cpython', test_ours_to_cpython, sp)
    run('subprocess cpython->ours', test_cpython_to_ours, sp)

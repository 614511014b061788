# Hostile arguments to _posixsubprocess.fork_exec, subprocess, socket.makefile and open(fd).
import _posixsubprocess as P
import os
import socket
import subprocess as s

D = (True, (), None, None, -1, -1, -1, -1, -1, -1, -1, -1, True, False, -1, -1)
tests = [
    lambda: P.fork_exec(),
    lambda: P.fork_exec([], [b'/bin/true'], *D),
    lambda: P.fork_exec(['x'], [], *D),
    lambda: P.fork_exec(['x'], ['/bin/true'], True, (-5,), *D[2:]),
    lambda: P.fork_exec(['x'], ['/bin/true'], True, (2**70,), *D[2:]),
    lambda: P.fork_exec(['x'], ['/bin/true'], True, ('a',), *D[2:]),
    lambda: P.fork_exec(['x'], ['/bin/true'], True, (), None, None, 2**40, *D[5:]),
    lambda: P.fork_exec(['x'], ['/bin/true'], True, (), None, None, -99, *D[5:]),
    lambda: P.fork_exec(['x'], ['/bin/true'], True, (), 5, *D[3:]),
    lambda: P.fork_exec(5, ['/bin/true'], *D),
    lambda: P.fork_exec(['a\0b'], ['/bin/true'], *D),
    lambda: P.fork_exec(['x'], ['/bin/true'], True, (), None, [b'A=1', 7], *D[4:]),
    lambda: P.fork_exec(['x'], [b'/nonexistent'] * 1000, *D),
    lambda: s.run(['echo\0']),
    lambda: s.run(['true'], env={'A=B': 'c'}),
    lambda: s.run([]),
    lambda: s.run(['true'], stdin=-7),
    lambda: s.run(['true'], stdout=2**31),
    lambda: s.run(['true'], cwd=b'\xff\xfe'),
    lambda: s.run(['true'], pass_fds=[10**20]),
    lambda: s.run(['true'], umask=10**30),
    lambda: s.run(['true'], timeout=float('nan')),
    lambda: s.run(['true'], timeout=-1e300),
    lambda: s.run(['cat'], input='text for a binary pipe'),
    lambda: s.run(['cat'], input=b'bytes', text=True),
    lambda: open(2**40),
    lambda: open(-2**70),
    lambda: open(0, 'r', opener=lambda p, f: 0),
    lambda: open('x', 'w', opener=lambda p, f: 2**40),
    lambda: open('x', 'w', opener=lambda p, f: 1 / 0),
    lambda: socket.socketpair()[0].makefile(None),
    lambda: socket.socketpair()[0].makefile('r', buffering=-10**30),
    lambda: socket.socketpair()[0].makefile('r', encoding='no-such-codec'),
    lambda: socket.socketpair()[0].makefile('r', newline=5),
    lambda: socket.socketpair()[0].makefile(mode='r', bogus=1),
]
for i, t in enumerate(tests):
    try:
        t()
    except BaseException as e:
        print(i, type(e).__name__)
try:
    while True:
        os.waitpid(-1, 0)
except ChildProcessError:
    pass

# open() on a descriptor (closefd, opener), os.fdopen, file modes; os.chmod/access/umask/fstat/utime/fsencode; stat
import os
import stat

P = 'os_fd_files.tmp.txt'

r, w = os.pipe()
f = open(w, 'w')
print(f.name, f.mode, repr(f))
g = open(r, 'rb', closefd=False)
print(g.name, g.mode, repr(g))
f.write('over a pipe\n')
f.close()
print(g.read())
g.close()
print(os.read(r, 10))
os.close(r)
try:
    os.close(w)
except OSError as e:
    print('closed by the file:', e)

for args, kw in [((-1,), {}), ((99999,), {}), ((P,), {'closefd': False}), ((0, 'r'), {'buffering': 0}),
                 ((P, 'w'), {'opener': lambda p, fl: -5}), ((P, 'w'), {'opener': lambda p, fl: 'x'})]:
    try:
        open(*args, **kw)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

seen = []


def opener(path, flags):
    seen.append((path, flags & os.O_CREAT != 0, flags & os.O_TRUNC != 0, flags & 3))
    return os.open(path, flags, 0o644)


with open(P, 'w', opener=opener) as f:
    f.write('via opener\n')
    print(f.name)
with open(P, 'r', opener=opener) as f:
    print(f.read(), seen)

for mode in ['rb', 'r+b', 'wb', 'w+b', 'ab', 'a+b', 'r', 'w+', 'a+']:
    with open(P, mode) as f:
        print(mode, '->', f.mode)
os.remove(P)
with open(P, 'xb') as f:
    print('xb ->', f.mode)
os.remove(P)
with open(P, 'x+b') as f:
    print('x+b ->', f.mode)

fd = os.open(P, os.O_RDWR)
with os.fdopen(fd, 'w+') as f:
    f.write('fdopen')
    f.seek(0)
    print(f.read(), f.name == fd)
try:
    os.fdopen('3')
except TypeError as e:
    print(e)

os.chmod(P, 0o600)
print(oct(os.stat(P).st_mode), stat.filemode(os.stat(P).st_mode))
print(os.access(P, os.R_OK), os.access(P, os.X_OK), os.access(P + '.missing', os.F_OK))
fd = os.open(P, os.O_RDONLY)
st = os.fstat(fd)
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st.st_mode == os.stat(P).st_mode)
os.fchmod(fd, 0o644)
print(oct(os.stat(P).st_mode & 0o777))
os.close(fd)
try:
    os.fstat(fd)
except OSError as e:
    print(e)
os.utime(P, (100, 200.5))
print(os.stat(P).st_atime, os.stat(P).st_mtime)
os.utime(P, ns=(3 * 10**9, 4 * 10**9 + 5))
print(os.stat(P).st_mtime_ns)
for kw in [{'times': (1, 2), 'ns': (1, 2)}, {'times': 5}, {'ns': (1,)}]:
    try:
        os.utime(P, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.chmod(P + '.missing', 0o600)
except FileNotFoundError as e:
    print(e)
os.remove(P)

old = os.umask(0o027)
print(os.umask(old) == 0o027)
os.mkdir(P, 0o755 | 0o022)
print(oct(os.stat(P).st_mode & 0o777 & ~old) == oct(0o755 & ~old))
os.rmdir(P)
print(os.getuid() == os.geteuid() or 'setuid', type(os.getgid()), type(os.getegid()))
print(os.fsencode('abc'), os.fsencode(b'x'), os.fsdecode(b'abc'), os.fsdecode('y'))
try:
    os.fsencode(3)
except TypeError as e:
    print(e)
print(stat.S_IMODE(0o100755), stat.S_IFMT(0o100755) == stat.S_IFREG, stat.filemode(0o40755), stat.filemode(0o104751))
print(stat.filemode(0o120777), stat.filemode(0o1777 | stat.S_IFDIR), stat.S_ISLNK(0o120777), stat.ST_MTIME)

# tempfile: mkstemp, mkdtemp, NamedTemporaryFile, TemporaryFile, TemporaryDirectory, SpooledTemporaryFile
import os
import tempfile

HERE = '.'
PRE = 'tempfile_module.tmp.'


def shape(path, prefix=PRE, suffix=''):
    base = os.path.basename(path)
    mid = base[len(prefix):len(base) - len(suffix)]
    ok_chars = all(c in 'abcdefghijklmnopqrstuvwxyz0123456789_' for c in mid)
    return base.startswith(prefix), base.endswith(suffix), len(mid), ok_chars


print(tempfile.gettempprefix(), tempfile.gettempprefixb(), tempfile.TMP_MAX)
print(os.path.isdir(tempfile.gettempdir()), os.path.isabs(tempfile.gettempdir()))
print(tempfile.gettempdir() == tempfile.gettempdir(), type(tempfile.gettempdirb()))

fd, path = tempfile.mkstemp(suffix='.dat', prefix=PRE, dir=HERE)
print(type(fd), os.path.isabs(path), shape(path, suffix='.dat'))
print(oct(os.stat(path).st_mode & 0o777), os.get_inheritable(fd))
os.write(fd, b'payload')
os.close(fd)
with open(path, 'rb') as f:
    print(f.read())
os.remove(path)

fd, path = tempfile.mkstemp(prefix=PRE.encode(), dir=HERE.encode())
print(type(path), os.path.exists(path))
os.close(fd)
os.remove(path)

d = tempfile.mkdtemp(prefix=PRE, dir=HERE)
print(d.startswith('./'), shape(d), oct(os.stat(d).st_mode & 0o777))
os.rmdir(d)

names = set(os.path.basename(tempfile.mktemp(prefix=PRE, dir=HERE)) for _ in range(20))
print(len(names))

for args in [dict(prefix=b'x', suffix='y'), dict(dir='/nonexistent/dir')]:
    try:
        tempfile.mkstemp(**args)
    except (TypeError, OSError) as e:
        print(type(e).__name__, getattr(e, 'errno', None) or e)

f = tempfile.NamedTemporaryFile(prefix=PRE, dir=HERE)
print(f.name == f.file.name, f.delete, f.mode, shape(f.name))
f.write(b'abc')
f.seek(0)
print(f.read(), f.tell(), os.path.exists(f.name))
name = f.name
f.close()
f.close()
print(os.path.exists(name), f.closed)

with tempfile.NamedTemporaryFile('w+', prefix=PRE, dir=HERE, delete=False) as f:
    f.write('hello\nworld\n')
    f.seek(0)
    print(list(f), f.mode)
    name = f.name
print(os.path.exists(name), f.closed)
os.remove(name)

t = tempfile.TemporaryFile(dir=HERE)
print(type(t.name), t.mode, [n for n in os.listdir(HERE) if n.startswith(PRE)])
t.write(b'zz\n')
t.seek(0)
print(t.read())
t.close()
with tempfile.TemporaryFile('w+t', dir=HERE) as t:
    t.write('text')
    t.seek(0)
    print(t.read(), t.mode)

with tempfile.TemporaryDirectory(prefix=PRE, dir=HERE) as td:
    os.makedirs(os.path.join(td, 'a', 'b'))
    with open(os.path.join(td, 'a', 'b', 'f.txt'), 'w') as f:
        f.write('x')
    os.chmod(os.path.join(td, 'a', 'b'), 0o500)
    print(shape(td), sorted(os.listdir(td)))
print(os.path.exists(td))
td = tempfile.TemporaryDirectory(prefix=PRE, dir=HERE)
print(repr(td).startswith("<TemporaryDirectory './" + PRE), os.path.isdir(td.name))
td.cleanup()
td.cleanup()
print(os.path.exists(td.name))
td = tempfile.TemporaryDirectory(prefix=PRE, dir=HERE)
name = td.name
del td
print(os.path.exists(name))

s = tempfile.SpooledTemporaryFile(10, dir=HERE)
print(s.name, s.mode, s._rolled)
s.write(b'x' * 5)
print(s._rolled, s.tell())
s.write(b'y' * 10)
print(s._rolled, type(s.name), s.mode, s.tell())
s.seek(0)
print(s.read())
s.close()
with tempfile.SpooledTemporaryFile(mode='w+') as s:
    s.write('a\nb\n')
    s.seek(0)
    print(s.readlines(), s._rolled, s.closed)
    s.rollover()
    print(s._rolled, s.read(), s.tell())
print(s.closed)
print(sorted(n for n in os.listdir(HERE) if n.startswith(PRE)))

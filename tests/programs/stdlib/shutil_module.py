# shutil: copyfileobj, copyfile, copy, copy2, copymode, copystat, copytree, rmtree, move, which
import io
import os
import shutil
import stat

B = 'shutil_module.tmp.'


def w(path, data):
    with open(path, 'w') as f:
        f.write(data)


def r(path):
    with open(path) as f:
        return f.read()


src = io.BytesIO(b'0123456789' * 1000)
dst = io.BytesIO()
shutil.copyfileobj(src, dst, 7)
print(len(dst.getvalue()), dst.getvalue()[:12])

w(B + 'a', 'alpha\n')
os.chmod(B + 'a', 0o640)
print(shutil.copyfile(B + 'a', B + 'b'), r(B + 'b'))
print(oct(os.stat(B + 'b').st_mode & 0o777) != '0o640' or 'umask')
shutil.copymode(B + 'a', B + 'b')
print(oct(os.stat(B + 'b').st_mode & 0o777))
os.utime(B + 'a', (1000000, 2000000))
shutil.copystat(B + 'a', B + 'b')
print(os.stat(B + 'b').st_mtime, oct(stat.S_IMODE(os.stat(B + 'b').st_mode)))
os.mkdir(B + 'dir')
print(shutil.copy(B + 'a', B + 'dir'), oct(os.stat(B + 'dir/' + B + 'a').st_mode & 0o777))
print(shutil.copy2(B + 'a', B + 'c'), os.stat(B + 'c').st_mtime)
for f, args in [(shutil.copyfile, (B + 'a', B + 'a')), (shutil.copyfile, (B + 'missing', B + 'x')),
                (shutil.copyfile, (B + 'dir', B + 'x')), (shutil.copyfile, (B + 'a', B + 'dir'))]:
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e)
print(issubclass(shutil.SameFileError, shutil.Error), issubclass(shutil.Error, OSError))

os.makedirs(B + 'tree/sub/deeper')
w(B + 'tree/one.txt', '1')
w(B + 'tree/sub/two.py', '2')
w(B + 'tree/sub/deeper/three.txt', '3')
os.symlink('one.txt', B + 'tree/link')
print(shutil.copytree(B + 'tree', B + 'tree2', symlinks=True))
print(sorted(os.listdir(B + 'tree2')), os.path.islink(B + 'tree2/link'), r(B + 'tree2/sub/deeper/three.txt'))
shutil.copytree(B + 'tree', B + 'tree3', ignore=shutil.ignore_patterns('*.py', 'deep*'))
print(sorted(os.listdir(B + 'tree3/sub')), os.path.islink(B + 'tree3/link'))
try:
    shutil.copytree(B + 'tree', B + 'tree3')
except FileExistsError as e:
    print('FileExistsError', e)
shutil.copytree(B + 'tree', B + 'tree3', dirs_exist_ok=True)
print(sorted(os.listdir(B + 'tree3/sub')))

print(shutil.move(B + 'c', B + 'd'), os.path.exists(B + 'c'), r(B + 'd'))
print(shutil.move(B + 'd', B + 'dir'))
try:
    shutil.move(B + 'a', B + 'dir')
except shutil.Error as e:
    print('Error', e)
try:
    shutil.move(B + 'tree', B + 'tree/sub')
except shutil.Error as e:
    print('Error', e)
print(shutil.move(B + 'tree3', B + 'tree4'), os.path.isdir(B + 'tree4'))

errors = []
shutil.rmtree(B + 'nonexistent', onerror=lambda f, p, e: errors.append((f.__name__, p, e[0].__name__)))
os.symlink(B + 'tree', B + 'tlink')
shutil.rmtree(B + 'tlink', onerror=lambda f, p, e: errors.append((f.__name__, p, str(e[1]))))
print(errors)
shutil.rmtree(B + 'nonexistent', ignore_errors=True)
for p in [B + 'nonexistent', B + 'a']:
    try:
        shutil.rmtree(p)
    except OSError as e:
        print(type(e).__name__, e)
os.unlink(B + 'tlink')
for p in ['tree', 'tree2', 'tree4', 'dir']:
    shutil.rmtree(B + p)
for p in ['a', 'b']:
    os.remove(B + p)

print(shutil.which('sh') is not None, shutil.which('no-such-program-xyz'), shutil.which('/bin/sh'))
print(shutil.which('sh', path=''), shutil.which('sh', path='/nonexistent'))
print(sorted(n for n in os.listdir('.') if n.startswith(B)))

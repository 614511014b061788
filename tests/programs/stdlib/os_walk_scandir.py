# os.scandir (DirEntry: name, path, is_dir/is_file/is_symlink, stat, inode) and os.walk (top-down, bottom-up, pruning, onerror)
import os
import shutil

T = 'os_walk_scandir.tmp.d'
os.makedirs(T + '/a/b')
os.makedirs(T + '/c')
for p in ['f1.txt', 'a/f2.txt', 'a/b/f3.txt', 'c/f4.txt']:
    with open(os.path.join(T, p), 'w') as f:
        f.write(p)
os.symlink('a', T + '/link_to_a')
os.symlink('missing', T + '/dangling')

with os.scandir(T) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), os.fspath(e) == e.path)
f1 = [e for e in entries if e.name == 'f1.txt'][0]
print(f1.stat().st_size, f1.inode() == os.stat(f1.path).st_ino, f1.stat(follow_symlinks=False).st_size)
print(sorted(e.path for e in os.scandir(T + '/c')), sorted(e.name for e in os.scandir(os.fsencode(T + '/a'))))
cwd = os.getcwd()
os.chdir(T + '/c')
print([e.path for e in os.scandir()])
os.chdir(cwd)
try:
    os.scandir(T + '/nope')
except FileNotFoundError as e:
    print(e)


def show(gen):
    for top, dirs, files in gen:
        print(' ', top, sorted(dirs), sorted(files))


print('top-down')
show(sorted(os.walk(T)))
print('bottom-up order ok:', [t for t, d, f in os.walk(T, topdown=False)][-1] == T)
show(sorted(os.walk(T, topdown=False)))
print('follow links')
show(sorted(os.walk(T, followlinks=True)))
print('pruned')
for top, dirs, files in os.walk(T):
    dirs[:] = [d for d in dirs if d != 'a']
    print(' ', top, sorted(dirs), sorted(files))
errors = []
print(list(os.walk(T + '/nope', onerror=errors.append)), [type(e).__name__ for e in errors])
print(list(os.walk(T + '/f1.txt')))
shutil.rmtree(T)
print(os.path.exists(T))

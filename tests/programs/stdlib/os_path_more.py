# os.path algebra and symlink-aware tests, os.stat results, os.environ passing changes on.
import os, os.path as p
print(p.commonprefix(['/usr/lib', '/usr/local']), repr(p.commonprefix([])), p.commonpath(['/usr/lib', '/usr/local']), p.commonpath(['a/b', 'a/c/d']))
print(p.relpath('/a/b/c', '/a'), p.relpath('/a', '/a/b/c'), p.relpath('/a/b', '/a/b'), p.relpath('x/y'))
os.environ['ZZ_V'] = 'val'
print(p.expandvars('$ZZ_V/${ZZ_V}/$NOPE_ZZ/${NOPE}/$'), p.normcase('A/B'), p.splitdrive('/a/b'))
del os.environ['ZZ_V']
print(p.expandvars('$ZZ_V'), os.getenv('ZZ_V'), 'ZZ_V' in os.environ, os.environ.get('ZZ_V', 'none'))
link = 'os_path_more.tmp.link'
os.symlink('os_path_more.py', link)
try:
    print(p.islink(link), p.islink('os_path_more.py'), p.lexists(link), os.readlink(link))
    print(p.realpath(link) == p.abspath('os_path_more.py'), p.samefile(link, 'os_path_more.py'))
    print(os.lstat(link).st_mode != os.stat(link).st_mode)
finally:
    os.remove(link)
print(p.lexists(link), p.ismount('/'), p.ismount('.') in (True, False))
st = os.stat('os_path_more.py')
print(type(st).__name__, len(st), st.st_mode == st[0], st.st_size == p.getsize('os_path_more.py'))
print(type(st.st_mtime).__name__, type(st[8]).__name__, p.getmtime('os_path_more.py') == st.st_mtime, st.st_mtime_ns // 10 ** 9 == st[8])
print(p.samefile('.', os.getcwd()), p.extsep, p.altsep, p.curdir, p.pardir)
for bad in [lambda: os.stat('no_such_file.zz'), lambda: p.commonpath(['/a', 'b']), lambda: p.commonpath([]), lambda: os.putenv('A=B', 'x')]:
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)

# os.path basics on literal paths.
import os.path as p
print(p.join('a', 'b', 'c.txt'), p.join('/root', 'x'), p.join('a', '/abs', 'b'), p.join('a/', 'b'))
print(p.split('/usr/lib/file.tar.gz'), p.splitext('/usr/lib/file.tar.gz'), p.splitext('noext'), p.splitext('.bashrc'))
print(p.basename('/a/b/c'), p.dirname('/a/b/c'), p.basename('/a/b/'), p.dirname('file'))
print(p.normpath('/a/./b/../c//d/'), p.normpath('a/../../b'), p.isabs('/x'), p.isabs('x'))
print(p.exists('os_path.py'), p.isfile('os_path.py'), p.isdir('.'), p.exists('nope.nope'))
print(p.abspath('os_path.py') == p.join(p.abspath('.'), 'os_path.py'))
print(p.commonprefix(['/usr/lib', '/usr/local']), p.relpath('/a/b/c', '/a'), p.expanduser('x'))

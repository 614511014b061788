# glob: patterns, recursive **, root_dir, hidden files, escape/has_magic (results sorted: directory order varies)
import glob, os
base = 'glob_module.tmp.d'
for d in ['', 'sub', 'sub/deep', '.hid']:
    os.makedirs(os.path.join(base, d), exist_ok=True)
for f in ['a.py', 'b.py', 'c.txt', '.dot.py', 'sub/d.py', 'sub/deep/e.py', 'sub/deep/f.txt', '.hid/g.py', 'x[1].py']:
    open(os.path.join(base, f), 'w').close()
def s(x): return sorted(x)
print(s(glob.glob(base + '/*.py')), s(glob.glob(base + '/*')), s(glob.glob(base + '/**/*.py', recursive=True)))
print(s(glob.glob('**/*.txt', root_dir=base, recursive=True)), s(glob.glob('*/', root_dir=base)), s(glob.glob(base + '/?.py')), s(glob.glob(base + '/[ab].py')))
print(s(glob.glob('*', root_dir=base, include_hidden=True)), s(glob.glob(base + '/.*')), glob.glob(base + '/nope*'), glob.glob(base + '/a.py'), glob.glob(base + '/zz.py'))
print(glob.escape('x[1].py'), glob.glob(os.path.join(base, glob.escape('x[1].py'))), glob.has_magic('a*'), glob.has_magic('abc'), s(glob.iglob(base + '/sub/**', recursive=True)))
print(s(glob.glob('**', root_dir=base, recursive=True)))
import shutil; shutil.rmtree(base)

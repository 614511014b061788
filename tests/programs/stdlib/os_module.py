# os: pid type, environ, cpu_count type, getcwd, listdir of own dir, os.sep.
import os
print(type(os.getpid()).__name__, os.getpid() > 0)
print(type(os.cpu_count()).__name__, os.cpu_count() >= 1)
print(os.environ.get('PYTHONHASHSEED'), os.environ.get('SPINDLE_SURELY_UNSET_VAR', 'unset'))
os.environ['SPINDLE_TEST_VAR'] = 'value'
print(os.environ['SPINDLE_TEST_VAR'], 'SPINDLE_TEST_VAR' in os.environ, os.getenv('SPINDLE_TEST_VAR'))
del os.environ['SPINDLE_TEST_VAR']
print(os.getenv('SPINDLE_TEST_VAR'))
print(os.sep, os.linesep == '\n', os.curdir, os.pardir, os.name)
print('os_module.py' in os.listdir('.'), os.path.isabs(os.getcwd()))
d = 'os_module.tmpdir'
os.mkdir(d)
with open(os.path.join(d, 'f.txt'), 'w') as fh:
    fh.write('x')
print(os.listdir(d), os.path.isdir(d), os.path.getsize(os.path.join(d, 'f.txt')))
os.remove(os.path.join(d, 'f.txt'))
os.rmdir(d)
print(os.path.exists(d))
try:
    os.remove('os_module.no_such_file')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)

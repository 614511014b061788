# subprocess: exec failures raised in the parent (FileNotFoundError...), bad arguments, exception classes
import os
import subprocess

cases = [
    (['nosuchprog'], {}),
    (['nosuchprog', 'arg'], {'shell': False}),
    ('nosuchprog', {}),
    (['./nosuchprog'], {}),
    (['/nonexistent/dir/prog'], {}),
    (['true'], {'executable': 'nosuchexe'}),
    (['ls'], {'cwd': '/nonexistent-dir'}),
    (['/etc/passwd'], {}),
    (['/etc/passwd/x'], {}),
    (['/'], {}),
    (['true'], {'stdin': 12345}),
    (['true'], {'stdin': 'not a file'}),
    (['true'], {'env': {'A=B': 'c'}}),
    (['true'], {'env': {'A': 'nul\0'}}),
    (['nul\0byte'], {}),
    ([], {}),
    (['true'], {'bufsize': 'big'}),
    (['true'], {'pipesize': 1.5}),
    (['true'], {'startupinfo': object()}),
    (['true'], {'creationflags': 8}),
    (['true'], {'text': True, 'universal_newlines': False}),
    (['true'], {'pass_fds': [-3]}),
]
for args, kw in cases:
    try:
        p = subprocess.Popen(args, **kw)
        print('started', p.wait())
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'filename', None), getattr(e, 'errno', None))

for kw in [{'input': b'x', 'stdin': subprocess.PIPE}, {'capture_output': True, 'stderr': subprocess.PIPE}]:
    try:
        subprocess.run(['true'], **kw)
    except ValueError as e:
        print('ValueError', e)
for kw in [{'stdout': None}, {'check': False}]:
    try:
        subprocess.check_output(['true'], **kw)
    except ValueError as e:
        print('ValueError', e)

print(subprocess.SubprocessError.__bases__, subprocess.CalledProcessError.__bases__, subprocess.TimeoutExpired.__bases__)
e = subprocess.CalledProcessError(3, ['cmd', 'arg'], output=b'o', stderr=b'e')
print(str(e), repr(e), e.args, e.stdout)
e.stdout = b'changed'
print(e.output)
for rc in [-9, -15, -2, -999, 0, 1]:
    print(str(subprocess.CalledProcessError(rc, 'c')))
t = subprocess.TimeoutExpired(['sleep', '9'], 2.5, output=b'so far')
print(str(t), repr(t), t.stdout, t.stderr, t.timeout, t.cmd)
print(str(subprocess.TimeoutExpired('c', 1)))
print(subprocess.list2cmdline(['simple', 'with space', 'quote"in', '', 'back\\slash', 'trail\\', 'tab\there']))
print(sorted(subprocess.__all__))
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print('no child left:', e)

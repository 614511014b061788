# subprocess: run, call, check_call, check_output, getoutput, getstatusoutput, CompletedProcess
import os
import subprocess
import sys

print(subprocess.run(['echo', 'hi'], capture_output=True))
print(subprocess.run(['true']))
r = subprocess.run('echo $((6*7)); echo oops >&2; exit 3', shell=True, capture_output=True, text=True)
print(r.args, r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.run(['cat'], input=b'bytes in', capture_output=True).stdout)
print(repr(subprocess.run(['cat'], input='a\r\nb\rc\n', capture_output=True, text=True).stdout))
print(repr(subprocess.run(['cat'], input='x\r\ny', stdout=subprocess.PIPE, universal_newlines=True).stdout))
print(subprocess.run(['sh', '-c', 'echo out; echo err >&2'], stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT).stdout)
print(subprocess.run(['cat'], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE).stdout)
print(subprocess.run(['sh', '-c', 'echo gone'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
print(subprocess.run(['sh', '-c', 'echo $GREETING; echo ${HOME:-unset}'], env={'GREETING': 'hello', 'PATH': os.environ['PATH']},
                     stdout=subprocess.PIPE).stdout)
print(subprocess.run(['pwd'], cwd='/', stdout=subprocess.PIPE, text=True).stdout)
print(subprocess.run(['printf', 'caf\\351'], capture_output=True, encoding='latin-1').stdout)
print(subprocess.run(['printf', 'caf\\351'], capture_output=True, text=True, errors='replace').stdout)
print(len(subprocess.run(['cat'], input=b'x' * 300000, capture_output=True).stdout))
r = subprocess.run([sys.executable, '-c', 'import sys; print(sys.argv[1:]); sys.exit(5)', 'a b', ''],
                   capture_output=True, text=True)
print(r.args[1:], r.returncode, repr(r.stdout), repr(r.stderr))

print(subprocess.call(['true']), subprocess.call(['false']), subprocess.call('exit 4', shell=True))
print(subprocess.check_call(['true']))
print(subprocess.check_output(['echo', 'checked']), subprocess.check_output('echo $0', shell=True, text=True))
print(repr(subprocess.check_output(['cat'], input='via input', text=True)))
print(repr(subprocess.check_output(['echo', 'x'], input=None)), repr(subprocess.check_output(['echo', 'y'], input=None, text=True)))
print(subprocess.check_output(['sh', '-c', 'echo o; echo e >&2'], stderr=subprocess.STDOUT))
print(repr(subprocess.getoutput('echo one; echo two >&2')), subprocess.getstatusoutput('exit 3'))
print(subprocess.getstatusoutput('echo x; exit 1'), subprocess.getstatusoutput('printf "no newline"'))

for f, args, kw in [
    (subprocess.run, (['false'],), {'check': True}),
    (subprocess.run, ('echo partial; exit 2',), {'shell': True, 'check': True, 'capture_output': True}),
    (subprocess.check_call, (['sh', '-c', 'exit 9'],), {}),
    (subprocess.check_call, (), {'args': ['false']}),
    (subprocess.check_output, (['sh', '-c', 'echo before; kill -9 $$'],), {}),
    (subprocess.check_output, (['sh', '-c', 'kill -TERM $$'],), {'text': True}),
]:
    try:
        f(*args, **kw)
    except subprocess.CalledProcessError as e:
        print(type(e).__name__, e)
        print('  ', repr(e), e.returncode, e.cmd, e.output, e.stdout, e.stderr)

try:
    subprocess.run(['sleep', '5'], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd, e.output, e.stderr, str(e).startswith("Command '['sleep', '5']' timed out after 0."))
try:
    subprocess.run(['sh', '-c', 'echo early; exec sleep 5'], timeout=0.5, capture_output=True)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.output, e.stdout, e.stderr)

cp = subprocess.CompletedProcess(['x'], 1, 'o', 'e')
print(cp, subprocess.CompletedProcess('x', 0), subprocess.CompletedProcess([], 0, None, b''))
try:
    cp.check_returncode()
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)
print(subprocess.CompletedProcess('y', 0).check_returncode())
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print('no child left:', e)

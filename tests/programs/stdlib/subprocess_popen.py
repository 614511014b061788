# subprocess.Popen: pipes (binary, text, unbuffered), communicate, wait/poll, signals, context manager, fds
import os
import signal
import subprocess
import sys
import threading
import time

PIPE = subprocess.PIPE

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE)
print(repr(p), type(p.pid), p.returncode, p.poll())
p.stdin.write(b'first line\n')
p.stdin.flush()
print(p.stdout.readline())
out, err = p.communicate(b'rest')
print(out, err, p.returncode, p.poll(), p.wait(), repr(p))
print(p.stdin.closed, p.stdout.closed, p.stderr)

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE, text=True)
p.stdin.write('one\ntwo\n')
p.stdin.flush()
print(repr(p.stdout.readline()), repr(p.stdout.readline()))
p.stdin.write('three\r\nfour\rfive')
p.stdin.close()
print(list(p.stdout), p.wait(), p.text_mode, p.universal_newlines)
p.stdout.close()

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE, bufsize=0)
p.stdin.write(b'unbuffered\n')
print(p.stdout.readline())
p.stdin.close()
print(p.stdout.read(), p.wait())
p.stdout.close()

p = subprocess.Popen(['sh', '-c', 'echo to-err >&2; echo to-out'], stdout=PIPE, stderr=PIPE, text=True)
print(p.stdout.read(), p.stderr.read(), p.wait())
p.stdout.close()
p.stderr.close()

p = subprocess.Popen(['sh', '-c', 'echo partial; exec sleep 10'], stdout=PIPE)
try:
    p.communicate(timeout=0.5)
except subprocess.TimeoutExpired as e:
    print('timed out with', e.output)
p.kill()
print(p.communicate(), p.returncode)
try:
    p.communicate(b'late input')
except ValueError as e:
    print(e)

p = subprocess.Popen(['sleep', '10'])
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(str(e))
print(p.poll())
p.send_signal(signal.SIGINT)
print(p.wait(), p.returncode)
p.kill()
p.terminate()
with subprocess.Popen(['sleep', '10']) as p:
    p.terminate()
print(p.returncode)
with subprocess.Popen(['sh', '-c', 'read x; echo got $x'], stdin=PIPE, stdout=PIPE) as p:
    p.stdin.write(b'value\n')
    p.stdin.close()
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)

with open('subprocess_popen.tmp.txt', 'w') as f:
    subprocess.Popen(['echo', 'into a file'], stdout=f).wait()
with open('subprocess_popen.tmp.txt') as f:
    print(subprocess.run(['tr', 'a-z', 'A-Z'], stdin=f, capture_output=True).stdout)
fd = os.open('subprocess_popen.tmp.txt', os.O_WRONLY | os.O_APPEND)
subprocess.run(['echo', 'by descriptor'], stdout=fd)
os.close(fd)
with open('subprocess_popen.tmp.txt') as f:
    print(f.read())
os.remove('subprocess_popen.tmp.txt')

r, w = os.pipe()
print(subprocess.run(['sh', '-c', 'echo passed >&%d' % w], pass_fds=[w]).returncode)
print(subprocess.run(['sh', '-c', 'echo closed >&%d' % w], stderr=subprocess.DEVNULL).returncode)
os.close(w)
print(os.read(r, 100))
os.close(r)
print(subprocess.run(['sh', '-c', 'umask'], umask=0o027, capture_output=True, text=True).stdout)
print(subprocess.run(['sh', '-c', 'test $(ps -o sid= -p $$) -eq $$ && echo leader'],
                     start_new_session=True, capture_output=True, text=True).stdout)
print(subprocess.run(['sh', '-c', 'test $(ps -o pgid= -p $$) -eq $$ && echo group leader'],
                     process_group=0, capture_output=True, text=True).stdout)

results = []


def worker(i):
    r = subprocess.run(['sh', '-c', 'sleep 0.3; echo %d' % i], capture_output=True, text=True)
    results.append(r.stdout.strip())


t0 = time.monotonic()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), 'in parallel:', time.monotonic() - t0 < 1.3)

for i in range(3):
    subprocess.Popen(['true'])
time.sleep(0.3)
subprocess.run(['true'])
sys.stdout.flush()
subprocess.run(['echo', 'shares our stdout'])
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print('no child left:', e)

# os.fork/pipe/read/write/waitpid/kill, select.select and select.poll, signal handlers
import os
import select
import signal
import time

r, w = os.pipe()
print('pipe fds inheritable:', os.get_inheritable(r), 'blocking:', os.get_blocking(r))
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'hello from child')
    os._exit(7)
os.close(w)
print('readable:', select.select([r], [], [], 5)[0] == [r])
print(os.read(r, 100))
print('eof:', os.read(r, 100))
p, st = os.waitpid(pid, 0)
print(p == pid, os.WIFEXITED(st), os.WEXITSTATUS(st), os.waitstatus_to_exitcode(st))
os.close(r)

pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
os.kill(pid, signal.SIGTERM)
p, st = os.waitpid(pid, 0)
print('killed:', os.WIFSIGNALED(st), os.WTERMSIG(st) == signal.SIGTERM, os.waitstatus_to_exitcode(st))
print('no child left:', end=' ')
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print(type(e).__name__, e.errno)

got = []
old = signal.signal(signal.SIGUSR1, lambda signum, frame: got.append(signum))
print('old handler:', old)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000):
    pass
print('handler ran:', got == [signal.SIGUSR1])
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

p = select.poll()
r, w = os.pipe()
p.register(r, select.POLLIN)
print('poll empty:', p.poll(0))
os.write(w, b'x')
print('poll ready:', p.poll(1000) == [(r, select.POLLIN)])
p.unregister(r)
try:
    p.unregister(r)
except KeyError as e:
    print('KeyError', e.args[0] == r)
os.close(r)
os.close(w)
try:
    os.read(r, 1)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
d = os.dup(0)
print('dup inheritable:', os.get_inheritable(d))
os.set_inheritable(d, True)
print('now:', os.get_inheritable(d))
os.close(d)

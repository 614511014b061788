# multiprocessing.Process: start/join/exitcode/is_alive/name/pid/daemon/terminate/kill, Pipe, fork and spawn
import multiprocessing as mp
import os
import signal
import sys
import time


def greet(conn, word):
    conn.send((word, mp.current_process().name, mp.parent_process().name))
    conn.close()


def exit_with(code):
    sys.exit(code)


def sleeper():
    time.sleep(60)


def fail():
    os._exit(3)


class Counter(mp.Process):
    def __init__(self, conn):
        super().__init__(name='Counter')
        self.conn = conn

    def run(self):
        self.conn.send(sum(range(10)))


if __name__ == '__main__':
    print(mp.current_process().name, mp.parent_process())
    for method in ('fork', 'spawn'):
        ctx = mp.get_context(method)
        a, b = ctx.Pipe()
        p = ctx.Process(target=greet, args=(b, 'hello ' + method))
        print(repr(p).split(' parent=')[0], p.pid is None, p.exitcode)
        p.start()
        print(a.recv())
        p.join()
        print(method, 'exitcode', p.exitcode, 'alive', p.is_alive(), 'pid int', isinstance(p.pid, int))
        for code in (0, 5, None, 'text'):
            q = ctx.Process(target=exit_with, args=(code,))
            q.start()
            q.join()
            print('sys.exit(%r) ->' % (code,), q.exitcode)
        q = ctx.Process(target=fail)
        q.start()
        q.join()
        print('os._exit(3) ->', q.exitcode)
        s = ctx.Process(target=sleeper, daemon=True)
        s.start()
        print('daemon', s.daemon, 'alive', s.is_alive())
        s.terminate()
        s.join()
        print('terminated', s.exitcode, s.exitcode == -signal.SIGTERM, repr(s).endswith('exitcode=-SIGTERM daemon>'))
        s = ctx.Process(target=sleeper)
        s.start()
        s.kill()
        s.join(10)
        print('killed', s.exitcode)
        s.close()
        try:
            s.is_alive()
        except ValueError as e:
            print('closed:', e)
        a, b = ctx.Pipe(duplex=False)
        c = Counter(b)
        c.start()
        print(c.name, a.recv())
        c.join()
        print(mp.active_children())
    p = mp.Process(target=sleeper)
    try:
        p.join()
    except AssertionError as e:
        print('AssertionError:', e)
    p.start()
    try:
        p.start()
    except AssertionError as e:
        print('AssertionError:', e)
    p.terminate()
    p.join()
    print(p.exitcode)
    print('active children:', mp.active_children())
    try:
        pid, status = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        pid = 0
    print('zombie left:', pid != 0)

# Native module functions with CPython METH_NOARGS / METH_O shapes refuse other argument counts.
import time, os, sys, gc, _thread, select, socket, signal
def t(label, f):
    try:
        r = f()
        print(label, 'OK', type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
t('time.time(1)', lambda: time.time(1))
t('time.time(x=1)', lambda: time.time(x=1))
t('time.monotonic_ns(None)', lambda: time.monotonic_ns(None))
t('os.getpid(1)', lambda: os.getpid(1))
t('os.getcwd(1)', lambda: os.getcwd(1))
t('os.strerror()', lambda: os.strerror())
t('sys.exc_info(1)', lambda: sys.exc_info(1))
t('sys.getrefcount()', lambda: sys.getrefcount())
t('sys.intern()', lambda: sys.intern())
t('gc.enable(1)', lambda: gc.enable(1))
t('_thread.get_ident(1)', lambda: _thread.get_ident(1))
t('_thread.allocate_lock(1)', lambda: _thread.allocate_lock(1))
t('select.poll(1)', lambda: select.poll(1))
t('socket.gethostname(1)', lambda: socket.gethostname(1))
t('time.time()', lambda: time.time())
t('os.getpid()', lambda: os.getpid())

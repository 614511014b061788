"""Process-wide housekeeping for multiprocessing: exit handling, finalizers, fork hooks.

Spindle has no weak references, so finalizers here never hold the object they clean up
after: a `Finalize` keeps only its callback (and arguments), and objects that must be reset in
a forked child check the pid they were made in instead of registering themselves.
"""

import itertools
import os
import sys
import threading

_exiting = False
_logger = None

SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25

# key (exitpriority, serial) -> Finalize, for the callbacks still to run
_finalizer_registry = {}
_finalizer_counter = itertools.count()
_registry_lock = threading.Lock()

# (serial, func, obj) called in a child after os.fork()
_afterfork_registry = []
_afterfork_counter = itertools.count()


def sub_debug(msg, *args):
    pass


def debug(msg, *args):
    pass


def info(msg, *args):
    pass


def sub_warning(msg, *args):
    pass


def get_logger():
    raise NotImplementedError('multiprocessing.get_logger: Spindle has no logging module yet')


def log_to_stderr(level=None):
    raise NotImplementedError('multiprocessing.log_to_stderr: Spindle has no logging module yet')


def is_exiting():
    return _exiting


class Finalize:
    """Run callback(*args, **kwargs) once: when called, or at exit if exitpriority is not
    None (higher priorities first, then the most recently registered first)."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if exitpriority is not None and not isinstance(exitpriority, int):
            raise TypeError('Exitpriority ({0!r}) must be None or int, not {1!s}'.format(
                exitpriority, type(exitpriority)))
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = os.getpid()
        with _registry_lock:
            _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        with _registry_lock:
            registered = _finalizer_registry.pop(self._key, None) is not None
        if not registered or self._pid != os.getpid():
            return None
        callback, args, kwargs = self._callback, self._args, self._kwargs
        self._callback = self._args = self._kwargs = self._key = None
        return callback(*args, **kwargs)

    def cancel(self):
        with _registry_lock:
            _finalizer_registry.pop(self._key, None)
        self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        return self._key in _finalizer_registry

    def __repr__(self):
        if self._callback is None:
            return '<%s object, dead>' % type(self).__name__
        name = getattr(self._callback, '__name__', self._callback)
        x = '<%s object, callback=%s' % (type(self).__name__, name)
        if self._args:
            x += ', args=' + str(self._args)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    """Run the finalizers whose exit priority is at least minpriority (all with a priority
    when None), highest priority first; errors are printed and do not stop the others."""
    with _registry_lock:
        if minpriority is None:
            keys = [k for k in _finalizer_registry if k[0] is not None]
        else:
            keys = [k for k in _finalizer_registry if k[0] is not None and k[0] >= minpriority]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is None:
            continue
        try:
            finalizer()
        except Exception:
            import traceback
            traceback.print_exc()
    if minpriority is None:
        with _registry_lock:
            _finalizer_registry.clear()


def register_after_fork(obj, func):
    """Call func(obj) in every child made by fork from now on (obj is kept alive)."""
    _afterfork_registry.append((next(_afterfork_counter), func, obj))


def _run_after_forkers():
    for _, func, obj in sorted(_afterfork_registry, key=lambda t: t[0]):
        try:
            func(obj)
        except Exception:
            import traceback
            traceback.print_exc()


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _exit_function():
    """At exit of a process that used multiprocessing: run the finalizers with a priority,
    stop daemonic children, wait for the others, then run the remaining finalizers."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    from . import process
    _run_finalizers(0)
    if process.current_process() is not None:
        children = process.active_children()
        for p in children:
            if p.daemon:
                p.terminate()
        for p in children:
            p.join()
    _run_finalizers()


def _register_exit_function():
    import atexit
    atexit.register(_exit_function)


_register_exit_function()


def close_all_fds_except(fds):
    fds = sorted(set(fds) | {-1}) + [os.sysconf('SC_OPEN_MAX') if hasattr(os, 'sysconf')
                                      else 1024]
    for i in range(len(fds) - 1):
        os.closerange(fds[i] + 1, fds[i + 1])


def _close_stdin():
    """A child does not read its parent's standard input: give it /dev/null."""
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
    except (OSError, ValueError):
        pass
    try:
        sys.stdin = open(os.devnull)
    except (OSError, ValueError):
        pass


def spawnv_passfds(path, args, passfds):
    """Start `path` with `args`, keeping the descriptors in passfds open; returns the pid."""
    return os._spawnv_passfds(path, args, sorted(set(passfds)))


def get_temp_dir():
    import tempfile
    return tempfile.mkdtemp(prefix='pymp-')

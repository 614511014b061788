"""Process objects: the parent-side handle of a child process and the child's own view
(current_process()), independent of how the child is started (the Popen classes do that)."""

import itertools
import os
import signal
import sys

from . import util

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']

# names for negative exit codes (killed by a signal), as CPython shows them in reprs
_exitcode_to_name = {}
for _name, _num in list(vars(signal).items()):
    if _name.startswith('SIG') and not _name.startswith('SIG_') and isinstance(_num, int) \
            and _name not in ('SIGRTMIN', 'SIGRTMAX', 'SIGIOT'):
        _exitcode_to_name.setdefault(-_num, '-' + _name)
del _name, _num


def current_process():
    """The Process object of the running process."""
    return _current_process


def active_children():
    """The children of this process that are still running (finished ones are reaped)."""
    _cleanup()
    return list(_children)


def parent_process():
    """The Process object of the parent (None in the main process)."""
    return _parent_process


def _cleanup():
    # reap the children that have ended
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.discard(p)


class AuthenticationString(bytes):
    def __reduce__(self):
        from .context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError('Pickling an AuthenticationString object is '
                            'disallowed for security reasons')
        return AuthenticationString, (bytes(self),)


class BaseProcess:
    """A process running `target(*args, **kwargs)` (or an overridden run())."""

    def _Popen(self):
        raise NotImplementedError

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        if name is None:
            name = type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        self._name = name
        if daemon is not None:
            self.daemon = daemon

    def run(self):
        """The process's activity: calls the target. Override it in a subclass."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start the child process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # the child has its own copies now: do not keep the target alive here
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Send SIGTERM to the child."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Send SIGKILL to the child."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Wait until the child ends (at most timeout seconds)."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Is the child running? (A finished child is reaped.)"""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        if self._popen.poll() is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Release the resources of a finished process (ValueError while it runs)."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Daemonic children are terminated when their parent exits."""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config['authkey']

    @authkey.setter
    def authkey(self, authkey):
        self._config['authkey'] = AuthenticationString(authkey)

    @property
    def exitcode(self):
        """The exit status: None while running, -N if killed by signal N."""
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        """The process id (None before start)."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        """A descriptor that becomes readable when the child ends."""
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'started' if exitcode is None else 'stopped'
        parts = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            parts.append('pid=%s' % self._popen.pid)
        parts.append('parent=%s' % self._parent_pid)
        parts.append(status)
        if exitcode is not None:
            parts.append('exitcode=%s' % _exitcode_to_name.get(exitcode, exitcode))
        if self.daemon:
            parts.append('daemon')
        return '<%s>' % ' '.join(parts)

    # ----- in the child -----

    def _bootstrap(self, parent_sentinel=None):
        """Run in the new process: become current_process(), run(), and return the exit
        code (uncaught exceptions are printed as CPython does)."""
        global _current_process, _parent_process, _process_counter, _children
        try:
            if self._start_method is not None:
                from . import context
                context._force_start_method(self._start_method)
            _process_counter = itertools.count(1)
            _children = set()
            util._close_stdin()
            old_process = _current_process
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid,
                                             parent_sentinel)
            try:
                util._finalizer_registry.clear()
                util._run_after_forkers()
            finally:
                del old_process
            try:
                self.run()
                exitcode = 0
            finally:
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException:
            exitcode = 1
            import traceback
            sys.stderr.write('Process %s:\n' % self.name)
            traceback.print_exc()
        finally:
            try:
                import threading
                threading._shutdown()
            except Exception:
                pass
            util._flush_std_streams()
        return exitcode

    def __reduce__(self):
        # pickled only to be sent to a child being spawned (the Popen does that)
        from .context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError('Pickling a Process object is only supported while a child '
                            'process is being started')
        state = dict(self.__dict__)
        state['_popen'] = None
        return _rebuild_process, (type(self), state)


def _rebuild_process(cls, state):
    obj = cls.__new__(cls)
    obj.__dict__.update(state)
    return obj


class _ParentProcess(BaseProcess):
    """The parent as seen from a child: only its name, pid and liveness are known."""

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        if self._sentinel is None:
            return True
        from .connection import wait
        return not wait([self._sentinel], timeout=0)

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        from .connection import wait
        wait([self._sentinel], timeout=timeout)


class _MainProcess(BaseProcess):
    """The process that imported multiprocessing first."""

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': AuthenticationString(os.urandom(32)),
                        'semprefix': '/mp'}

    def close(self):
        pass


try:
    ORIGINAL_DIR = os.path.abspath(os.getcwd())
except OSError:
    ORIGINAL_DIR = None

_parent_process = None
_current_process = _MainProcess()
_process_counter = itertools.count(1)
_children = set()

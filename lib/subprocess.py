"""subprocess: run programs in new processes, connect to their pipes, get their exit status.

Written for Spindle from the documented behaviour of CPython 3.11's subprocess (POSIX only):
Popen, run, call, check_call, check_output, getoutput, getstatusoutput, CompletedProcess,
SubprocessError, CalledProcessError, TimeoutExpired, PIPE, STDOUT, DEVNULL, list2cmdline.

Processes start through `_posixsubprocess.fork_exec` (Rust: fork, then only async-signal-safe
calls until exec; an exec failure comes back over a close-on-exec pipe and is raised here as
the OSError CPython raises).  Blocking waits go through os.waitpid / select.poll / os.read,
which release the GIL.  With a preexec_fn the child is set up in Python after os.fork()
(preexec_fn must run there).  user, group and extra_groups are not supported
(NotImplementedError)."""

import builtins
import errno
import io
import os
import select
import signal
import sys
import time
import _thread
import _posixsubprocess
from _streams import TextIOWrapper as _TextIOWrapper

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = 512          # writes this small to a pipe that polls writable never block
_READ_SIZE = 32768
_DEFAULT_PATH = '/bin:/usr/bin'
_time = time.monotonic


class SubprocessError(Exception):
    pass


def _signal_name(num):
    """The name CPython's signal.Signals gives signal num, or None."""
    names = {}
    for name in dir(signal):
        if name.startswith('SIG') and not name.startswith('SIG_') and name != 'SIGIOT':
            names.setdefault(getattr(signal, name), name)
    return names.get(num)


class CalledProcessError(SubprocessError):
    """Raised when a process run by check_call() or check_output() (or run(check=True))
    exits with a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _signal_name(-self.returncode)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
            return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, name, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output attribute, to match stderr"""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What run() returns: args, returncode, stdout and stderr (None when not captured)."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


# Popen objects dropped while their process still ran: reaped by the next Popen().
_active = []


def _cleanup():
    if _active is None:
        return
    for inst in _active[:]:
        res = inst._internal_poll(_deadstate=sys.maxsize)
        if res is not None:
            try:
                _active.remove(inst)
            except ValueError:
                pass


def call(*popenargs, timeout=None, **kwargs):
    """Run a command, wait for it, return its exit status (run(...).returncode)."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:  # noqa: E722 -- including KeyboardInterrupt, wait handled that.
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run a command and wait; raise CalledProcessError on a non-zero exit status."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its output; CalledProcessError on a non-zero exit status."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if (kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding')
                or kwargs.get('errors')):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run a command, wait for it, return a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except:  # noqa: E722 -- including KeyboardInterrupt; __exit__ waits.
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def list2cmdline(seq):
    """A sequence of arguments as one command line quoted by the MS C runtime's rules."""
    result = []
    needquote = False
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit status, output) of cmd run by the shell, stderr included, final newline removed."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of cmd run by the shell (stderr included, final newline removed)."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def _get_exec_path(env):
    """The directories searched for a program name, from env's (or os.environ's) PATH."""
    if env is None:
        env = os.environ
    path_list = env.get('PATH')
    try:
        path_listb = env.get(b'PATH')
    except TypeError:
        path_listb = None
    if path_listb is not None:
        if path_list is not None:
            raise ValueError("env cannot contain 'PATH' and b'PATH' keys")
        path_list = os.fsdecode(path_listb)
    if path_list is None:
        path_list = _DEFAULT_PATH
    return os.fsdecode(path_list).split(os.pathsep)


def _fork_exec_python(args, executable_list, close_fds, fds_to_keep, cwd, env_list,
                      p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                      errpipe_read, errpipe_write, restore_signals, start_new_session,
                      process_group, umask, preexec_fn):
    """_posixsubprocess.fork_exec's steps in Python, for a preexec_fn (which must run in the
    child before exec): the same order and the same error report on errpipe_write."""
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()   # the child must not write the parent's buffered output again
        except (AttributeError, OSError, ValueError):
            pass
    args = [os.fsencode(a) if isinstance(a, str) else a for a in args]
    for fd in fds_to_keep:
        if fd < 0:
            raise ValueError("bad value(s) in fds_to_keep")
    pid = os.fork()
    if pid:
        return pid
    stage = b'noexec'
    try:
        for fd in (p2cwrite, c2pread, errread, errpipe_read):
            if fd != -1:
                os.close(fd)
        if c2pwrite == 0:
            c2pwrite = os.dup(c2pwrite)
        while errwrite in (0, 1):
            errwrite = os.dup(errwrite)
        for src, dst in ((p2cread, 0), (c2pwrite, 1), (errwrite, 2)):
            if src == dst:
                os.set_inheritable(src, True)
            elif src != -1:
                os.dup2(src, dst)
        if cwd is not None:
            stage = b'noexec:chdir'
            os.chdir(cwd)
            stage = b'noexec'
        if umask >= 0:
            os.umask(umask)
        if restore_signals:
            for name in ('SIGPIPE', 'SIGXFSZ'):
                if hasattr(signal, name):
                    signal.signal(getattr(signal, name), signal.SIG_DFL)
        if start_new_session:
            os.setsid()
        if process_group >= 0:
            os.setpgid(0, process_group)
        try:
            preexec_fn()
        except BaseException:
            os.write(errpipe_write, b'SubprocessError:0:Exception occurred in preexec_fn.')
            os._exit(255)
        keep = set(fds_to_keep) | {errpipe_write}
        for fd in fds_to_keep:
            if fd != errpipe_write:
                os.set_inheritable(fd, True)
        if close_fds:
            for name in os.listdir('/proc/self/fd'):
                fd = int(name)
                if fd >= 3 and fd not in keep:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
        stage = b''
        saved = 0
        last = 0
        for exe in executable_list:
            try:
                if env_list is None:
                    os.execv(exe, args)
                else:
                    os.execve(exe, args, dict(item.split(b'=', 1) for item in env_list))
            except OSError as e:
                last = e.errno or 0
                if last not in (errno.ENOENT, errno.ENOTDIR) and not saved:
                    saved = last
        os.write(errpipe_write, b'OSError:%x:%s' % (saved or last, stage))
    except OSError as e:
        try:
            os.write(errpipe_write, b'OSError:%x:%s' % (e.errno or 0, stage))
        except BaseException:
            pass
    except BaseException:
        try:
            os.write(errpipe_write, b'SubprocessError:0:Bad exception in the child')
        except BaseException:
            pass
    os._exit(255)


class Popen:
    """A child process running a program, with optional pipes to its standard streams."""

    _child_created = False

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        _cleanup()
        self._waitpid_lock = _thread.allocate_lock()
        self._input = None
        self._communication_started = False
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pipesize is None:
            pipesize = -1
        if not isinstance(pipesize, int):
            raise TypeError("pipesize must be an integer")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if user is not None or group is not None or extra_groups is not None:
            raise NotImplementedError("Popen(user=, group=, extra_groups=) is not supported by Spindle")
        if pass_fds and not close_fds:
            import warnings
            warnings.warn("pass_fds overriding close_fds.", RuntimeWarning)
            close_fds = True

        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize

        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')

        self.text_mode = encoding or errors or text or universal_newlines
        if self.text_mode and encoding is None:
            self.encoding = encoding = 'UTF-8'
        self._sigint_wait_secs = 0.25
        line_buffering = (bufsize == 1 and self.text_mode)
        if bufsize == 1 and not self.text_mode:
            import warnings
            warnings.warn("line buffering (buffering=1) isn't supported in binary "
                          "mode, the default buffer size will be used", RuntimeWarning)
            bufsize = -1

        self._closed_child_pipe_fds = False
        (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite) = (-1,) * 6
        try:
            (p2cread, p2cwrite, c2pread, c2pwrite,
             errread, errwrite) = self._get_handles(stdin, stdout, stderr)
            if p2cwrite != -1:
                self.stdin = io.open(p2cwrite, 'wb', bufsize)
                if self.text_mode:
                    self.stdin = _TextIOWrapper(self.stdin, write_through=True,
                                                line_buffering=line_buffering,
                                                encoding=encoding, errors=errors)
            if c2pread != -1:
                self.stdout = io.open(c2pread, 'rb', bufsize)
                if self.text_mode:
                    self.stdout = _TextIOWrapper(self.stdout, encoding=encoding, errors=errors)
            if errread != -1:
                self.stderr = io.open(errread, 'rb', bufsize)
                if self.text_mode:
                    self.stderr = _TextIOWrapper(self.stderr, encoding=encoding, errors=errors)
            self._execute_child(args, executable, preexec_fn, close_fds, pass_fds, cwd, env,
                                shell, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                                restore_signals, start_new_session, process_group, umask)
        except:  # noqa: E722 -- clean up whatever was opened, then re-raise
            for f in filter(None, (self.stdin, self.stdout, self.stderr)):
                try:
                    f.close()
                except OSError:
                    pass
            if not self._closed_child_pipe_fds:
                to_close = []
                if stdin == PIPE:
                    to_close.append(p2cread)
                    if self.stdin is None:
                        to_close.append(p2cwrite)
                if stdout == PIPE:
                    to_close.append(c2pwrite)
                    if self.stdout is None:
                        to_close.append(c2pread)
                if stderr == PIPE:
                    to_close.append(errwrite)
                    if self.stderr is None:
                        to_close.append(errread)
                if hasattr(self, '_devnull'):
                    to_close.append(self._devnull)
                for fd in to_close:
                    if fd != -1:
                        try:
                            os.close(fd)
                        except OSError:
                            pass
            raise

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, universal_newlines):
        self.text_mode = bool(universal_newlines)

    def __repr__(self):
        obj_repr = (f"<{self.__class__.__name__}: "
                    f"returncode: {self.returncode} args: {self.args!r}>")
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            if exc_type == KeyboardInterrupt:
                if self._sigint_wait_secs > 0:
                    try:
                        self._wait(timeout=self._sigint_wait_secs)
                    except TimeoutExpired:
                        pass
                self._sigint_wait_secs = 0
                return
            else:
                self.wait()

    def __del__(self, _maxsize=sys.maxsize):
        if not self._child_created:
            return
        self._internal_poll(_deadstate=_maxsize)
        if self.returncode is None and _active is not None:
            _active.append(self)

    def _get_devnull(self):
        if not hasattr(self, '_devnull'):
            self._devnull = os.open(os.devnull, os.O_RDWR)
        return self._devnull

    def _get_handles(self, stdin, stdout, stderr):
        """The six descriptors: (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)."""
        p2cread, p2cwrite = -1, -1
        c2pread, c2pwrite = -1, -1
        errread, errwrite = -1, -1

        if stdin is None:
            pass
        elif stdin == PIPE:
            p2cread, p2cwrite = os.pipe()
        elif stdin == DEVNULL:
            p2cread = self._get_devnull()
        elif isinstance(stdin, int):
            p2cread = stdin
        else:
            p2cread = stdin.fileno()

        if stdout is None:
            pass
        elif stdout == PIPE:
            c2pread, c2pwrite = os.pipe()
        elif stdout == DEVNULL:
            c2pwrite = self._get_devnull()
        elif isinstance(stdout, int):
            c2pwrite = stdout
        else:
            c2pwrite = stdout.fileno()

        if stderr is None:
            pass
        elif stderr == PIPE:
            errread, errwrite = os.pipe()
        elif stderr == STDOUT:
            if c2pwrite != -1:
                errwrite = c2pwrite
            else:
                errwrite = sys.__stdout__.fileno()
        elif stderr == DEVNULL:
            errwrite = self._get_devnull()
        elif isinstance(stderr, int):
            errwrite = stderr
        else:
            errwrite = stderr.fileno()

        return (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _close_pipe_fds(self, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite):
        devnull = getattr(self, '_devnull', None)
        try:
            if p2cread != -1 and p2cwrite != -1 and p2cread != devnull:
                os.close(p2cread)
            if c2pwrite != -1 and c2pread != -1 and c2pwrite != devnull:
                os.close(c2pwrite)
            if errwrite != -1 and errread != -1 and errwrite != devnull:
                os.close(errwrite)
            if devnull is not None:
                os.close(devnull)
        finally:
            self._closed_child_pipe_fds = True

    def _execute_child(self, args, executable, preexec_fn, close_fds, pass_fds, cwd, env, shell,
                       p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                       restore_signals, start_new_session, process_group, umask):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif hasattr(args, '__fspath__'):
            if shell:
                raise TypeError('path-like args is not allowed when shell is true')
            args = [args]
        else:
            args = list(args)

        if shell:
            unix_shell = '/bin/sh'
            args = [unix_shell, "-c"] + args
            if executable:
                args[0] = executable

        if executable is None:
            executable = args[0]
        orig_executable = executable
        if cwd is not None:
            cwd = os.fsdecode(os.fspath(cwd))
        if process_group is None:
            process_group = -1

        errpipe_read, errpipe_write = os.pipe()
        # The child's standard descriptors are 0-2: keep the error pipe above them.
        low_fds_to_close = []
        while errpipe_write < 3:
            low_fds_to_close.append(errpipe_write)
            errpipe_write = os.dup(errpipe_write)
        for low_fd in low_fds_to_close:
            os.close(low_fd)
        try:
            try:
                if env is not None:
                    env_list = []
                    for k, v in env.items():
                        k = os.fsencode(k)
                        if b'=' in k:
                            raise ValueError("illegal environment variable name")
                        env_list.append(k + b'=' + os.fsencode(v))
                else:
                    env_list = None
                executable = os.fsencode(executable)
                if os.path.dirname(os.fsdecode(executable)):
                    executable_list = (executable,)
                else:
                    executable_list = tuple(
                        os.fsencode(os.path.join(d, os.fsdecode(executable)))
                        for d in _get_exec_path(env))
                fds_to_keep = set(pass_fds)
                spawn = _posixsubprocess.fork_exec if preexec_fn is None else _fork_exec_python
                extra = () if preexec_fn is None else (preexec_fn,)
                self.pid = spawn(
                    args, executable_list, close_fds, tuple(sorted(map(int, fds_to_keep))),
                    cwd, env_list, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                    errpipe_read, errpipe_write, restore_signals, start_new_session,
                    process_group, umask, *extra)
                self._child_created = True
            finally:
                os.close(errpipe_write)

            self._close_pipe_fds(p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

            # Wait for exec to succeed (end of file) or for the child's error report.
            errpipe_data = bytearray()
            while True:
                part = os.read(errpipe_read, 50000)
                errpipe_data += part
                if not part or len(errpipe_data) > 50000:
                    break
        finally:
            os.close(errpipe_read)

        if errpipe_data:
            try:
                pid, sts = os.waitpid(self.pid, 0)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
                else:
                    self.returncode = sys.maxsize
            except ChildProcessError:
                pass
            try:
                exception_name, hex_errno, err_msg = bytes(errpipe_data).split(b':', 2)
                err_msg = err_msg.decode()
            except ValueError:
                exception_name = b'SubprocessError'
                hex_errno = b'0'
                err_msg = 'Bad exception data from child: {!r}'.format(bytes(errpipe_data))
            child_exception_type = getattr(builtins, exception_name.decode('ascii'),
                                           SubprocessError)
            if issubclass(child_exception_type, OSError) and hex_errno:
                errno_num = int(hex_errno, 16)
                if err_msg == "noexec:chdir":
                    err_msg = ""
                    err_filename = cwd
                elif err_msg == "noexec":
                    err_msg = ""
                    err_filename = None
                else:
                    err_filename = orig_executable
                if errno_num != 0:
                    err_msg = os.strerror(errno_num)
                if err_filename is not None:
                    raise child_exception_type(errno_num, err_msg, err_filename)
                raise child_exception_type(errno_num, err_msg)
            raise child_exception_type(err_msg)

    def _handle_exitstatus(self, sts):
        if os.WIFSTOPPED(sts):
            self.returncode = -os.WSTOPSIG(sts)
        else:
            self.returncode = os.waitstatus_to_exitcode(sts)

    def _internal_poll(self, _deadstate=None):
        if self.returncode is None:
            if not self._waitpid_lock.acquire(False):
                return None
            try:
                if self.returncode is not None:
                    return self.returncode
                pid, sts = os.waitpid(self.pid, os.WNOHANG)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
            except OSError as e:
                if _deadstate is not None:
                    self.returncode = _deadstate
                elif e.errno == errno.ECHILD:
                    self.returncode = 0
            finally:
                self._waitpid_lock.release()
        return self.returncode

    def poll(self):
        """The exit status if the process has ended (setting returncode), else None."""
        return self._internal_poll()

    def _try_wait(self, wait_flags):
        try:
            (pid, sts) = os.waitpid(self.pid, wait_flags)
        except ChildProcessError:
            pid = self.pid
            sts = 0
        return (pid, sts)

    def _remaining_time(self, endtime):
        if endtime is None:
            return None
        return endtime - _time()

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        if timeout is not None:
            endtime = _time() + timeout
            delay = 0.0005
            while True:
                if self._waitpid_lock.acquire(False):
                    try:
                        if self.returncode is not None:
                            break
                        (pid, sts) = self._try_wait(os.WNOHANG)
                        if pid == self.pid:
                            self._handle_exitstatus(sts)
                            break
                    finally:
                        self._waitpid_lock.release()
                remaining = self._remaining_time(endtime)
                if remaining <= 0:
                    raise TimeoutExpired(self.args, timeout)
                delay = min(delay * 2, remaining, .05)
                time.sleep(delay)
        else:
            while self.returncode is None:
                with self._waitpid_lock:
                    if self.returncode is not None:
                        break
                    (pid, sts) = self._try_wait(0)
                    if pid == self.pid:
                        self._handle_exitstatus(sts)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the process to end (TimeoutExpired after timeout seconds); the exit status."""
        if timeout is not None:
            endtime = _time() + timeout
        try:
            return self._wait(timeout=timeout)
        except KeyboardInterrupt:
            # Give the child (which got the same SIGINT) a moment to exit, then re-raise.
            if timeout is not None:
                sigint_timeout = min(self._sigint_wait_secs, self._remaining_time(endtime))
            else:
                sigint_timeout = self._sigint_wait_secs
            self._sigint_wait_secs = 0
            try:
                self._wait(timeout=sigint_timeout)
            except TimeoutExpired:
                pass
            raise

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
            except OSError as exc:
                if exc.errno != errno.EINVAL:
                    raise
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass
        except OSError as exc:
            if exc.errno != errno.EINVAL:
                raise

    def communicate(self, input=None, timeout=None):
        """Send input (if any) to stdin and close it, read stdout and stderr to the end, wait
        for the process; return (stdout_data, stderr_data)."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")

        if (timeout is None and not self._communication_started and
                [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            stdout = None
            stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
        else:
            if timeout is not None:
                endtime = _time() + timeout
            else:
                endtime = None
            try:
                stdout, stderr = self._communicate(input, endtime, timeout)
            except KeyboardInterrupt:
                if timeout is not None:
                    sigint_timeout = min(self._sigint_wait_secs, self._remaining_time(endtime))
                else:
                    sigint_timeout = self._sigint_wait_secs
                self._sigint_wait_secs = 0
                try:
                    self._wait(timeout=sigint_timeout)
                except TimeoutExpired:
                    pass
                raise
            finally:
                self._communication_started = True
            self.wait(timeout=self._remaining_time(endtime))
        return (stdout, stderr)

    def _check_timeout(self, endtime, orig_timeout, stdout_seq, stderr_seq,
                       skip_check_and_raise=False):
        if endtime is None:
            return
        if skip_check_and_raise or _time() > endtime:
            raise TimeoutExpired(self.args, orig_timeout,
                                 output=b''.join(stdout_seq) if stdout_seq else None,
                                 stderr=b''.join(stderr_seq) if stderr_seq else None)

    def _save_input(self, input):
        if self.stdin and self._input is None:
            self._input_offset = 0
            self._input = input
            if input is not None and self.text_mode:
                self._input = self._input.encode(self.stdin.encoding, self.stdin.errors)

    def _communicate(self, input, endtime, orig_timeout):
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass

        stdout = None
        stderr = None
        if not self._communication_started:
            self._fileobj2output = {}
            if self.stdout:
                self._fileobj2output[self.stdout] = []
            if self.stderr:
                self._fileobj2output[self.stderr] = []
        if self.stdout:
            stdout = self._fileobj2output[self.stdout]
        if self.stderr:
            stderr = self._fileobj2output[self.stderr]

        self._save_input(input)
        if self._input is not None and not isinstance(self._input, (bytes, bytearray)):
            self._input = bytes(self._input)

        poller = select.poll()
        by_fd = {}

        def register(f, events):
            fd = f.fileno()
            by_fd[fd] = f
            poller.register(fd, events)

        def unregister_and_close(fd):
            poller.unregister(fd)
            f = by_fd.pop(fd)
            f.close()

        if self.stdin and input and not self.stdin.closed:
            register(self.stdin, select.POLLOUT)
        if self.stdout and not self.stdout.closed:
            register(self.stdout, select.POLLIN)
        if self.stderr and not self.stderr.closed:
            register(self.stderr, select.POLLIN)

        while by_fd:
            timeout = self._remaining_time(endtime)
            if timeout is not None and timeout < 0:
                self._check_timeout(endtime, orig_timeout, stdout, stderr,
                                    skip_check_and_raise=True)
            ready = poller.poll(None if timeout is None else timeout * 1000)
            self._check_timeout(endtime, orig_timeout, stdout, stderr)
            for fd, events in ready:
                f = by_fd.get(fd)
                if f is None:
                    continue
                if f is self.stdin:
                    chunk = self._input[self._input_offset:self._input_offset + _PIPE_BUF]
                    try:
                        self._input_offset += os.write(fd, chunk)
                    except BrokenPipeError:
                        unregister_and_close(fd)
                    else:
                        if self._input_offset >= len(self._input):
                            unregister_and_close(fd)
                else:
                    data = os.read(fd, _READ_SIZE)
                    if not data:
                        unregister_and_close(fd)
                    self._fileobj2output[f].append(data)

        self.wait(timeout=self._remaining_time(endtime))

        if stdout is not None:
            stdout = b''.join(stdout)
        if stderr is not None:
            stderr = b''.join(stderr)
        if self.text_mode:
            if stdout is not None:
                stdout = self._translate_newlines(stdout, self.stdout.encoding, self.stdout.errors)
            if stderr is not None:
                stderr = self._translate_newlines(stderr, self.stderr.encoding, self.stderr.errors)
        return (stdout, stderr)

    def _translate_newlines(self, data, encoding, errors):
        data = data.decode(encoding, errors)
        return data.replace("\r\n", "\n").replace("\r", "\n")

    def send_signal(self, sig):
        """Send signal sig to the process (nothing if it has been waited for)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        """SIGTERM the process."""
        self.send_signal(signal.SIGTERM)

    def kill(self):
        """SIGKILL the process."""
        self.send_signal(signal.SIGKILL)

"""Starting a child with os.fork(): the child is a copy of this process and runs the
Process object's _bootstrap() directly."""

import os
import signal

from . import util

__all__ = ['Popen']


class Popen:
    """The parent's handle on one child process."""
    method = 'fork'

    def __init__(self, process_obj):
        util._flush_std_streams()
        self.returncode = None
        self.finalizer = None
        self._launch(process_obj)

    def duplicate_for_child(self, fd):
        return fd

    def poll(self, flag=os.WNOHANG):
        """The exit code, or None if the child is still running (flag=0: wait for it)."""
        if self.returncode is None:
            try:
                pid, sts = os.waitpid(self.pid, flag)
            except OSError:
                # reaped elsewhere (or never ours): nothing more to learn
                return None
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(sts)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the child to end (at most timeout seconds); its exit code or None."""
        if self.returncode is None:
            if timeout is not None:
                from .connection import wait
                if not wait([self.sentinel], timeout):
                    return None
            return self.poll(os.WNOHANG if timeout == 0.0 else 0)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def terminate(self):
        self._send_signal(signal.SIGTERM)

    def kill(self):
        self._send_signal(signal.SIGKILL)

    def _launch(self, process_obj):
        # sentinel: the child holds the write end until it exits; parent_w: the child sees
        # end of file on child_r when the parent is gone
        parent_r, child_w = os.pipe()
        child_r, parent_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            code = 1
            try:
                os.close(parent_r)
                os.close(parent_w)
                code = process_obj._bootstrap(parent_sentinel=child_r)
            finally:
                os._exit(code)
        os.close(child_w)
        os.close(child_r)
        self.sentinel = parent_r
        self._fds = [parent_r, parent_w]

    def close(self):
        fds, self._fds = getattr(self, '_fds', []), []
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass

    def __del__(self):
        # an unreaped child of a dropped handle is reaped if it has already ended
        try:
            if self.returncode is None and getattr(self, 'pid', None):
                self.poll()
            self.close()
        except Exception:
            pass

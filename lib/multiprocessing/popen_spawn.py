"""Starting a child with the spawn method: a new interpreter (see spawn.py). The parent
pickles the preparation data and the Process object (objects shared by inheritance — locks,
shared memory, connections — add their descriptors to the ones the child keeps), starts the
child with os._spawnv_passfds, and sends it the data over a pipe (length-prefixed)."""

import io
import os

from . import context
from . import popen_fork
from . import reduction
from . import spawn
from . import util

__all__ = ['Popen']


class Popen(popen_fork.Popen):
    method = 'spawn'

    def duplicate_for_child(self, fd):
        self._extra_fds.append(fd)
        return fd

    def _launch(self, process_obj):
        self._extra_fds = []
        prep_data = spawn.get_preparation_data(process_obj._name)
        buf = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            context.set_spawning_popen(None)
        data = buf.getvalue()

        parent_r, child_w = os.pipe()
        child_r, parent_w = os.pipe()
        try:
            cmd = spawn.get_command_line(pipe_handle=child_r)
            self.pid = util.spawnv_passfds(spawn.get_executable(), cmd,
                                           [child_r, child_w] + self._extra_fds)
        except BaseException:
            for fd in (parent_r, child_w, child_r, parent_w):
                os.close(fd)
            raise
        os.close(child_r)
        os.close(child_w)
        self.sentinel = parent_r
        # parent_w stays open while this handle lives: the child sees end of file on its
        # end when the parent is gone (its parent_process() sentinel)
        self._fds = [parent_r, parent_w]
        try:
            payload = len(data).to_bytes(8, 'big') + data
            done = 0
            while done < len(payload):
                done += os.write(parent_w, payload[done:])
        except BrokenPipeError:
            # the child died before reading: its exit code tells the rest
            pass

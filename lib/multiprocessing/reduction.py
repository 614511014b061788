"""Pickling for multiprocessing: a Pickler with extra reducers registered per type.

Objects that only make sense inside one process tree (locks, semaphores, shared memory,
connections) are pickled as a descriptor number that the child inherits: they can only be
pickled while a child is being spawned (see context.get_spawning_popen), as in CPython where
they are "shared through inheritance"."""

import copyreg
import io
import pickle

from . import context

__all__ = ['send_handle', 'recv_handle', 'ForkingPickler', 'register', 'dump', 'dumps',
           'loads', 'DupFd', 'AbstractReducer']

HAVE_SEND_HANDLE = False


class ForkingPickler(pickle.Pickler):
    """pickle.Pickler that also knows the reducers given to register()."""
    _extra_reducers = {}
    _copyreg_dispatch_table = copyreg.dispatch_table

    def __init__(self, *args, **kwargs):
        table = self._copyreg_dispatch_table.copy()
        table.update(self._extra_reducers)
        self.dispatch_table = table
        super().__init__(*args, **kwargs)

    @classmethod
    def register(cls, type, reduce):
        """Pickle instances of `type` with `reduce(obj)`."""
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        return buf.getvalue()

    loads = staticmethod(pickle.loads)


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    ForkingPickler(file, protocol).dump(obj)


dumps = ForkingPickler.dumps
loads = pickle.loads


def DupFd(fd):
    """A descriptor that a child being spawned inherits (at the same number)."""
    popen = context.get_spawning_popen()
    if popen is None:
        raise RuntimeError('a file descriptor can only be passed to a child process while '
                           'it is being started (Spindle has no descriptor passing between '
                           'running processes)')
    return popen.duplicate_for_child(fd)


def send_handle(conn, handle, destination_pid):
    raise NotImplementedError('multiprocessing.reduction.send_handle: Spindle cannot pass '
                              'descriptors between running processes')


def recv_handle(conn):
    raise NotImplementedError('multiprocessing.reduction.recv_handle: Spindle cannot pass '
                              'descriptors between running processes')


class AbstractReducer:
    """What context.reducer holds: the pickling functions multiprocessing uses."""
    ForkingPickler = ForkingPickler
    register = register
    dump = dump
    send_handle = send_handle
    recv_handle = recv_handle
    DupFd = DupFd

    def __init__(self, *args):
        pass

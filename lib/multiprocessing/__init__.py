"""multiprocessing: process-based parallelism, with the threading module's API.

Written for Spindle (CPython 3.11 is the behaviour reference). Each process has its own
interpreter and its own GIL: CPU-bound work spreads over cores. Children are started by
'fork' (the default, as CPython on Linux) or 'spawn' (a fresh interpreter importing the main
script as __mp_main__); see context.py. Parent and children talk over pipes with
length-prefixed pickles; locks, semaphores and shared memory are process-shared futexes and
memory in memfd mappings (the native _multiprocessing module).

Not available yet: Manager (and managers), forkserver, Listener/Client (no sockets),
get_logger/log_to_stderr (no logging module)."""

import sys

from . import context

__all__ = ['Array', 'AuthenticationError', 'Barrier', 'BoundedSemaphore', 'BufferTooShort',
           'Condition', 'Event', 'JoinableQueue', 'Lock', 'Manager', 'Pipe', 'Pool', 'Process',
           'ProcessError', 'Queue', 'RLock', 'RawArray', 'RawValue', 'Semaphore', 'SimpleQueue',
           'TimeoutError', 'Value', 'active_children', 'allow_connection_pickling',
           'cpu_count', 'current_process', 'freeze_support', 'get_all_start_methods',
           'get_context', 'get_logger', 'get_start_method', 'log_to_stderr', 'parent_process',
           'reducer', 'set_executable', 'set_forkserver_preload', 'set_start_method']

_ctx = context._default_context

Process = context.Process
ProcessError = context.ProcessError
BufferTooShort = context.BufferTooShort
TimeoutError = context.TimeoutError
AuthenticationError = context.AuthenticationError

current_process = _ctx.current_process
parent_process = _ctx.parent_process
active_children = _ctx.active_children
cpu_count = _ctx.cpu_count
Manager = _ctx.Manager
Pipe = _ctx.Pipe
Lock = _ctx.Lock
RLock = _ctx.RLock
Condition = _ctx.Condition
Semaphore = _ctx.Semaphore
BoundedSemaphore = _ctx.BoundedSemaphore
Event = _ctx.Event
Barrier = _ctx.Barrier
Queue = _ctx.Queue
JoinableQueue = _ctx.JoinableQueue
SimpleQueue = _ctx.SimpleQueue
Pool = _ctx.Pool
RawValue = _ctx.RawValue
RawArray = _ctx.RawArray
Value = _ctx.Value
Array = _ctx.Array
freeze_support = _ctx.freeze_support
get_logger = _ctx.get_logger
log_to_stderr = _ctx.log_to_stderr
allow_connection_pickling = _ctx.allow_connection_pickling
set_executable = _ctx.set_executable
set_forkserver_preload = _ctx.set_forkserver_preload
get_context = _ctx.get_context
get_start_method = _ctx.get_start_method
set_start_method = _ctx.set_start_method
get_all_start_methods = _ctx.get_all_start_methods


def __getattr__(name):
    if name == 'reducer':
        return _ctx.reducer
    raise AttributeError("module 'multiprocessing' has no attribute %r" % name)


SUBDEBUG = 5
SUBWARNING = 25

sys.modules.setdefault('__mp_main__', sys.modules.get('__main__'))

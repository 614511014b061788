"""Coroutine helpers (iscoroutine, iscoroutinefunction, the repr used by tasks)."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

import inspect
import types

_is_coroutine = object()


def iscoroutinefunction(func):
    """Return True if func is a decorated coroutine function."""
    return (inspect.iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


_iscoroutine_typecache = set()


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    if type(obj) in _iscoroutine_typecache:
        return True
    import collections.abc
    if isinstance(obj, (types.CoroutineType, collections.abc.Coroutine)):
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(type(obj))
        return True
    return False


def _format_coroutine(coro):
    def get_name(coro):
        if getattr(coro, '__qualname__', None):
            coro_name = coro.__qualname__
        elif getattr(coro, '__name__', None):
            coro_name = coro.__name__
        else:
            coro_name = f'<{type(coro).__name__} without __name__>'
        return f'{coro_name}()'

    def is_running(coro):
        try:
            return coro.cr_running
        except AttributeError:
            try:
                return coro.gi_running
            except AttributeError:
                return False

    coro_code = None
    if getattr(coro, 'cr_code', None):
        coro_code = coro.cr_code
    elif getattr(coro, 'gi_code', None):
        coro_code = coro.gi_code
    coro_name = get_name(coro)
    if not coro_code:
        if is_running(coro):
            return f'{coro_name} running'
        return coro_name
    coro_frame = None
    if getattr(coro, 'gi_frame', None):
        coro_frame = coro.gi_frame
    elif getattr(coro, 'cr_frame', None):
        coro_frame = coro.cr_frame
    filename = coro_code.co_filename or '<empty co_filename>'
    if coro_frame is not None:
        return f'{coro_name} running at {filename}:{coro_frame.f_lineno}'
    return f'{coro_name} done, defined at {filename}:{coro_code.co_firstlineno}'

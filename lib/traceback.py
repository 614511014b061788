"""traceback: format and print exceptions the way the interpreter does.

Formatting is done by the runtime (`_traceback`), so the text is exactly what an uncaught
exception prints (CPython 3.11's format).  Frame-level access (extract_tb, walk_tb,
StackSummary, FrameSummary) is not provided: Spindle's traceback objects do not expose frames
to Python yet, and those functions raise NotImplementedError."""

import sys
import _traceback

__all__ = ['format_exception', 'format_exception_only', 'format_exc', 'print_exc',
           'print_exception', 'print_last', 'format_tb', 'print_tb', 'extract_tb',
           'extract_stack', 'format_stack', 'print_stack', 'walk_tb', 'walk_stack']

_sentinel = object()


def _exc_of(exc, value, tb):
    if value is _sentinel:
        if isinstance(exc, type):
            raise TypeError('print_exception() missing value of exception type %s'
                            % exc.__name__)
        return exc
    if value is None:
        return None
    if tb is not _sentinel and tb is not None and tb is not value.__traceback__:
        value = value.with_traceback(tb)
    return value


def _lines(text):
    """Split a report into CPython's pieces: one per frame entry (its "File" line with the
    source and caret lines under it), the chaining messages with their blank lines, and the
    other lines one by one."""
    out = []
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('  File '):
            j = i + 1
            while j < len(lines) and lines[j].startswith('    '):
                j += 1
            out.append(''.join(lines[i:j]))
            i = j
        elif line == '\n' and i + 2 < len(lines) and lines[i + 2] == '\n':
            out.append(''.join(lines[i:i + 3]))
            i += 3
        else:
            out.append(line)
            i += 1
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines (each ending in a newline) that print_exception would write."""
    exc = _exc_of(exc, value, tb)
    if exc is None:
        return ['NoneType: None\n']
    if limit is not None:
        raise NotImplementedError('traceback: limit= is not supported by Spindle yet')
    if not chain:
        cause, context = exc.__cause__, exc.__context__
        exc.__cause__ = None
        exc.__context__ = None
        try:
            return _lines(_traceback.format_exception(exc))
        finally:
            exc.__cause__, exc.__context__ = cause, context
    return _lines(_traceback.format_exception(exc))


def format_exception_only(exc, /, value=_sentinel):
    """The final line(s) of a report: 'Type: message\\n'."""
    if value is not _sentinel:
        exc = value
    if exc is None:
        return ['NoneType: None\n']
    return _lines(_traceback.format_exception_only(exc))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print the report of an exception to file (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        file.write(line)


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as one string."""
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the report of the exception being handled."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_value'):
        raise ValueError('no last exception')
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def _no_frames(name):
    def f(*args, **kwargs):
        raise NotImplementedError('traceback.%s: Spindle does not expose frames to Python yet'
                                  % name)
    f.__name__ = name
    return f


format_tb = _no_frames('format_tb')
print_tb = _no_frames('print_tb')
extract_tb = _no_frames('extract_tb')
extract_stack = _no_frames('extract_stack')
format_stack = _no_frames('format_stack')
print_stack = _no_frames('print_stack')
walk_tb = _no_frames('walk_tb')
walk_stack = _no_frames('walk_stack')

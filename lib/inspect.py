"""A subset of inspect for Spindle: type predicates, members, generator state,
docstrings and frames.

Written for Spindle from the documented behaviour of CPython 3.11's inspect.
Signatures, source retrieval and stack summaries are not provided.
"""

import sys as _sys
import types as _types

__all__ = [
    'isclass', 'ismodule', 'isfunction', 'ismethod', 'isgeneratorfunction', 'isgenerator',
    'isbuiltin', 'isroutine', 'iscode', 'isframe', 'istraceback', 'isabstract',
    'ismethoddescriptor', 'isdatadescriptor', 'getmembers', 'getmro', 'getdoc', 'cleandoc',
    'getgeneratorstate', 'getgeneratorlocals', 'currentframe', 'getattr_static',
    'GEN_CREATED', 'GEN_RUNNING', 'GEN_SUSPENDED', 'GEN_CLOSED',
    'CO_VARARGS', 'CO_VARKEYWORDS', 'CO_NESTED', 'CO_GENERATOR',
    'CO_COROUTINE', 'CO_ITERABLE_COROUTINE', 'CO_ASYNC_GENERATOR',
    'iscoroutinefunction', 'iscoroutine', 'isawaitable', 'isasyncgenfunction', 'isasyncgen',
    'getcoroutinestate', 'getcoroutinelocals',
    'CORO_CREATED', 'CORO_RUNNING', 'CORO_SUSPENDED', 'CORO_CLOSED',
]

CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def ismodule(object):
    """Return true if the object is a module."""
    return isinstance(object, _types.ModuleType)


def isclass(object):
    """Return true if the object is a class."""
    return isinstance(object, type)


def ismethod(object):
    """Return true if the object is an instance method."""
    return isinstance(object, _types.MethodType)


def isfunction(object):
    """Return true if the object is a user-defined function."""
    return isinstance(object, _types.FunctionType)


def isgeneratorfunction(obj):
    """Return true if the object is a user-defined generator function."""
    while ismethod(obj):
        obj = obj.__func__
    return isfunction(obj) and bool(obj.__code__.co_flags & CO_GENERATOR)


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    try:
        import functools
        while isinstance(f, functools.partial):
            f = f.func
    except ImportError:
        pass
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def iscoroutinefunction(obj):
    """Return true if the object is a coroutine function."""
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    """Return true if the object is an asynchronous generator function."""
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def iscoroutine(object):
    """Return true if the object is a coroutine."""
    return isinstance(object, _types.CoroutineType)


def isasyncgen(object):
    """Return true if the object is an asynchronous generator."""
    return isinstance(object, _types.AsyncGeneratorType)


def isawaitable(object):
    """Return true if object can be passed to an ``await`` expression."""
    if isinstance(object, _types.CoroutineType):
        return True
    if isinstance(object, _types.GeneratorType):
        from _coro import is_iterable_coroutine
        return is_iterable_coroutine(object)
    import collections.abc
    return isinstance(object, collections.abc.Awaitable)


CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def getcoroutinestate(coroutine):
    """Get current state of a coroutine object."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getcoroutinelocals(coroutine):
    """Get the mapping of coroutine local variables to their current values."""
    frame = getattr(coroutine, "cr_frame", None)
    if frame is not None:
        return frame.f_locals
    return {}


def isgenerator(object):
    """Return true if the object is a generator."""
    return isinstance(object, _types.GeneratorType)


def iscode(object):
    """Return true if the object is a code object."""
    return isinstance(object, _types.CodeType)


def isframe(object):
    """Return true if the object is a frame object."""
    return type(object).__name__ == 'frame' and type(object).__module__ == 'builtins'


def istraceback(object):
    """Return true if the object is a traceback."""
    return isinstance(object, _types.TracebackType)


def isbuiltin(object):
    """Return true if the object is a built-in function or method."""
    return isinstance(object, _types.BuiltinFunctionType)


def ismethoddescriptor(object):
    """Return true if the object is a method descriptor (has __get__ but not __set__)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__get__') and not hasattr(tp, '__set__')


def isdatadescriptor(object):
    """Return true if the object is a data descriptor (has __set__ or __delete__)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__set__') or hasattr(tp, '__delete__')


def isroutine(object):
    """Return true if the object is any kind of function or method."""
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def isabstract(object):
    """Return true if the object is an abstract base class (ABC)."""
    return bool(isinstance(object, type) and getattr(object, '__abstractmethods__', ()))


def getmro(cls):
    """Return tuple of base classes (including cls) in method resolution order."""
    return cls.__mro__


def getmembers(object, predicate=None):
    """Return all members of an object as (name, value) pairs sorted by name.
    Optionally, only return members that satisfy a given predicate."""
    results = []
    processed = set()
    names = dir(object)
    mro = getmro(object) if isclass(object) else ()
    for key in names:
        try:
            value = getattr(object, key)
            if key in processed:
                raise AttributeError
        except AttributeError:
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    break
            else:
                continue
        if not predicate or predicate(value):
            results.append((key, value))
        processed.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def cleandoc(doc):
    """Clean up indentation from docstrings.

    Any whitespace that can be uniformly removed from the second line
    onwards is removed."""
    try:
        lines = doc.expandtabs().split('\n')
    except UnicodeError:
        return None
    margin = _sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < _sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(object):
    """Get the documentation string for an object, cleaned up with cleandoc()."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getgeneratorstate(generator):
    """Get current state of a generator-iterator.

    Possible states are:
      GEN_CREATED: Waiting to start execution.
      GEN_RUNNING: Currently being executed by the interpreter.
      GEN_SUSPENDED: Currently suspended at a yield expression.
      GEN_CLOSED: Execution has completed.
    """
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getgeneratorlocals(generator):
    """Get the mapping of generator local variables to their current values."""
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, 'gi_frame', None)
    if frame is not None:
        return generator.gi_frame.f_locals
    return {}


def currentframe():
    """Return the frame of the caller."""
    return _sys._getframe(1)


_sentinel = object()


def getattr_static(obj, attr, default=_sentinel):
    """Retrieve attributes without triggering dynamic lookup via the
    descriptor protocol, __getattr__ or __getattribute__."""
    instance_result = _sentinel
    if not isinstance(obj, type):
        try:
            instance_dict = object.__getattribute__(obj, '__dict__')
        except AttributeError:
            pass
        else:
            instance_result = instance_dict.get(attr, _sentinel)
        klass = type(obj)
    else:
        klass = obj
    for entry in klass.__mro__:
        d = entry.__dict__
        if attr in d:
            klass_result = d[attr]
            break
    else:
        klass_result = _sentinel
    if instance_result is not _sentinel and klass_result is not _sentinel:
        if isdatadescriptor(klass_result):
            return klass_result
    if instance_result is not _sentinel:
        return instance_result
    if klass_result is not _sentinel:
        return klass_result
    if isinstance(obj, type):
        for entry in type(obj).__mro__:
            if attr in entry.__dict__:
                return entry.__dict__[attr]
    if default is not _sentinel:
        return default
    raise AttributeError(attr)

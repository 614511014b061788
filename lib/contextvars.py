"""contextvars: context variables (Spindle's own implementation of CPython 3.11's module).

Each thread has its own current Context (a new thread starts with an empty one).  A Context
is a snapshot mapping from ContextVar to value: ContextVar.set replaces the current context's
mapping by an updated copy, so copies made by copy_context() never change."""

import _thread
from types import GenericAlias

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_state = _thread._local()


def _current():
    ctx = getattr(_state, 'context', None)
    if ctx is None:
        ctx = _state.context = Context()
    return ctx


class Context:
    """A mapping of context variables to their values; run() executes code in it."""

    __slots__ = ('_data', '_prev', '_entered')

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.Context' is not an acceptable base type")

    def run(self, callable, /, *args, **kwargs):
        """Call callable(*args, **kwargs) with this context as the current one."""
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self} is already entered')
        self._prev = _current()
        self._entered = True
        _state.context = self
        try:
            return callable(*args, **kwargs)
        finally:
            _state.context = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    @staticmethod
    def _check(key):
        if not isinstance(key, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {key!r}")

    def __getitem__(self, var):
        self._check(var)
        try:
            return self._data[var]
        except KeyError:
            raise KeyError(var) from None

    def get(self, var, default=None):
        self._check(var)
        return self._data.get(var, default)

    def __contains__(self, var):
        self._check(var)
        return var in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def copy_context():
    """A copy of the current thread's current Context."""
    return _current().copy()


_NO_DEFAULT = object()


class ContextVar:
    """A variable whose value depends on the current Context."""

    __slots__ = ('_name', '_default', '__weakref__')

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        """The value in the current context, else the default given here, else the
        variable's default; LookupError if none."""
        if len(args) > 1:
            raise TypeError(f'get expected at most 1 argument, got {len(args)}')
        data = _current()._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        """Set the value in the current context; returns a Token for reset()."""
        ctx = _current()
        data = ctx._data
        token = Token(ctx, self, data.get(self, Token.MISSING))
        new = dict(data)
        new[self] = value
        ctx._data = new
        return token

    def reset(self, token):
        """Restore the value the variable had before the set() that returned token."""
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {type(token).__name__!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        new = dict(ctx._data)
        if token._old is Token.MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old
        ctx._data = new
        token._used = True

    def __hash__(self):
        return object.__hash__(self)

    def __repr__(self):
        default = ''
        if self._default is not _NO_DEFAULT:
            default = f' default={self._default!r}'
        return f"<ContextVar name={self._name!r}{default} at 0x{id(self):x}>"

    __class_getitem__ = classmethod(GenericAlias)


class _Missing:
    def __repr__(self):
        return '<Token.MISSING>'


class Token:
    """What ContextVar.set returns: the variable and its previous value."""

    __slots__ = ('_ctx', '_var', '_old', '_used')

    MISSING = _Missing()

    def __init__(self, ctx, var, old):
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.Token' is not an acceptable base type")

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = ' used' if self._used else ''
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"

    __class_getitem__ = classmethod(GenericAlias)


# CPython's types live in the C module _contextvars (their reprs and messages show it).
for _cls in (Context, ContextVar, Token):
    _cls.__module__ = '_contextvars'
del _cls

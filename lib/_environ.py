"""`os.environ` for Spindle: a mapping of the process environment whose changes
are passed on to the C library (putenv/unsetenv), so child processes see them,
as CPython's os._Environ does. The `os` module (written in Rust) builds it with
`make(putenv, unsetenv, initial)` and takes `getenv` from here."""


class _Environ:
    def __init__(self, data, putenv, unsetenv):
        self._data = data
        self._putenv = putenv
        self._unsetenv = unsetenv

    @staticmethod
    def _check(value, what):
        if not isinstance(value, str):
            raise TypeError('str expected, not %s' % type(value).__name__)
        return value

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        self._check(key, 'key')
        self._check(value, 'value')
        self._putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        self._check(key, 'key')
        self._unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __repr__(self):
        return 'environ({%s})' % ', '.join('%r: %r' % (k, v) for k, v in self._data.items())

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    __hash__ = None

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self[key]

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        if not self._data:
            raise KeyError('popitem(): environ is empty')
        key = next(reversed(list(self._data)))
        value = self._data[key]
        del self[key]
        return key, value

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self._data)
        return new


def make(putenv, unsetenv, initial):
    """The environ mapping and the getenv function over it."""
    environ = _Environ(initial, putenv, unsetenv)

    def getenv(key, default=None):
        """Get an environment variable, return None if it doesn't exist.
        The optional second argument can specify an alternate default."""
        return environ.get(key, default)

    getenv.__module__ = 'os'
    return environ, getenv

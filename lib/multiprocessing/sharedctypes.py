"""Values and arrays in memory shared between processes: RawValue, RawArray, and Value,
Array (the same wrapped with a lock).

Spindle has no ctypes: types are given as `array`-style type codes ('i', 'd', 'c', ...); the
objects print like the ctypes objects CPython would make (c_int(5), ...). Passing a ctypes
type raises TypeError. The memory is a _multiprocessing.SharedMemory block per object,
inherited by forked children and passed to spawned ones while they start."""

import _multiprocessing

from . import context

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

_ctype_names = {
    'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short',
    'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong',
    'q': 'c_long', 'Q': 'c_ulong', 'f': 'c_float', 'd': 'c_double', '?': 'c_bool',
}

_zero = {'c': b'\x00', 'u': '\x00', '?': False, 'f': 0.0, 'd': 0.0}


def _typecode(typecode_or_type):
    if isinstance(typecode_or_type, str):
        if typecode_or_type not in _ctype_names:
            raise TypeError('bad typecode (must be one of %s): %r'
                            % (', '.join(sorted(_ctype_names)), typecode_or_type))
        return typecode_or_type
    raise TypeError('Spindle has no ctypes: give a type code such as "i" or "d", not %r'
                    % (typecode_or_type,))


class _Shared:
    """Common base: a shared block holding `length` items of one type code."""

    def __init__(self, code, length, shm=None):
        self._code = code
        self._size = _multiprocessing.typecode_size(code)
        self._length = length
        self._shm = shm if shm is not None else \
            _multiprocessing.SharedMemory(max(1, self._size * length))

    def __reduce__(self):
        context.assert_spawning(self)
        fd = context.get_spawning_popen().duplicate_for_child(self._shm.handle)
        return _rebuild_shared, (type(self), self._code, self._length, fd, self._shm.size)

    def _get(self, i):
        return self._shm.get(self._code, i * self._size)

    def _set(self, i, value):
        if self._code == 'c' and isinstance(value, int):
            value = bytes([value])
        self._shm.set(self._code, i * self._size, value)


def _rebuild_shared(cls, code, length, fd, size):
    obj = cls.__new__(cls)
    _Shared.__init__(obj, code, length, _multiprocessing.shm_rebuild(fd, size))
    return obj


class _RawValue(_Shared):
    """A single shared value (what CPython's RawValue returns: a ctypes object)."""

    def __init__(self, code, *args):
        _Shared.__init__(self, code, 1)
        if args:
            if len(args) > 1:
                raise TypeError('%s takes at most 1 argument' % _ctype_names[code])
            self.value = args[0]

    @property
    def value(self):
        return self._get(0)

    @value.setter
    def value(self, v):
        self._set(0, v)

    def __repr__(self):
        return '%s(%r)' % (_ctype_names[self._code], self.value)


class _RawArray(_Shared):
    """A fixed-size shared array (what CPython's RawArray returns: a ctypes array)."""

    def __init__(self, code, length):
        _Shared.__init__(self, code, length)

    def __len__(self):
        return self._length

    def _index(self, i):
        if not isinstance(i, int):
            i = i.__index__()
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            items = [self._get(j) for j in range(*i.indices(self._length))]
            if self._code == 'c':
                return b''.join(items)
            if self._code == 'u':
                return ''.join(items)
            return items
        return self._get(self._index(i))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            idx = range(*i.indices(self._length))
            values = list(value)
            if len(values) != len(idx):
                raise ValueError('Can only assign sequence of same size')
            for j, v in zip(idx, values):
                self._set(j, v)
            return
        self._set(self._index(i), value)

    def __iter__(self):
        for j in range(self._length):
            yield self._get(j)

    # char arrays: .value (up to the first NUL) and .raw, as ctypes' c_char arrays
    @property
    def value(self):
        if self._code == 'c':
            data = self._shm.read(0, self._length)
            end = data.find(b'\x00')
            return data if end < 0 else data[:end]
        if self._code == 'u':
            s = ''.join(self[:])
            end = s.find('\x00')
            return s if end < 0 else s[:end]
        raise AttributeError("'%s_Array_%d' object has no attribute 'value'"
                             % (_ctype_names[self._code], self._length))

    @value.setter
    def value(self, v):
        if self._code not in ('c', 'u'):
            raise AttributeError('value')
        if len(v) > self._length:
            raise ValueError('byte string too long' if self._code == 'c' else 'string too long')
        self[:len(v)] = list(v) if self._code == 'u' else [bytes([b]) for b in v]
        if len(v) < self._length:
            self._set(len(v), _zero[self._code])

    @property
    def raw(self):
        if self._code != 'c':
            raise AttributeError('raw')
        return self._shm.read(0, self._length)

    @raw.setter
    def raw(self, v):
        if self._code != 'c':
            raise AttributeError('raw')
        if len(v) > self._length:
            raise ValueError('byte string too long')
        self._shm.write(0, bytes(v))

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s_Array_%d object at %#x>' % (
            _ctype_names[self._code], self._length, id(self))


def RawValue(typecode_or_type, *args):
    """A shared value (no lock)."""
    return _RawValue(_typecode(typecode_or_type), *args)


def RawArray(typecode_or_type, size_or_initializer):
    """A shared array of a size or filled from a sequence (no lock)."""
    code = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        return _RawArray(code, size_or_initializer)
    items = list(size_or_initializer)
    if code == 'c' and isinstance(size_or_initializer, (bytes, bytearray)):
        items = [bytes([b]) for b in size_or_initializer]
    arr = _RawArray(code, len(items))
    for i, v in enumerate(items):
        arr._set(i, v)
    return arr


def _wrap(obj, lock, ctx):
    if lock is None or lock is True:
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared value with a lock (lock=False: the bare RawValue)."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return _wrap(obj, lock, ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared array with a lock (lock=False: the bare RawArray)."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return _wrap(obj, lock, ctx)


def copy(obj):
    """A new shared object holding a copy of obj's contents."""
    if isinstance(obj, _RawArray):
        new = _RawArray(obj._code, obj._length)
        new._shm.write(0, obj._shm.read(0, obj._shm.size))
        return new
    new = _RawValue(obj._code)
    new.value = obj.value
    return new


def synchronized(obj, lock=None, ctx=None):
    """Wrap a shared object so that its accessors take the lock."""
    if isinstance(obj, SynchronizedBase):
        raise TypeError('object already synchronized')
    ctx = ctx or context._default_context.get_context()
    if isinstance(obj, _RawArray):
        if obj._code in ('c', 'u'):
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    return Synchronized(obj, lock, ctx)


class SynchronizedBase:
    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or context._default_context.get_context()
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self._lock:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, v):
        with self._lock:
            self._obj.raw = v

"""array: arrays of numbers or characters of one C type (Spindle's own implementation of
CPython 3.11's module, for 64-bit Linux: 'l'/'L' are 8 bytes, 'u' is a 4-byte wchar_t).

The items are kept as Python values checked and converted like the C ones (a 'f' item is
rounded to single precision); tobytes/frombytes use the machine's layout.  buffer_info() is
not provided (Spindle arrays are not contiguous C memory)."""

import struct as _struct
import sys as _sys
from operator import index as _index
from types import GenericAlias as _GenericAlias

__all__ = ['ArrayType', 'array', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_BYTEORDER = '<' if _sys.byteorder == 'little' else '>'
# typecode -> (struct code, itemsize, min, max, message above max, message below min)
_INT = {
    'b': ('b', 1, -(1 << 7), (1 << 7) - 1, 'signed char is greater than maximum',
          'signed char is less than minimum'),
    'B': ('B', 1, 0, (1 << 8) - 1, 'unsigned byte integer is greater than maximum',
          'unsigned byte integer is less than minimum'),
    'h': ('h', 2, -(1 << 15), (1 << 15) - 1, 'signed short integer is greater than maximum',
          'signed short integer is less than minimum'),
    'H': ('H', 2, 0, (1 << 16) - 1, 'unsigned short is greater than maximum',
          'unsigned short is less than minimum'),
    'i': ('i', 4, -(1 << 31), (1 << 31) - 1, 'signed integer is greater than maximum',
          'signed integer is less than minimum'),
    'I': ('I', 4, 0, (1 << 32) - 1, 'unsigned int is greater than maximum',
          "can't convert negative value to unsigned int"),
    'l': ('q', 8, -(1 << 63), (1 << 63) - 1, 'Python int too large to convert to C long',
          'Python int too large to convert to C long'),
    'L': ('Q', 8, 0, (1 << 64) - 1, 'Python int too large to convert to C unsigned long',
          "can't convert negative value to unsigned int"),
    'q': ('q', 8, -(1 << 63), (1 << 63) - 1, 'int too big to convert', 'int too big to convert'),
    'Q': ('Q', 8, 0, (1 << 64) - 1, 'int too big to convert',
          "can't convert negative int to unsigned"),
}
_ITEMSIZE = {code: spec[1] for code, spec in _INT.items()}
_ITEMSIZE.update({'u': 4, 'f': 4, 'd': 8})
_STRUCT = {code: spec[0] for code, spec in _INT.items()}
_STRUCT.update({'u': 'I', 'f': 'f', 'd': 'd'})


def _converter(typecode):
    """The function checking and converting one item for typecode."""
    if typecode in _INT:
        _, _, lo, hi, above, below = _INT[typecode]

        def conv(v):
            v = _index(v)
            if v > hi:
                raise OverflowError(above)
            if v < lo:
                raise OverflowError(below)
            return v
        return conv
    if typecode == 'u':
        def conv(v):
            if not isinstance(v, str) or len(v) != 1:
                raise TypeError('array item must be unicode character')
            return v
        return conv

    def conv(v):
        t = type(v)
        if not (isinstance(v, (int, float)) or hasattr(t, '__float__')
                or hasattr(t, '__index__')):
            raise TypeError('must be real number, not %s' % t.__name__)
        v = float(v)
        if typecode == 'f':
            try:
                v = _struct.unpack('f', _struct.pack('f', v))[0]
            except OverflowError:
                v = float('inf') if v > 0 else float('-inf')
        return v
    return conv


class array:
    """array(typecode[, initializer]) -> an array of items of one C type."""

    __slots__ = ('_items', '_typecode', '_conv', '__weakref__')

    def __init__(self, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in typecodes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self._typecode = typecode
        self._conv = _converter(typecode)
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self.fromunicode(initializer)
        elif isinstance(initializer, array):
            if initializer._typecode == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with "
                                "typecode '%s'" % typecode)
            self._items = [self._conv(v) for v in initializer._items]
        else:
            self._items = [self._conv(v) for v in initializer]

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _ITEMSIZE[self._typecode]

    def _new(self, items):
        a = array(self._typecode)
        a._items = items
        return a

    def _same_kind(self, other, message):
        if not isinstance(other, array):
            raise TypeError(message % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError('bad argument type for built-in operation')

    # ---- sequence protocol

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __contains__(self, value):
        return value in self._items

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._new(self._items[key])
        try:
            return self._items[_index(key)]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            self._same_kind(value, 'can only assign array (not "%s") to array slice')
            start, stop, step = key.indices(len(self._items))
            if step != 1:
                n = len(range(start, stop, step))
                if len(value._items) != n:
                    raise ValueError('attempt to assign array of size %d to extended slice '
                                     'of size %d' % (len(value._items), n))
            self._items[key] = list(value._items)
            return
        i = _index(key)
        v = self._conv(value)
        try:
            self._items[i] = v
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, key):
        if isinstance(key, slice):
            del self._items[key]
            return
        try:
            del self._items[_index(key)]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        self._same_kind(other, 'can only append array (not "%s") to array')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        self._same_kind(other, 'can only extend array with array (not "%s")')
        self._items += other._items
        return self

    def __mul__(self, n):
        return self._new(self._items * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= _index(n)
        return self

    def _compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        return op(self._items, other._items)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._typecode
        if self._typecode == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._typecode, self._items)

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __reduce_ex__(self, protocol):
        return (array, (self._typecode, list(self._items)), getattr(self, '__dict__', None))

    __class_getitem__ = classmethod(_GenericAlias)

    # ---- methods

    def append(self, v, /):
        self._items.append(self._conv(v))

    def extend(self, bb, /):
        if isinstance(bb, array):
            if bb._typecode != self._typecode:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(bb._items)
            return
        for v in bb:
            self._items.append(self._conv(v))

    def insert(self, i, v, /):
        self._items.insert(_index(i), self._conv(v))

    def pop(self, i=-1, /):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(_index(i))
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v, /):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=_sys.maxsize, /):
        try:
            return self._items.index(v, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v, /):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        self._items.extend([self._conv(v) for v in items])

    def _format(self, n):
        return _BYTEORDER + '%d%s' % (n, _STRUCT[self._typecode])

    def tobytes(self):
        if self._typecode == 'u':
            return ''.join(self._items).encode('utf-32-le' if _BYTEORDER == '<' else
                                               'utf-32-be')
        return _struct.pack(self._format(len(self._items)), *self._items)

    def frombytes(self, buffer, /):
        if isinstance(buffer, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(buffer)
        size = self.itemsize
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        if self._typecode == 'u':
            self._items.extend(data.decode('utf-32-le' if _BYTEORDER == '<' else 'utf-32-be'))
        else:
            self._items.extend(_struct.unpack(self._format(len(data) // size), data))

    def tounicode(self):
        if self._typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, ustr, /):
        if not isinstance(ustr, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(ustr).__name__)
        if self._typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._items.extend(ustr)

    def byteswap(self):
        size = self.itemsize
        if size == 1:
            return
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def tofile(self, f, /):
        f.write(self.tobytes())

    def fromfile(self, f, n, /):
        n = _index(n)
        if n < 0:
            raise ValueError('negative count')
        size = self.itemsize
        data = f.read(n * size)
        if not isinstance(data, bytes):
            raise TypeError('read() didn\'t return bytes')
        whole = len(data) - len(data) % size
        self.frombytes(data[:whole])
        if len(data) != n * size:
            raise EOFError("read() didn't return enough bytes")

    def buffer_info(self):
        raise NotImplementedError('array.buffer_info: Spindle arrays are not contiguous C '
                                  'memory (no address to give)')

    def __sizeof__(self):
        return 64 + len(self._items) * self.itemsize


ArrayType = array

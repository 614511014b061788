"""Functions to convert between Python values and C structs represented as bytes objects
(Spindle's own implementation of CPython 3.11's `struct`; the work is done natively in
`_struct`).

Format strings start with an optional byte order, size and alignment character: @ (native,
the default), = (native order, standard sizes), < (little-endian), > and ! (big-endian);
then format characters, each optionally preceded by a repeat count: x c b B ? h H i I l L
q Q n N e f d s p P.
"""

__all__ = [
    # Functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',

    # Classes
    'Struct',

    # Exceptions
    'error'
]

import _struct
from _struct import calcsize, pack, pack_into, unpack, unpack_from


class error(Exception):
    pass


def iter_unpack(format, buffer, /):
    """Return an iterator yielding tuples unpacked from the buffer, one struct at a time."""
    return iter(_struct._iter_unpack_list(format, buffer))


class Struct:
    """Struct(fmt) --> compiled struct object (its format parsed once: size, format)."""

    __slots__ = ('_format', 'size')

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        elif not isinstance(format, str):
            raise TypeError(f"Struct() argument 1 must be a str or bytes object, "
                            f"not {type(format).__name__}")
        self.size = calcsize(format)
        self._format = format

    @property
    def format(self):
        """struct format string"""
        return self._format

    def pack(self, *values):
        """S.pack(v1, v2, ...) -> bytes packed according to S.format."""
        return pack(self._format, *values)

    def pack_into(self, buffer, offset, *values):
        """S.pack_into(buffer, offset, v1, v2, ...): pack into a writable buffer."""
        return pack_into(self._format, buffer, offset, *values)

    def unpack(self, buffer, /):
        """Return a tuple containing values unpacked according to the format string."""
        return unpack(self._format, buffer)

    def unpack_from(self, buffer, offset=0):
        """Return a tuple unpacked from buffer starting at offset."""
        return unpack_from(self._format, buffer, offset)

    def iter_unpack(self, buffer, /):
        """Return an iterator yielding tuples unpacked from the buffer."""
        return iter_unpack(self._format, buffer)


def _clearcache():
    """Clear the internal cache (formats are not cached in Spindle)."""

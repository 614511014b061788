"""io: the in-memory streams (BytesIO, StringIO) and the I/O base classes.

Files opened with `open()` are the runtime's native types (`_io.TextIOWrapper`,
`_io.BufferedReader`, `_io.BufferedWriter`); this module adds the pure-Python in-memory
streams and (from `_streams`) the layers that wrap another stream: TextIOWrapper,
BufferedReader, BufferedWriter, BufferedRWPair.  Written for Spindle; behaviour follows CPython 3.11."""

import builtins
import sys

open = builtins.open

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


class IOBase:
    """The base of every stream: closing, context management, line iteration."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    def flush(self):
        self._check_closed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    encoding = None
    errors = None
    newlines = None


def _index(n, what='argument'):
    if n is None:
        return -1
    if not hasattr(n, '__index__'):
        raise TypeError("%s should be integer or None, not '%s'" % (what, type(n).__name__))
    return n.__index__()


class BytesIO(BufferedIOBase):
    """Buffered I/O over bytes held in memory."""

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._buf = bytearray(initial_bytes)
        self._pos = 0

    def getvalue(self):
        self._check_closed()
        return bytes(self._buf)

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def read(self, size=-1):
        self._check_closed()
        size = _index(size)
        end = len(self._buf) if size < 0 else min(len(self._buf), self._pos + size)
        if self._pos >= end:
            return b''
        data = bytes(self._buf[self._pos:end])
        self._pos = end
        return data

    read1 = read

    def readline(self, size=-1):
        self._check_closed()
        size = _index(size)
        i = self._buf.find(b'\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size >= 0:
            end = min(end, self._pos + size)
        if self._pos >= end:
            return b''
        data = bytes(self._buf[self._pos:end])
        self._pos = end
        return data

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        n = len(data)
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._buf):
            self._buf += bytes(pos - len(self._buf))
        self._buf[pos:pos + n] = data
        self._pos = pos + n
        return n

    def seek(self, pos, whence=0):
        self._check_closed()
        pos = _index(pos, 'position')
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%r, should be 0, 1 or 2)' % (whence,))
        return self._pos

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        size = self._pos if size is None else _index(size)
        if size < 0:
            raise ValueError('negative size value %d' % size)
        del self._buf[size:]
        return size

    def getbuffer(self):
        raise NotImplementedError('BytesIO.getbuffer needs memoryview, which Spindle lacks')


class StringIO(TextIOBase):
    """Text I/O over a str held in memory."""

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        self._newline = newline
        self._text = ''
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _translate(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    def getvalue(self):
        self._check_closed()
        return self._text

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def read(self, size=-1):
        self._check_closed()
        size = _index(size)
        end = len(self._text) if size < 0 else min(len(self._text), self._pos + size)
        data = self._text[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readline(self, size=-1):
        self._check_closed()
        size = _index(size)
        text = self._text
        if self._newline == '':
            i = -1
            for j in range(self._pos, len(text)):
                if text[j] == '\n':
                    i = j
                    break
                if text[j] == '\r':
                    i = j + 1 if j + 1 < len(text) and text[j + 1] == '\n' else j
                    break
        else:
            i = text.find(self._newline or '\n', self._pos)
            if i >= 0:
                i += len(self._newline or '\n') - 1
        end = len(text) if i < 0 else i + 1
        if size >= 0:
            end = min(end, self._pos + size)
        data = text[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        s = self._translate(s)
        pos = self._pos
        text = self._text
        if pos > len(text):
            text += '\0' * (pos - len(text))
        self._text = text[:pos] + s + text[pos + len(s):]
        self._pos = pos + len(s)
        return n

    def seek(self, pos, whence=0):
        self._check_closed()
        pos = _index(pos, 'position')
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence in (1, 2):
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            if whence == 2:
                self._pos = len(self._text)
        else:
            raise ValueError('Invalid whence (%r, should be 0, 1 or 2)' % (whence,))
        return self._pos

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        size = self._pos if size is None else _index(size)
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        self._text = self._text[:size]
        return size

    @property
    def line_buffering(self):
        return False


# The stream layers that wrap another stream (TextIOWrapper(buffer), BufferedReader(raw), ...)
# are written in Python in _streams, loaded on first use; isinstance() with them also accepts
# the runtime's native files of the same role (open() returns those).
_STREAM_LAYERS = ('TextIOWrapper', 'BufferedReader', 'BufferedWriter', 'BufferedRWPair')


def __getattr__(name):
    if name in _STREAM_LAYERS:
        import _streams
        value = getattr(_streams, name)
        globals()[name] = value
        return value
    raise AttributeError("module 'io' has no attribute '%s'" % name)

"""Stream layers written in Python for Spindle, after the documented behaviour of CPython
3.11's io classes of the same names:

* TextIOWrapper: text over any binary buffered stream (a native file opened on a descriptor,
  or a BufferedReader/BufferedWriter below): encoding, errors, newline translation,
  line_buffering, write_through.  subprocess uses it for text-mode pipes.
* BufferedReader, BufferedWriter, BufferedRWPair: buffering over a raw stream whose
  read(n)/write(b) may return short counts.
* SocketIO: the raw stream over a socket, and makefile(), which socket.socket.makefile calls.

Native files (open()) are separate: they are the runtime's own buffered types."""

import io as _io
import os as _os
import sys as _sys

DEFAULT_BUFFER_SIZE = 8192
_CHUNK = 8192

UnsupportedOperation = _io.UnsupportedOperation


def _closed_error():
    return ValueError('I/O operation on closed file.')


def _type_name(obj):
    """The class name as CPython's io module shows it (these classes stand for _io's)."""
    cls = type(obj)
    module = '_io' if cls.__module__ == '_streams' else cls.__module__
    return '%s.%s' % (module, cls.__qualname__)


_native_types = {}


def _native_type(name):
    """The runtime's native file type playing the role of class `name` (None if there is none)."""
    if name not in _native_types:
        native = None
        try:
            if name == 'TextIOWrapper':
                native = type(_sys.__stdout__)
            elif name in ('BufferedReader', 'BufferedWriter'):
                with open(_os.devnull, 'rb' if name == 'BufferedReader' else 'wb') as f:
                    native = type(f)
        except (OSError, AttributeError):
            native = None
        _native_types[name] = native
    return _native_types[name]


class _AlsoNative(type):
    """isinstance()/issubclass() with these classes also accept the native file types of the
    same role, as both stand for CPython's single _io class."""

    def __instancecheck__(cls, obj):
        if type.__instancecheck__(cls, obj):
            return True
        native = _native_type(cls.__name__)
        return native is not None and isinstance(obj, native)

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        native = _native_type(cls.__name__)
        return native is not None and isinstance(sub, type) and issubclass(sub, native)


class _FinalizeOnDel(metaclass=_AlsoNative):
    """Closing on garbage collection, as io.IOBase's finalizer (flushes pending writes)."""

    def __del__(self):
        try:
            closed = self.closed
        except Exception:
            return
        if not closed:
            try:
                self.close()
            except Exception:
                pass


# ---------------------------------------------------------------- raw and buffered layers

class BufferedReader(_FinalizeOnDel, _io.BufferedIOBase):
    """Read buffering over a raw stream (raw.read(n) returns up to n bytes, b'' at EOF)."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        self.raw = raw
        self.buffer_size = buffer_size
        self._buf = b''

    def _check(self):
        if self.raw.closed:
            raise _closed_error()

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def readable(self):
        self._check()
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return False

    def close(self):
        if not self.raw.closed:
            self.raw.close()

    def detach(self):
        raw = self.raw
        self.raw = None
        return raw

    def _fill(self, want):
        data = self.raw.read(max(want, self.buffer_size))
        if data is None:
            return None
        self._buf += data
        return len(data)

    def read(self, size=-1):
        self._check()
        size = _io._index(size)
        if size < 0:
            chunks = [self._buf]
            self._buf = b''
            while True:
                data = self.raw.read(self.buffer_size)
                if not data:
                    break
                chunks.append(data)
            return b''.join(chunks)
        while len(self._buf) < size:
            n = self._fill(size - len(self._buf))
            if not n:
                break
        out, self._buf = self._buf[:size], self._buf[size:]
        return out

    def read1(self, size=-1):
        self._check()
        size = _io._index(size)
        if not self._buf and size != 0:
            self._fill(size if size > 0 else self.buffer_size)
        if size < 0:
            size = len(self._buf)
        out, self._buf = self._buf[:size], self._buf[size:]
        return out

    def peek(self, size=0):
        self._check()
        if not self._buf:
            self._fill(self.buffer_size)
        return self._buf

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check()
        size = _io._index(size)
        start = 0
        while True:
            i = self._buf.find(b'\n', start)
            if i >= 0:
                end = i + 1
                break
            if 0 <= size <= len(self._buf):
                end = size
                break
            start = len(self._buf)
            if not self._fill(self.buffer_size):
                end = len(self._buf)
                break
        if 0 <= size < end:
            end = size
        out, self._buf = self._buf[:end], self._buf[end:]
        return out

    def __repr__(self):
        try:
            name = self.name
        except Exception:
            return '<%s>' % _type_name(self)
        return '<%s name=%r>' % (_type_name(self), name)


class BufferedWriter(_FinalizeOnDel, _io.BufferedIOBase):
    """Write buffering over a raw stream (raw.write(b) returns how much it took)."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        self.raw = raw
        self.buffer_size = buffer_size
        self._wbuf = bytearray()

    def _check(self):
        if self.raw.closed:
            raise _closed_error()

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def readable(self):
        return False

    def writable(self):
        self._check()
        return True

    def seekable(self):
        return False

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return False

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        if len(self._wbuf) + len(b) <= self.buffer_size:
            self._wbuf += b
            return len(b)
        # As CPython's: flush what was buffered, write straight through while the rest
        # exceeds the buffer size, buffer the remainder.
        self._flush_unlocked()
        pos = 0
        while len(b) - pos > self.buffer_size:
            n = self.raw.write(b[pos:])
            if n is None:
                raise BlockingIOError(11, 'write could not complete without blocking', pos)
            pos += n
        self._wbuf += b[pos:]
        return len(b)

    def _flush_unlocked(self):
        while self._wbuf:
            n = self.raw.write(bytes(self._wbuf))
            if n is None:
                raise BlockingIOError(11, 'write could not complete without blocking', 0)
            del self._wbuf[:n]

    def flush(self):
        self._check()
        self._flush_unlocked()

    def close(self):
        if self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    def detach(self):
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    def __repr__(self):
        try:
            name = self.name
        except Exception:
            return '<%s>' % _type_name(self)
        return '<%s name=%r>' % (_type_name(self), name)


class BufferedRWPair(_FinalizeOnDel, _io.BufferedIOBase):
    """A reader and a writer over two raw streams (or one raw stream used both ways)."""

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def readline(self, size=-1):
        return self.reader.readline(size)

    def peek(self, size=0):
        return self.reader.peek(size)

    def readinto(self, b):
        return self.reader.readinto(b)

    def write(self, b):
        return self.writer.write(b)

    def flush(self):
        return self.writer.flush()

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def seekable(self):
        return False

    def fileno(self):
        return self.reader.fileno()

    def isatty(self):
        return False

    @property
    def closed(self):
        return self.writer.closed

    @property
    def name(self):
        return self.reader.name

    @property
    def mode(self):
        return self.reader.mode

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()


# ---------------------------------------------------------------- text

_LF, _CR, _CRLF = 1, 2, 4
_NEWLINES_SEEN = (None, '\n', '\r', ('\r', '\n'), '\r\n', ('\n', '\r\n'), ('\r', '\r\n'),
                  ('\r', '\n', '\r\n'))


def _utf8_incomplete_tail(data):
    """How many bytes at the end of data start a UTF-8 sequence that is not complete yet."""
    n = len(data)
    for back in range(1, min(3, n) + 1):
        b = data[n - back]
        if b & 0xC0 == 0x80:
            continue
        if b >= 0xF0:
            need = 4
        elif b >= 0xE0:
            need = 3
        elif b >= 0xC0:
            need = 2
        else:
            need = 1
        return back if need > back else 0
    return 0


class _CodecInfo:
    """What the text layer needs to know of a codec, found by encoding a probe (so every alias
    of a codec behaves the same): its unit ('utf8', 'byte', 'u16', 'u32'), whether it writes and
    reads a byte order mark ('bom'), and the fixed-order codec used once the mark is handled."""

    def __init__(self, encoding):
        probe = 'a'.encode(encoding)
        self.bom = False
        self.little = True
        if probe == b'\xef\xbb\xbfa':
            self.unit, self.bom, self.fixed = 'utf8', True, 'utf-8'
        elif len(probe) == 1:
            utf8 = '\xe9'.encode(encoding, 'replace') == b'\xc3\xa9'
            self.unit = 'utf8' if utf8 else 'byte'
            self.fixed = encoding
        elif len(probe) == 2:
            self.unit, self.little = 'u16', probe == b'a\x00'
            self.fixed = encoding
        elif len(probe) == 4 and probe[:2] in (b'\xff\xfe', b'\xfe\xff'):
            self.unit, self.bom = 'u16', True
            self.fixed = 'utf-16-le'
        elif len(probe) == 4:
            self.unit, self.little = 'u32', probe == b'a\x00\x00\x00'
            self.fixed = encoding
        else:
            self.unit, self.bom = 'u32', True
            self.fixed = 'utf-32-le'


class _Decoder:
    """Incremental decoding of a byte stream: keeps the bytes of an unfinished character, and
    reads a byte order mark at the start of the stream (utf-8-sig, utf-16, utf-32)."""

    def __init__(self, encoding, errors, info, started=False, fixed=None):
        self.encoding = encoding
        self.errors = errors
        self.info = info
        self.pending = b''
        self.started = started or not info.bom
        # the codec used after the byte order mark (utf-16: the order the mark showed)
        self.codec = fixed or (info.fixed if info.bom else encoding)

    def copy_clean(self):
        """A decoder in this one's state at a character boundary (for seek/tell)."""
        return _Decoder(self.encoding, self.errors, self.info, self.started, self.codec)

    def _tail(self, data):
        unit = self.info.unit
        n = len(data)
        if unit == 'utf8':
            return _utf8_incomplete_tail(data)
        if unit == 'u16':
            r = n % 2
            if n - r >= 2:
                hi, lo = data[n - r - 2], data[n - r - 1]
                u = (lo << 8 | hi) if self.codec.endswith('le') or self._little() else (hi << 8 | lo)
                if 0xD800 <= u < 0xDC00:
                    r += 2
            return r
        if unit == 'u32':
            return n % 4
        return 0

    def _little(self):
        return self.info.little if not self.info.bom else self.codec.endswith('le')

    def decode(self, data, final=False):
        data = self.pending + data
        self.pending = b''
        if not self.started:
            info = self.info
            size = {'utf8': 3, 'u16': 2, 'u32': 4}[info.unit]
            if len(data) < size and not final:
                self.pending = data
                return ''
            self.started = True
            if info.unit == 'utf8':
                if data.startswith(b'\xef\xbb\xbf'):
                    data = data[3:]
            elif info.unit == 'u16':
                if data.startswith(b'\xff\xfe'):
                    data = data[2:]
                elif data.startswith(b'\xfe\xff'):
                    self.codec = 'utf-16-be'
                    data = data[2:]
            else:
                if data.startswith(b'\xff\xfe\x00\x00'):
                    data = data[4:]
                elif data.startswith(b'\x00\x00\xfe\xff'):
                    self.codec = 'utf-32-be'
                    data = data[4:]
        if not final:
            tail = self._tail(data)
            if tail:
                self.pending = data[-tail:]
                data = data[:-tail]
        return data.decode(self.codec, self.errors)


def _filter_newlines(text, final, pendingcr, translate):
    """Hold a trailing '\\r' (it may start '\\r\\n'); translate line ends to '\\n' if asked.
    Returns (text, pendingcr, kinds of line ends seen)."""
    if pendingcr:
        text = '\r' + text
        pendingcr = False
    if text.endswith('\r') and not final:
        text = text[:-1]
        pendingcr = True
    seen = 0
    if '\r' in text:
        crlf = text.count('\r\n')
        cr = text.count('\r') - crlf
        if crlf:
            seen |= _CRLF
        if cr:
            seen |= _CR
        if text.count('\n') - crlf:
            seen |= _LF
        if translate:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
    elif '\n' in text:
        seen |= _LF
    return text, pendingcr, seen


class TextIOWrapper(_FinalizeOnDel, _io.TextIOBase):
    """Text over a binary buffered stream: encodings with their byte order marks, error
    handlers, newline translation, seek/tell with byte-offset cookies."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('TextIOWrapper() argument \'newline\' must be str or None, not %s'
                            % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %s' % (newline,))
        if encoding is None or encoding == 'locale':
            encoding = 'UTF-8'
        elif not isinstance(encoding, str):
            raise TypeError('TextIOWrapper() argument \'encoding\' must be str or None, not %s'
                            % type(encoding).__name__)
        else:
            b''.decode(encoding)  # LookupError for an unknown encoding
        if errors is None:
            errors = 'strict'
        elif not isinstance(errors, str):
            raise TypeError('TextIOWrapper() argument \'errors\' must be str or None, not %s'
                            % type(errors).__name__)
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._info = _CodecInfo(encoding)
        self._readnl = newline
        self._translate = newline is None
        self._universal = newline is None or newline == ''
        self._writenl = newline if newline not in (None, '') else None
        if newline is None:
            self._writenl = _os.linesep if _os.linesep != '\n' else None
        self._line_buffering = bool(line_buffering)
        self._write_through = bool(write_through)
        self._decoder = None
        self._text = ''       # decoded, not yet returned
        self._pendingcr = False
        self._eof = False
        self._seen = 0
        self._telling = True
        # seek/tell: a byte position where decoding was at a character boundary, the decoder
        # state there, and how many characters were returned since
        self._snap_pos = 0
        self._snap_dec = None
        self._consumed = 0
        try:
            self._seekable = bool(buffer.seekable())
        except Exception:
            self._seekable = False
        self._write_bom = self._info.bom
        self._enc_codec = self._info.fixed if self._info.bom else encoding
        if self._seekable:
            try:
                pos = buffer.tell()
            except OSError:
                pos = 0
            self._snap_pos = pos
            if pos != 0:
                self._write_bom = False
                self._decoder = _Decoder(encoding, errors, self._info, started=True)

    # attributes
    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def newlines(self):
        return _NEWLINES_SEEN[self._seen] if self._universal else None

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def name(self):
        return self._buffer.name

    def __repr__(self):
        parts = ['<' + _type_name(self)]
        try:
            parts.append('name=%r' % (self.name,))
        except Exception:
            pass
        try:
            parts.append('mode=%r' % (self.mode,))
        except Exception:
            pass
        parts.append('encoding=%r>' % (self._encoding,))
        return ' '.join(parts)

    def _check(self):
        if self._buffer is None:
            raise ValueError('underlying buffer has been detached')
        if self._buffer.closed:
            raise _closed_error()

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def seekable(self):
        self._check()
        return self._seekable

    def flush(self):
        self._check()
        self._buffer.flush()

    def close(self):
        if self._buffer is not None and not self._buffer.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def detach(self):
        if self._buffer is None:
            raise ValueError('buffer is already detached')
        self.flush()
        b = self._buffer
        self._buffer = None
        return b

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)

    # positions
    def _reset_read(self, pos):
        """Forget what was read ahead; decoding restarts at byte position pos."""
        self._text = ''
        self._pendingcr = False
        self._eof = False
        if pos == 0:
            self._decoder = None
        elif self._decoder is not None:
            self._decoder = self._decoder.copy_clean()
            self._decoder.started = True
        else:
            self._decoder = _Decoder(self._encoding, self._errors, self._info, started=True)
        self._snap_pos = pos
        self._snap_dec = None
        self._consumed = 0

    def tell(self):
        self._check()
        if not self._seekable:
            raise UnsupportedOperation('underlying stream is not seekable')
        if not self._telling:
            raise OSError('telling position disabled by next() call')
        return self._position()

    def _position(self):
        self.flush()
        pos = self._buffer.tell()
        if self._consumed == 0:
            if not self._text and not self._pendingcr and (self._decoder is None
                                                           or not self._decoder.pending):
                return pos
            return self._snap_pos
        # Replay the bytes since the snapshot until as many characters were produced.
        start = self._snap_pos
        self._buffer.seek(start)
        data = self._buffer.read(pos - start)
        self._buffer.seek(pos)
        dec = (self._snap_dec.copy_clean() if self._snap_dec is not None
               else _Decoder(self._encoding, self._errors, self._info, started=start != 0))
        count = 0
        clean = 0
        pendingcr = False
        want = self._consumed
        for i in range(len(data)):
            text = dec.decode(data[i:i + 1])
            text, pendingcr, _ = _filter_newlines(text, False, pendingcr, self._translate)
            if count + len(text) > want:
                return start + clean
            count += len(text)
            if not dec.pending:
                clean = i + 1
                if count == want and not pendingcr:
                    return start + i + 1
        return pos

    def seek(self, cookie, whence=0):
        self._check()
        if not self._seekable:
            raise UnsupportedOperation('underlying stream is not seekable')
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            pos = self._buffer.seek(0, 2)
            self._reset_read(pos)
            self._write_bom = self._write_bom and pos == 0
            return pos
        elif whence != 0:
            raise ValueError('invalid whence (%r, should be 0, 1 or 2)' % (whence,))
        if not isinstance(cookie, int):
            raise TypeError("an integer is required")
        if cookie < 0:
            raise ValueError('negative seek position %r' % (cookie,))
        self.flush()
        self._buffer.seek(cookie)
        self._reset_read(cookie)
        self._write_bom = self._info.bom and cookie == 0
        return cookie

    # writing
    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        n = len(s)
        haslf = '\n' in s
        if self._writenl is not None and haslf:
            s = s.replace('\n', self._writenl)
        if self._write_bom and s:
            data = s.encode(self._encoding, self._errors)
            self._write_bom = False
        else:
            data = s.encode(self._enc_codec, self._errors)
        if self._seekable and (self._text or self._pendingcr or self._consumed):
            # writing after reading: what was read ahead is dropped and the bytes go where
            # the buffer stands (as CPython's TextIOWrapper)
            self._reset_read(self._buffer.tell())
        self._buffer.write(data)
        if self._line_buffering and (haslf or '\r' in s):
            self._buffer.flush()
        return n

    # reading
    def _get_decoder(self):
        if self._decoder is None:
            self._decoder = _Decoder(self._encoding, self._errors, self._info)
        return self._decoder

    def _newline_filter(self, text, final):
        """Universal-newline bookkeeping (and translation when newline is None)."""
        text, self._pendingcr, seen = _filter_newlines(text, final, self._pendingcr,
                                                       self._translate)
        self._seen |= seen
        return text

    def _read_chunk(self):
        """Decode one more chunk from the buffer; False at end of file."""
        if self._eof:
            return False
        buf = self._buffer
        dec = self._get_decoder()
        if self._seekable and not self._text and not self._pendingcr and not dec.pending:
            self._snap_pos = buf.tell()
            self._snap_dec = dec.copy_clean()
            self._consumed = 0
        read1 = getattr(buf, 'read1', None)
        data = read1(_CHUNK) if read1 is not None else buf.readline()
        final = not data
        text = dec.decode(data, final=final)
        self._text += self._newline_filter(text, final)
        if final:
            self._eof = True
        return not final

    def _taken(self, out):
        self._consumed += len(out)
        if not out:
            self._eof = False
        return out

    def read(self, size=-1):
        self._check()
        if not self._buffer.readable():
            raise UnsupportedOperation('not readable')
        size = _io._index(size)
        if size < 0:
            data = self._buffer.read()
            text = self._get_decoder().decode(data, final=True)
            text = self._text + self._newline_filter(text, True)
            self._text = ''
            self._eof = False
            if self._seekable:
                self._snap_pos = self._buffer.tell()
                self._snap_dec = None
                self._consumed = 0
            return text
        while len(self._text) < size and self._read_chunk():
            pass
        out, self._text = self._text[:size], self._text[size:]
        return self._taken(out)

    def _line_end(self, start):
        """End index (exclusive) of the first complete line in self._text from start, or -1."""
        text = self._text
        if self._translate or self._readnl == '\n':
            i = text.find('\n', start)
            return i + 1 if i >= 0 else -1
        if self._readnl == '':
            for j in range(start, len(text)):
                c = text[j]
                if c == '\n':
                    return j + 1
                if c == '\r':
                    if j + 1 < len(text):
                        return j + 2 if text[j + 1] == '\n' else j + 1
                    if self._eof:
                        return j + 1
                    return -1
            return -1
        i = text.find(self._readnl, start)
        return i + len(self._readnl) if i >= 0 else -1

    def readline(self, size=-1):
        self._check()
        size = _io._index(size)
        start = 0
        while True:
            end = self._line_end(start)
            if end >= 0:
                break
            if 0 <= size <= len(self._text):
                end = size
                break
            start = max(0, len(self._text) - 1)
            if not self._read_chunk():
                end = len(self._text)
                break
        if 0 <= size < end:
            end = size
        out, self._text = self._text[:end], self._text[end:]
        return self._taken(out)

    def readlines(self, hint=-1):
        self._check()
        return _io.TextIOBase.readlines(self, hint)

    def __next__(self):
        self._telling = False
        line = self.readline()
        if not line:
            self._telling = self._seekable
            raise StopIteration
        return line

    def __iter__(self):
        self._check()
        return self


# ---------------------------------------------------------------- sockets

class SocketIO(_FinalizeOnDel, _io.RawIOBase):
    """The raw stream of socket.makefile(): recv and send on the socket. Closing it releases
    the socket's reference; the socket closes when it and all its files are closed."""

    def __init__(self, sock, mode):
        if mode not in ('r', 'w', 'rw', 'rb', 'wb', 'rwb'):
            raise ValueError('invalid mode: %r' % mode)
        self._sock = sock
        if 'b' not in mode:
            mode += 'b'
        self._mode = mode
        self._reading = 'r' in mode
        self._writing = 'w' in mode
        self._timeout_occurred = False
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def mode(self):
        return self._mode

    @property
    def name(self):
        if self._closed:
            return -1
        return self._sock.fileno()

    def _checkClosed(self):
        if self._closed:
            raise _closed_error()

    def read(self, n=-1):
        self._checkClosed()
        if not self._reading:
            raise UnsupportedOperation('File or stream is not readable.')
        if self._timeout_occurred:
            raise OSError('cannot read from timed out object')
        if n is None or n < 0:
            chunks = []
            while True:
                data = self.read(_CHUNK)
                if not data:
                    return b''.join(chunks)
                chunks.append(data)
        try:
            return self._sock.recv(n)
        except TimeoutError:
            self._timeout_occurred = True
            raise
        except BlockingIOError:
            return None

    def readinto(self, b):
        data = self.read(len(b))
        if data is None:
            return None
        b[:len(data)] = data
        return len(data)

    def write(self, b):
        self._checkClosed()
        if not self._writing:
            raise UnsupportedOperation('File or stream is not writable.')
        try:
            return self._sock.send(b)
        except BlockingIOError:
            return None

    def readable(self):
        self._checkClosed()
        return self._reading

    def writable(self):
        self._checkClosed()
        return self._writing

    def seekable(self):
        self._checkClosed()
        return False

    def fileno(self):
        self._checkClosed()
        return self._sock.fileno()

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._sock._decref_socketios()
        self._sock = None


def makefile(sock, mode='r', buffering=None, encoding=None, errors=None, newline=None):
    """socket.makefile: a file object over the socket (the socket has counted the reference)."""
    writing = 'w' in mode
    reading = 'r' in mode or not writing
    binary = 'b' in mode
    rawmode = ''
    if reading:
        rawmode += 'r'
    if writing:
        rawmode += 'w'
    raw = SocketIO(sock, rawmode)
    try:
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if not binary:
                raise ValueError('unbuffered streams must be binary')
            return raw
        if reading and writing:
            buffer = BufferedRWPair(raw, raw, buffering)
        elif reading:
            buffer = BufferedReader(raw, buffering)
        else:
            buffer = BufferedWriter(raw, buffering)
        if binary:
            return buffer
        text = TextIOWrapper(buffer, encoding, errors, newline)
        text.mode = mode
        return text
    except BaseException:
        raw.close()
        raise

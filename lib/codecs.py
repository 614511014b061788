"""codecs: codec registry, incremental and stream codecs (Spindle's own implementation of
CPython 3.11's module).

The text codecs are the runtime's (str.encode / bytes.decode): utf-8, utf-8-sig, utf-16,
utf-32 (with and without byte order marks), ascii, latin-1 and cp1252.  The bytes-to-bytes
codecs hex and base64 and the str-to-str rot13 are provided here.  Error handlers: the
runtime's strict, ignore, replace, backslashreplace and xmlcharrefreplace; handlers added
with register_error are used by the functions of this module (codecs.encode, incremental and
stream codecs), not by str.encode / bytes.decode."""

import builtins
import sys

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE",
           "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
           "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
           "StreamReader", "StreamWriter",
           "StreamReaderWriter", "StreamRecoder",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter",
           "encode", "decode", "iterencode", "iterdecode",
           "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors",
           "backslashreplace_errors", "namereplace_errors",
           "register_error", "lookup_error"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


# ---------------------------------------------------------------- error handlers

_NATIVE_ERRORS = ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace')


def _check_unicode_error(exc, kinds):
    if not isinstance(exc, kinds):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError('codec must pass exception instance')


def ignore_errors(exc):
    _check_unicode_error(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError))
    return ('', exc.end)


def replace_errors(exc):
    _check_unicode_error(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError))
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    return ('\ufffd' * (exc.end - exc.start) if isinstance(exc, UnicodeTranslateError)
            else '\ufffd', exc.end)


def backslashreplace_errors(exc):
    _check_unicode_error(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError))
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    out = []
    for c in exc.object[exc.start:exc.end]:
        o = ord(c)
        if o < 0x100:
            out.append('\\x%02x' % o)
        elif o < 0x10000:
            out.append('\\u%04x' % o)
        else:
            out.append('\\U%08x' % o)
    return (''.join(out), exc.end)


def xmlcharrefreplace_errors(exc):
    _check_unicode_error(exc, UnicodeEncodeError)
    return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)


def namereplace_errors(exc):
    raise NotImplementedError("the 'namereplace' error handler needs Unicode character names, "
                              "which Spindle does not have")


_error_handlers = {
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'namereplace': namereplace_errors,
}


def register_error(name, handler, /):
    """Register an error handler (used by this module's codec functions)."""
    if not isinstance(name, str):
        raise TypeError("register_error() argument 1 must be str, not %s" % type(name).__name__)
    if not callable(handler):
        raise TypeError('handler must be callable')
    _error_handlers[name] = handler


def lookup_error(name, /):
    if not isinstance(name, str):
        raise TypeError("lookup_error() argument must be str, not %s" % type(name).__name__)
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


def _native(errors):
    return errors in _NATIVE_ERRORS and _error_handlers.get(errors) is _builtin_handler(errors)


def _builtin_handler(errors):
    return {'strict': strict_errors, 'ignore': ignore_errors, 'replace': replace_errors,
            'backslashreplace': backslashreplace_errors,
            'xmlcharrefreplace': xmlcharrefreplace_errors}[errors]


def _encode_text(s, encoding, errors):
    """s.encode(encoding, errors), calling a registered Python handler on errors."""
    if errors is None:
        errors = 'strict'
    if _native(errors):
        return s.encode(encoding, errors)
    handler = lookup_error(errors)
    out = []
    pos = 0
    n = len(s)
    while True:
        try:
            out.append(s[pos:].encode(encoding))
            return b''.join(out)
        except UnicodeEncodeError as e:
            start, end = pos + e.start, pos + e.end
            out.append(s[pos:start].encode(encoding))
            exc = UnicodeEncodeError(e.encoding, s, start, end, e.reason)
            rep, newpos = _check_result(handler(exc), 'encoding')
            out.append(rep.encode(encoding) if isinstance(rep, str) else bytes(rep))
            pos = _new_position(newpos, n)


def _decode_bytes(b, encoding, errors):
    if errors is None:
        errors = 'strict'
    if _native(errors):
        return b.decode(encoding, errors)
    handler = lookup_error(errors)
    out = []
    pos = 0
    n = len(b)
    while True:
        try:
            out.append(b[pos:].decode(encoding))
            return ''.join(out)
        except UnicodeDecodeError as e:
            start, end = pos + e.start, pos + e.end
            out.append(b[pos:start].decode(encoding))
            exc = UnicodeDecodeError(e.encoding, b, start, end, e.reason)
            rep, newpos = _check_result(handler(exc), 'decoding')
            out.append(rep)
            pos = _new_position(newpos, n)


def _check_result(res, what):
    if (not isinstance(res, tuple) or len(res) != 2 or not isinstance(res[1], int)
            or not isinstance(res[0], (str, bytes) if what == 'encoding' else str)):
        if what == 'encoding':
            raise TypeError('encoding error handler must return (str/bytes, int) tuple')
        raise TypeError('decoding error handler must return (str, int) tuple')
    return res


def _new_position(newpos, n):
    if newpos < 0:
        newpos += n
    if newpos < 0 or newpos > n:
        raise IndexError('position %d from error handler out of bounds' % newpos)
    return newpos


# ---------------------------------------------------------------- base classes

class CodecInfo(tuple):
    """The codec functions and classes of an encoding (a 4-tuple plus attributes)."""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    """Stateless encoder and decoder: encode(input, errors) -> (output, length consumed)."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """Keeps the undecoded tail of the input (an incomplete sequence) for the next call."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + bytes(input)
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class StreamWriter(Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):
    charbuffertype = str

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self._empty_charbuffer = self.charbuffertype()
        self.charbuffer = self._empty_charbuffer
        self.linebuffer = None

    def decode(self, input, errors='strict'):
        raise NotImplementedError

    def read(self, size=-1, chars=-1, firstline=False):
        """Decoded text: at most chars characters (all by default)."""
        if self.linebuffer:
            self.charbuffer = self._empty_charbuffer.join(self.linebuffer)
            self.linebuffer = None
        if chars < 0:
            chars = size
        while True:
            if chars >= 0 and len(self.charbuffer) >= chars:
                break
            if size < 0:
                newdata = self.stream.read()
            else:
                newdata = self.stream.read(size)
            data = self.bytebuffer + newdata
            if not data:
                break
            try:
                newchars, decodedbytes = self.decode(data, self.errors)
            except UnicodeDecodeError as exc:
                if firstline:
                    newchars, decodedbytes = self.decode(data[:exc.start], self.errors)
                    lines = newchars.splitlines(keepends=True)
                    if len(lines) <= 1:
                        raise
                else:
                    raise
            self.bytebuffer = data[decodedbytes:]
            self.charbuffer += newchars
            if not newdata:
                break
        if chars < 0:
            result = self.charbuffer
            self.charbuffer = self._empty_charbuffer
        else:
            result = self.charbuffer[:chars]
            self.charbuffer = self.charbuffer[chars:]
        return result

    def readline(self, size=None, keepends=True):
        if self.linebuffer:
            line = self.linebuffer[0]
            del self.linebuffer[0]
            if len(self.linebuffer) == 1:
                self.charbuffer = self.linebuffer[0]
                self.linebuffer = None
            if not keepends:
                line = line.splitlines(keepends=False)[0]
            return line
        readsize = size or 72
        line = self._empty_charbuffer
        while True:
            data = self.read(readsize, firstline=True)
            if data:
                if (isinstance(data, str) and data.endswith("\r")) or \
                        (isinstance(data, bytes) and data.endswith(b"\r")):
                    data += self.read(size=1, chars=1)
            line += data
            lines = line.splitlines(keepends=True)
            if lines:
                if len(lines) > 1:
                    line = lines[0]
                    del lines[0]
                    if len(lines) > 1:
                        lines[-1] += self.charbuffer
                        self.linebuffer = lines
                        self.charbuffer = None
                    else:
                        self.charbuffer = lines[0] + self.charbuffer
                    if not keepends:
                        line = line.splitlines(keepends=False)[0]
                    break
                line0withend = lines[0]
                line0withoutend = lines[0].splitlines(keepends=False)[0]
                if line0withend != line0withoutend:
                    self.charbuffer = self._empty_charbuffer.join(lines[1:]) + self.charbuffer
                    line = line0withend if keepends else line0withoutend
                    break
            if not data or size is not None:
                if line and not keepends:
                    line = line.splitlines(keepends=False)[0]
                break
            if readsize < 8000:
                readsize *= 2
        return line

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer
        self.linebuffer = None

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reset()

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __iter__(self):
        return self

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    """A stream that decodes what it reads and encodes what it writes."""

    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reader.reset()
        if whence == 0 and offset == 0:
            self.writer.reset()

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamRecoder:
    """Reads and writes bytes in one encoding over a stream of bytes in another."""

    data_encoding = 'unknown'
    file_encoding = 'unknown'

    def __init__(self, stream, encode, decode, Reader, Writer, errors='strict'):
        self.stream = stream
        self.encode = encode
        self.decode = decode
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        data = self.reader.read(size)
        data, bytesencoded = self.encode(data, self.errors)
        return data

    def readline(self, size=None):
        if size is None:
            data = self.reader.readline()
        else:
            data = self.reader.readline(size)
        data, bytesencoded = self.encode(data, self.errors)
        return data

    def readlines(self, sizehint=None):
        data = self.reader.read()
        data, bytesencoded = self.encode(data, self.errors)
        return data.splitlines(keepends=True)

    def __next__(self):
        data = next(self.reader)
        data, bytesencoded = self.encode(data, self.errors)
        return data

    def __iter__(self):
        return self

    def write(self, data):
        data, bytesdecoded = self.decode(data, self.errors)
        return self.writer.write(data)

    def writelines(self, list):
        data = b''.join(list)
        data, bytesdecoded = self.decode(data, self.errors)
        return self.writer.write(data)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.reader.seek(offset, whence)
        self.writer.seek(offset, whence)

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


# ---------------------------------------------------------------- the codecs

def _data(input, fname):
    if isinstance(input, (bytes, bytearray)):
        return bytes(input)
    raise TypeError("a bytes-like object is required, not '%s'" % type(input).__name__)


def _text(input, fname):
    if not isinstance(input, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (fname, type(input).__name__))
    return input


def _utf8_tail(data):
    """Length of an incomplete (but so far valid) UTF-8 sequence at the end of data."""
    n = len(data)
    for back in range(1, min(3, n) + 1):
        b = data[n - back]
        if b & 0xC0 == 0x80:
            continue
        if b >= 0xF0:
            need = 4
        elif b >= 0xE0:
            need = 3
        elif b >= 0xC2:
            need = 2
        else:
            return 0
        if back >= need or b > 0xF4:
            return 0
        if back >= 2:
            # the second byte's allowed range depends on the lead byte
            second = data[n - back + 1]
            lo, hi = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F), 0xF0: (0x90, 0xBF),
                      0xF4: (0x80, 0x8F)}.get(b, (0x80, 0xBF))
            if not lo <= second <= hi:
                return 0
        return back
    return 0


def _utf16_tail(data, little):
    tail = len(data) % 2
    if len(data) - tail >= 2:
        i = len(data) - tail - 2
        unit = data[i] | data[i + 1] << 8 if little else data[i] << 8 | data[i + 1]
        if 0xD800 <= unit <= 0xDBFF:
            tail += 2
    return tail


def _decoder(encoding, tail=None):
    def decode(input, errors=None, final=False):
        data = _data(input, encoding)
        cut = len(data)
        if not final and tail is not None:
            cut -= tail(data)
        return _decode_bytes(data[:cut], encoding, errors), cut
    return decode


def _encoder(encoding, fname):
    def encode(input, errors=None):
        s = _text(input, fname)
        return _encode_text(s, encoding, errors), len(s)
    return encode


class _Utf16Decoder(BufferedIncrementalDecoder):
    """utf-16/utf-32 with a byte order mark: the first bytes decide the byte order."""

    width = 2
    boms = ((BOM_UTF16_LE, 'utf-16-le'), (BOM_UTF16_BE, 'utf-16-be'))

    def __init__(self, errors='strict'):
        BufferedIncrementalDecoder.__init__(self, errors)
        self.order = None

    def _buffer_decode(self, input, errors, final):
        skip = 0
        if self.order is None:
            if len(input) < self.width and not final:
                return '', 0
            self.order = self.boms[0][1]
            for bom, name in self.boms:
                if input.startswith(bom):
                    self.order, skip = name, len(bom)
                    break
        data = input[skip:]
        cut = len(data)
        if not final:
            if self.width == 2:
                cut -= _utf16_tail(data, self.order.endswith('le'))
            else:
                cut -= len(data) % 4
        return _decode_bytes(data[:cut], self.order, errors), skip + cut

    def reset(self):
        BufferedIncrementalDecoder.reset(self)
        self.order = None

    def getstate(self):
        state = BufferedIncrementalDecoder.getstate(self)[0]
        if self.order is None:
            return (state, 2)
        return (state, 0 if self.order.endswith('le') else 1)

    def setstate(self, state):
        BufferedIncrementalDecoder.setstate(self, state)
        if state[1] == 2:
            self.order = None
        else:
            self.order = self.boms[0 if state[1] == 0 else 1][1]


class _Utf32Decoder(_Utf16Decoder):
    width = 4
    boms = ((BOM_UTF32_LE, 'utf-32-le'), (BOM_UTF32_BE, 'utf-32-be'))


class _BomEncoder(IncrementalEncoder):
    """utf-16/utf-32/utf-8-sig: a BOM before the first output."""

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.first = True

    def encode(self, input, final=False):
        out = _encode_text(input, self.body, self.errors)
        if self.first:
            self.first = False
            out = self.bom + out
        return out

    def reset(self):
        self.first = True

    def getstate(self):
        return 2 if self.first else 0

    def setstate(self, state):
        self.first = bool(state)


class _Utf8SigDecoder(BufferedIncrementalDecoder):
    def __init__(self, errors='strict'):
        BufferedIncrementalDecoder.__init__(self, errors)
        self.first = True

    def _buffer_decode(self, input, errors, final):
        skip = 0
        if self.first:
            if len(input) < 3 and BOM_UTF8.startswith(input) and not final:
                return '', 0
            self.first = False
            if input.startswith(BOM_UTF8):
                skip = 3
        data = input[skip:]
        cut = len(data) if final else len(data) - _utf8_tail(data)
        return _decode_bytes(data[:cut], 'utf-8', errors), skip + cut

    def reset(self):
        BufferedIncrementalDecoder.reset(self)
        self.first = True

    def getstate(self):
        state = BufferedIncrementalDecoder.getstate(self)
        return (state[0], self.first)

    def setstate(self, state):
        BufferedIncrementalDecoder.setstate(self, state)
        self.first = state[1]


def _make_text_codec(name, encoding, fname, tail=None, bom=None):
    """The CodecInfo of a runtime text encoding."""
    encode = _encoder(encoding, fname + '_encode')
    decode = _decoder(encoding, tail)

    def decode_all(input, errors='strict'):
        return decode(input, errors, True)

    if bom is None:
        class IncEncoder(IncrementalEncoder):
            def encode(self, input, final=False):
                return _encode_text(input, encoding, self.errors)
    else:
        class IncEncoder(_BomEncoder):
            pass
        IncEncoder.bom = bom[0]
        IncEncoder.body = bom[1]

    if name in ('utf-16', 'utf-32'):
        IncDecoder = _Utf16Decoder if name == 'utf-16' else _Utf32Decoder
    elif name == 'utf-8-sig':
        IncDecoder = _Utf8SigDecoder
    else:
        class IncDecoder(BufferedIncrementalDecoder):
            def _buffer_decode(self, input, errors, final):
                return decode(input, errors, final)

    class Writer(StreamWriter):
        def __init__(self, stream, errors='strict'):
            StreamWriter.__init__(self, stream, errors)
            self._inc = IncEncoder(errors)

        def encode(self, input, errors='strict'):
            return self._inc.encode(input), len(input)

        def reset(self):
            self._inc.reset()

    class Reader(StreamReader):
        def __init__(self, stream, errors='strict'):
            StreamReader.__init__(self, stream, errors)
            self._inc = IncDecoder(errors)

        def decode(self, input, errors='strict'):
            self._inc.reset()
            out = self._inc.decode(input)
            return out, len(input) - len(self._inc.buffer)

        def reset(self):
            StreamReader.reset(self)
            self._inc.reset()

    for cls, suffix in ((IncEncoder, 'IncrementalEncoder'), (IncDecoder, 'IncrementalDecoder'),
                        (Writer, 'StreamWriter'), (Reader, 'StreamReader')):
        if cls.__module__ == __name__ and cls.__name__ in ('IncEncoder', 'IncDecoder',
                                                           'Writer', 'Reader'):
            cls.__name__ = cls.__qualname__ = suffix
            cls.__module__ = 'encodings.' + fname
    return CodecInfo(name=name, encode=encode, decode=decode_all,
                     incrementalencoder=IncEncoder, incrementaldecoder=IncDecoder,
                     streamreader=Reader, streamwriter=Writer)


def _bytes_codec(name, enc, dec):
    """A bytes-to-bytes codec (hex, base64)."""
    def encode(input, errors='strict'):
        assert errors == 'strict'
        data = _data(input, name)
        return enc(data), len(data)

    def decode(input, errors='strict'):
        assert errors == 'strict'
        data = _data(input, name)
        return dec(data), len(data)

    class IncEncoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return enc(_data(input, name))

    class IncDecoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return dec(_data(input, name))

    class Writer(StreamWriter):
        charbuffertype = bytes

        def encode(self, input, errors='strict'):
            return encode(input, errors)

    class Reader(StreamReader):
        charbuffertype = bytes

        def decode(self, input, errors='strict'):
            return decode(input, errors)

    return CodecInfo(name=name, encode=encode, decode=decode, incrementalencoder=IncEncoder,
                     incrementaldecoder=IncDecoder, streamwriter=Writer, streamreader=Reader,
                     _is_text_encoding=False)


def _hex_codec():
    import binascii
    return _bytes_codec('hex', binascii.b2a_hex, binascii.a2b_hex)


def _base64_codec():
    import base64
    return _bytes_codec('base64', base64.encodebytes, base64.decodebytes)


def _rot13_codec():
    table = {}
    for a, z in ((ord('a'), ord('z')), (ord('A'), ord('Z'))):
        for c in range(a, z + 1):
            table[c] = a + (c - a + 13) % 26

    def rot13(input, errors='strict'):
        return (str.translate(input, table), len(input))

    class IncEncoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return str.translate(input, table)

    class IncDecoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return str.translate(input, table)

    class Writer(StreamWriter):
        def encode(self, input, errors='strict'):
            return rot13(input, errors)

    class Reader(StreamReader):
        def decode(self, input, errors='strict'):
            return rot13(input, errors)

    return CodecInfo(name='rot-13', encode=rot13, decode=rot13, incrementalencoder=IncEncoder,
                     incrementaldecoder=IncDecoder, streamwriter=Writer, streamreader=Reader,
                     _is_text_encoding=False)


_TEXT = {
    'utf_8': ('utf-8', 'utf-8', 'utf_8', _utf8_tail, None),
    'utf_8_sig': ('utf-8-sig', 'utf-8-sig', 'utf_8_sig', None, (BOM_UTF8, 'utf-8')),
    'utf_16': ('utf-16', 'utf-16', 'utf_16', None, (BOM_UTF16, 'utf-16-le' if sys.byteorder == 'little' else 'utf-16-be')),
    'utf_16_le': ('utf-16-le', 'utf-16-le', 'utf_16_le', lambda d: _utf16_tail(d, True), None),
    'utf_16_be': ('utf-16-be', 'utf-16-be', 'utf_16_be', lambda d: _utf16_tail(d, False), None),
    'utf_32': ('utf-32', 'utf-32', 'utf_32', None, (BOM_UTF32, 'utf-32-le' if sys.byteorder == 'little' else 'utf-32-be')),
    'utf_32_le': ('utf-32-le', 'utf-32-le', 'utf_32_le', lambda d: len(d) % 4, None),
    'utf_32_be': ('utf-32-be', 'utf-32-be', 'utf_32_be', lambda d: len(d) % 4, None),
    'ascii': ('ascii', 'ascii', 'ascii', None, None),
    'latin_1': ('iso8859-1', 'latin-1', 'latin_1', None, None),
    'cp1252': ('cp1252', 'cp1252', 'cp1252', None, None),
}

_ALIASES = {
    'utf8': 'utf_8', 'u8': 'utf_8', 'utf': 'utf_8', 'utf8_ucs2': 'utf_8', 'utf8_ucs4': 'utf_8',
    'cp65001': 'utf_8',
    'utf16': 'utf_16', 'u16': 'utf_16', 'utf_16le': 'utf_16_le', 'utf_16be': 'utf_16_be',
    'unicodelittleunmarked': 'utf_16_le', 'unicodebigunmarked': 'utf_16_be',
    'utf32': 'utf_32', 'u32': 'utf_32', 'utf_32le': 'utf_32_le', 'utf_32be': 'utf_32_be',
    '646': 'ascii', 'ansi_x3_4_1968': 'ascii', 'ansi_x3_4_1986': 'ascii', 'cp367': 'ascii',
    'csascii': 'ascii', 'ibm367': 'ascii', 'iso646_us': 'ascii', 'iso_646_irv_1991': 'ascii',
    'iso_ir_6': 'ascii', 'us': 'ascii', 'us_ascii': 'ascii',
    'latin1': 'latin_1', 'latin': 'latin_1', 'l1': 'latin_1', '8859': 'latin_1',
    'cp819': 'latin_1', 'csisolatin1': 'latin_1', 'ibm819': 'latin_1', 'iso8859': 'latin_1',
    'iso8859_1': 'latin_1', 'iso_8859_1': 'latin_1', 'iso_8859_1_1987': 'latin_1',
    'iso_ir_100': 'latin_1',
    'windows_1252': 'cp1252', '1252': 'cp1252',
    'hex': 'hex_codec', 'base64': 'base64_codec', 'base_64': 'base64_codec',
    'rot13': 'rot_13',
}

_MADE = {'hex_codec': _hex_codec, 'base64_codec': _base64_codec, 'rot_13': _rot13_codec}

_search_functions = []
_cache = {}


def _normalize(name):
    out = []
    punct = False
    for c in name:
        if c.isalnum() or c == '.':
            if punct and out:
                out.append('_')
            if c.isascii():
                out.append(c.lower())
            punct = False
        else:
            punct = True
    return ''.join(out).replace('.', '_')


def _builtin_search(name):
    key = _normalize(name)
    key = _ALIASES.get(key, key)
    if key in _TEXT:
        cname, encoding, fname, tail, bom = _TEXT[key]
        return _make_text_codec(cname, encoding, fname, tail, bom)
    if key in _MADE:
        return _MADE[key]()
    return None


def register(search_function, /):
    """Add a search function: name -> CodecInfo or None."""
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search_functions.append(search_function)


def unregister(search_function, /):
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def lookup(encoding, /):
    """The CodecInfo of an encoding (LookupError if there is none)."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = encoding.lower().replace(' ', '_')
    info = _cache.get(key)
    if info is not None:
        return info
    for search in _search_functions:
        info = search(key)
        if info is not None:
            if not isinstance(info, tuple) or len(info) != 4:
                raise TypeError('codec search functions must return 4-tuples')
            break
    else:
        info = _builtin_search(key)
    if info is None:
        raise LookupError('unknown encoding: %s' % encoding)
    _cache[key] = info
    return info


def _wrapped(exc, what, encoding):
    """CPython's wrapping of a plain exception raised by a codec: the same type, with a
    message naming the codec, chained to the original."""
    t = type(exc)
    args = exc.args
    if (t.__module__ != 'builtins' or isinstance(exc, (UnicodeError, OSError, SyntaxError,
                                                         StopIteration, SystemExit, ImportError))
            or len(args) > 1 or (args and not isinstance(args[0], str))
            or getattr(exc, '__dict__', None)):
        return None
    return t("%s with %r codec failed (%s: %s)" % (what, encoding, t.__name__, exc))


def encode(obj, encoding='utf-8', errors='strict'):
    """Encode obj with the codec registered for encoding."""
    codec = lookup(encoding)
    try:
        result = codec.encode(obj, errors)
    except Exception as exc:
        new = _wrapped(exc, 'encoding', encoding)
        if new is None:
            raise
        raise new from exc
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError('encoder must return a tuple (object, integer)')
    return result[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decode obj with the codec registered for encoding."""
    codec = lookup(encoding)
    try:
        result = codec.decode(obj, errors)
    except Exception as exc:
        new = _wrapped(exc, 'decoding', encoding)
        if new is None:
            raise
        raise new from exc
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError('decoder must return a tuple (object,integer)')
    return result[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open a file whose text is encoded and decoded by the codec of encoding."""
    if encoding is not None and 'b' not in mode:
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    if file_encoding is None:
        file_encoding = data_encoding
    data_info = lookup(data_encoding)
    file_info = lookup(file_encoding)
    sr = StreamRecoder(file, data_info.encode, data_info.decode,
                       file_info.streamreader, file_info.streamwriter, errors)
    sr.data_encoding = data_encoding
    sr.file_encoding = file_encoding
    return sr


def make_identity_dict(rng):
    return {i: i for i in rng}


def make_encoding_map(decoding_map):
    m = {}
    for k, v in decoding_map.items():
        if v not in m:
            m[v] = k
        else:
            m[v] = None
    return m


# aliases of the functions the C module _codecs exports
utf_8_encode = _encoder('utf-8', 'utf_8_encode')
utf_8_decode = _decoder('utf-8', _utf8_tail)
ascii_encode = _encoder('ascii', 'ascii_encode')
latin_1_encode = _encoder('latin-1', 'latin_1_encode')

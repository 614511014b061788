"""JSON encoding: `JSONEncoder` and the string escapers (Spindle's own implementation)."""

__all__ = ['JSONEncoder']

try:
    import _json
except ImportError:
    _json = None

INFINITY = float('inf')

# Escapes used whatever ensure_ascii says: the quote, the backslash and the control characters.
_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
                  '\b': '\\b', '\f': '\\f'}
ESCAPE_DCT = {}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
ESCAPE_DCT.update(_SHORT_ESCAPES)
_TRANSLATE = {ord(k): v for k, v in ESCAPE_DCT.items()}
_TRANSLATE_ASCII = dict(_TRANSLATE)
_TRANSLATE_ASCII[0x7f] = '\\u007f'
del _i


def py_encode_basestring(s):
    """Return a JSON representation of a Python string."""
    return '"' + s.translate(_TRANSLATE) + '"'


encode_basestring = _json.encode_basestring if _json is not None else py_encode_basestring


def _escape_non_ascii(s):
    out = []
    for ch in s:
        n = ord(ch)
        if n < 0x7f:
            out.append(ch)
        elif n < 0x10000:
            out.append('\\u{0:04x}'.format(n))
        else:
            n -= 0x10000
            out.append('\\u{0:04x}\\u{1:04x}'.format(0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
    return ''.join(out)


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    s = s.translate(_TRANSLATE_ASCII)
    if not s.isascii():
        s = _escape_non_ascii(s)
    return '"' + s + '"'


encode_basestring_ascii = (_json.encode_basestring_ascii if _json is not None
                           else py_encode_basestring_ascii)


class JSONEncoder(object):
    """Extensible JSON encoder for Python data structures.

    Supports dict, list, tuple, str, int, float, True, False and None (and their subclasses);
    override `default` to serialize other objects.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for `o`, or raise TypeError (the base behaviour)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode `o`, returning its JSON text as an iterable of chunks."""
        chunks = []
        self._iterencode_partial(o, chunks)
        return chunks

    def _iterencode_partial(self, o, out):
        """Append the chunks of `o` to `out`; on error, `out` holds what was produced so far."""
        if _json is None:
            _Encoding(self, out).encode(o, 0)
            return
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        _json.encode_into(o, out, self.check_circular, self.default, self.ensure_ascii,
                          indent, self.key_separator, self.item_separator, self.sort_keys,
                          self.skipkeys, self.allow_nan)


def _floatstr(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == INFINITY:
        text = 'Infinity'
    elif o == -INFINITY:
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Encoding(object):
    """One encoding run: the options of an encoder and the output list."""

    def __init__(self, enc, out):
        self.enc = enc
        self.out = out
        self.markers = {} if enc.check_circular else None
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        self.allow_nan = enc.allow_nan
        self.esc = encode_basestring_ascii if enc.ensure_ascii else encode_basestring

    def encode(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.esc(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_floatstr(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            markers = self.markers
            if markers is not None:
                marker = id(o)
                if marker in markers:
                    raise ValueError("Circular reference detected")
                markers[marker] = o
            o = self.enc.default(o)
            self.encode(o, level)
            if markers is not None:
                del markers[marker]

    def encode_list(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        markers = self.markers
        if markers is not None:
            marker = id(lst)
            if marker in markers:
                raise ValueError("Circular reference detected")
            markers[marker] = lst
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            out.append('[' + newline)
        else:
            sep = self.item_sep
            out.append('[')
        first = True
        esc = self.esc
        for value in lst:
            if first:
                first = False
            else:
                out.append(sep)
            if isinstance(value, str):
                out.append(esc(value))
            elif value is None:
                out.append('null')
            elif value is True:
                out.append('true')
            elif value is False:
                out.append('false')
            elif isinstance(value, int):
                out.append(int.__repr__(value))
            elif isinstance(value, float):
                out.append(_floatstr(value, self.allow_nan))
            else:
                self.encode(value, level)
        if indent is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append(']')
        if markers is not None:
            del markers[marker]

    def encode_dict(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        markers = self.markers
        if markers is not None:
            marker = id(dct)
            if marker in markers:
                raise ValueError("Circular reference detected")
            markers[marker] = dct
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            out.append('{' + newline)
        else:
            sep = self.item_sep
            out.append('{')
        first = True
        esc = self.esc
        key_sep = self.key_sep
        allow_nan = self.allow_nan
        items = sorted(dct.items()) if self.enc.sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key, allow_nan)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.enc.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(sep)
            out.append(esc(key))
            out.append(key_sep)
            if isinstance(value, str):
                out.append(esc(value))
            elif value is None:
                out.append('null')
            elif value is True:
                out.append('true')
            elif value is False:
                out.append('false')
            elif isinstance(value, int):
                out.append(int.__repr__(value))
            elif isinstance(value, float):
                out.append(_floatstr(value, allow_nan))
            else:
                self.encode(value, level)
        if indent is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append('}')
        if markers is not None:
            del markers[marker]

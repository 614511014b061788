"""pickle: CPython's pickle format, written in Python for Spindle.

Owns: Pickler (protocols 0-5; output byte-identical to CPython 3.11's C pickler in the common
cases, framing included), Unpickler (every opcode of protocols 0-5), dumps/loads/dump/load, and
the default object reduction used when the runtime has no ``object.__reduce_ex__`` of its own
(``_default_reduce``).  Needs only builtins, sys, math and copyreg: floats are packed by hand,
ints with int.to_bytes / int.from_bytes, and in-memory output is a bytearray.

The opcode set is the one documented by pickletools / PEP 307 / PEP 3154 / PEP 574.
"""

import sys
import math
import copyreg

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


# --- opcodes --------------------------------------------------------------------------------

MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
# protocol 2
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
# protocol 3
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
# protocol 4
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
# protocol 5
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_TUPLESIZE2CODE = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]

_BATCHSIZE = 1000
_FRAME_SIZE_TARGET = 64 * 1024
_FRAME_SIZE_MIN = 4
_FRAME_HEADER_SIZE = 9


# --- number encodings -----------------------------------------------------------------------

def _pack_double(x):
    """IEEE-754 binary64, big-endian, as struct.pack('>d', x)."""
    if x != x:
        return b'\xff\xf8\x00\x00\x00\x00\x00\x00' if math.copysign(1.0, x) < 0 \
            else b'\x7f\xf8\x00\x00\x00\x00\x00\x00'
    sign = 0
    if x < 0.0 or (x == 0.0 and math.copysign(1.0, x) < 0.0):
        sign = 1
        x = -x
    if x == 0.0:
        bits = 0
    elif x == math.inf:
        bits = 0x7ff << 52
    else:
        m, e = math.frexp(x)            # x = m * 2**e with 0.5 <= m < 1
        biased = e + 1022
        if biased <= 0:                 # subnormal
            bits = int(math.ldexp(x, 1074))
        else:
            bits = (biased << 52) | (int(math.ldexp(m, 53)) - (1 << 52))
    if sign:
        bits |= 1 << 63
    return bits.to_bytes(8, 'big')


def _unpack_double(data):
    bits = int.from_bytes(data, 'big')
    exp = (bits >> 52) & 0x7ff
    frac = bits & 0xfffffffffffff
    if exp == 0x7ff:
        value = math.inf if frac == 0 else math.nan
    elif exp == 0:
        value = math.ldexp(float(frac), -1074)
    else:
        value = math.ldexp(float(frac | (1 << 52)), exp - 1075)
    if bits >> 63:
        value = math.copysign(value, -1.0)
    return value


def encode_long(x):
    """Minimal little-endian two's complement bytes of x (b'' for 0)."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1 and result[-1] == 0xff and (result[-2] & 0x80) != 0:
        result = result[:-1]
    return result


def decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


# --- text codecs for protocol 0 -------------------------------------------------------------

def _raw_unicode_escape(s):
    """Protocol 0 UNICODE argument: latin-1 with \\uXXXX / \\UXXXXXXXX escapes."""
    out = []
    for ch in s:
        c = ord(ch)
        if c >= 0x10000:
            out.append('\\U%08x' % c)
        elif c >= 256 or c in (0x5c, 0x0a, 0x0d, 0x00, 0x1a):
            out.append('\\u%04x' % c)
        else:
            out.append(ch)
    return ''.join(out).encode('latin-1')


def _raw_unicode_unescape(data):
    text = data.decode('latin-1')
    if '\\' not in text:
        return text
    out = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '\\' and i + 1 < n and text[i + 1] in 'uU':
            # an odd run of backslashes escapes; an even run is literal
            j = i
            while j > 0 and text[j - 1] == '\\':
                j -= 1
            if (i - j) % 2 == 0:
                width = 4 if text[i + 1] == 'u' else 8
                digits = text[i + 2:i + 2 + width]
                if len(digits) != width or not all(d in '0123456789abcdefABCDEF'
                                                   for d in digits):
                    raise UnicodeDecodeError('rawunicodeescape', data, i, i + 2 + len(digits),
                                             'truncated \\%sXXXX escape' % text[i + 1])
                code = int(digits, 16)
                if code > 0x10ffff:
                    raise UnicodeDecodeError('rawunicodeescape', data, i, i + 2 + width,
                                             '\\Uxxxxxxxx out of range')
                out.append(chr(code))
                i += 2 + width
                continue
        out.append(ch)
        i += 1
    return ''.join(out)


_SIMPLE_ESCAPES = {'\\': 0x5c, "'": 0x27, '"': 0x22, 'a': 7, 'b': 8, 'f': 12, 'n': 10,
                   'r': 13, 't': 9, 'v': 11}


def _escape_decode(data):
    """Python 2 string-escape decoding of a protocol 0 STRING argument."""
    if b'\\' not in data:
        return bytes(data)
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c != 0x5c:
            out.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise ValueError("Trailing \\ in string")
        e = chr(data[i])
        i += 1
        if e in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[e])
        elif e == '\n':
            pass
        elif e in '01234567':
            value = int(e)
            for _ in range(2):
                if i < n and chr(data[i]) in '01234567':
                    value = value * 8 + int(chr(data[i]))
                    i += 1
            out.append(value & 0xff)
        elif e == 'x':
            digits = data[i:i + 2].decode('latin-1')
            if len(digits) != 2 or not all(d in '0123456789abcdefABCDEF' for d in digits):
                raise ValueError("invalid \\x escape at position %d" % (i - 2))
            out.append(int(digits, 16))
            i += 2
        else:
            out.append(0x5c)
            out.append(ord(e))
    return bytes(out)


# --- names renamed between Python 2 and 3 (used with fix_imports for protocols < 3) ----------

_PY2_MODULES = {
    '__builtin__': 'builtins', 'copy_reg': 'copyreg', 'Queue': 'queue',
    'SocketServer': 'socketserver', 'ConfigParser': 'configparser', 'repr': 'reprlib',
    '_winreg': 'winreg', 'thread': '_thread', 'dummy_thread': '_dummy_thread',
    'markupbase': '_markupbase', 'dbhash': 'dbm.bsd', 'dumbdbm': 'dbm.dumb', 'dbm': 'dbm.ndbm',
    'gdbm': 'dbm.gnu', 'anydbm': 'dbm', 'xmlrpclib': 'xmlrpc.client',
    'SimpleXMLRPCServer': 'xmlrpc.server', 'DocXMLRPCServer': 'xmlrpc.server',
    'httplib': 'http.client', 'htmlentitydefs': 'html.entities', 'HTMLParser': 'html.parser',
    'Cookie': 'http.cookies', 'cookielib': 'http.cookiejar', 'BaseHTTPServer': 'http.server',
    'SimpleHTTPServer': 'http.server', 'CGIHTTPServer': 'http.server',
    'test.test_support': 'test.support', 'commands': 'subprocess', 'urlparse': 'urllib.parse',
    'robotparser': 'urllib.robotparser', 'urllib2': 'urllib.request', '_abcoll': 'collections.abc',
    'cPickle': 'pickle', '_elementtree': 'xml.etree.ElementTree', 'FileDialog': 'tkinter.filedialog',
    'tkFileDialog': 'tkinter.filedialog', 'Tkinter': 'tkinter', 'ttk': 'tkinter.ttk',
    'cStringIO': 'io', 'StringIO': 'io', 'UserDict': 'collections', 'UserList': 'collections',
    'UserString': 'collections', 'whichdb': 'dbm', 'exceptions': 'builtins',
    'sets': 'builtins', 'itertools': 'itertools',
}
_PY2_NAMES = {
    ('__builtin__', 'xrange'): ('builtins', 'range'),
    ('__builtin__', 'reduce'): ('functools', 'reduce'),
    ('__builtin__', 'intern'): ('sys', 'intern'),
    ('__builtin__', 'unichr'): ('builtins', 'chr'),
    ('__builtin__', 'unicode'): ('builtins', 'str'),
    ('__builtin__', 'long'): ('builtins', 'int'),
    ('__builtin__', 'basestring'): ('builtins', 'str'),
    ('itertools', 'izip'): ('builtins', 'zip'),
    ('itertools', 'imap'): ('builtins', 'map'),
    ('itertools', 'ifilter'): ('builtins', 'filter'),
    ('itertools', 'ifilterfalse'): ('itertools', 'filterfalse'),
    ('itertools', 'izip_longest'): ('itertools', 'zip_longest'),
    ('UserDict', 'IterableUserDict'): ('collections', 'UserDict'),
    ('UserDict', 'UserDict'): ('collections', 'UserDict'),
    ('UserList', 'UserList'): ('collections', 'UserList'),
    ('UserString', 'UserString'): ('collections', 'UserString'),
    ('whichdb', 'whichdb'): ('dbm', 'whichdb'),
    ('_socket', 'fromfd'): ('socket', 'fromfd'),
    ('_multiprocessing', 'Connection'): ('multiprocessing.connection', 'Connection'),
    ('multiprocessing.process', 'Process'): ('multiprocessing.context', 'Process'),
    ('multiprocessing.forking', 'Popen'): ('multiprocessing.popen_fork', 'Popen'),
    ('multiprocessing', 'AuthenticationError'): ('multiprocessing.context', 'AuthenticationError'),
    ('multiprocessing', 'BufferTooShort'): ('multiprocessing.context', 'BufferTooShort'),
    ('multiprocessing', 'ProcessError'): ('multiprocessing.context', 'ProcessError'),
    ('multiprocessing', 'TimeoutError'): ('multiprocessing.context', 'TimeoutError'),
    ('urllib', 'quote'): ('urllib.parse', 'quote'),
    ('urllib', 'unquote'): ('urllib.parse', 'unquote'),
    ('urllib', 'urlencode'): ('urllib.parse', 'urlencode'),
    ('urllib', 'urlopen'): ('urllib.request', 'urlopen'),
    ('urllib2', 'HTTPError'): ('urllib.error', 'HTTPError'),
    ('urllib2', 'URLError'): ('urllib.error', 'URLError'),
    ('sets', 'Set'): ('builtins', 'set'),
    ('sets', 'ImmutableSet'): ('builtins', 'frozenset'),
}
# Python 3 -> Python 2, for dumping at protocols 0-2.
_PY3_MODULES = {
    'builtins': '__builtin__', 'copyreg': 'copy_reg', 'queue': 'Queue',
    'socketserver': 'SocketServer', 'configparser': 'ConfigParser', 'reprlib': 'repr',
    'winreg': '_winreg', '_thread': 'thread', '_dummy_thread': 'dummy_thread',
    '_markupbase': 'markupbase', 'dbm.bsd': 'dbhash', 'dbm.dumb': 'dumbdbm', 'dbm.ndbm': 'dbm',
    'dbm.gnu': 'gdbm', 'dbm': 'anydbm', '_dbm': 'dbm', '_gdbm': 'gdbm',
    'xmlrpc.client': 'xmlrpclib', 'xmlrpc.server': 'SimpleXMLRPCServer',
    'http.client': 'httplib', 'html.entities': 'htmlentitydefs', 'html.parser': 'HTMLParser',
    'http.cookies': 'Cookie', 'http.cookiejar': 'cookielib', 'http.server': 'BaseHTTPServer',
    'test.support': 'test.test_support', 'subprocess': 'commands',
    'urllib.parse': 'urlparse', 'urllib.robotparser': 'robotparser',
    'urllib.request': 'urllib2', 'collections.abc': '_abcoll', '_bz2': 'bz2',
    '_functools': 'functools', '_pickle': 'pickle',
    'tkinter': 'Tkinter', 'tkinter.ttk': 'ttk', 'tkinter.filedialog': 'tkFileDialog',
}
_PY3_NAMES = {
    ('builtins', 'range'): ('__builtin__', 'xrange'),
    ('builtins', 'chr'): ('__builtin__', 'unichr'),
    ('builtins', 'str'): ('__builtin__', 'unicode'),
    ('builtins', 'int'): ('__builtin__', 'long'),
    ('builtins', 'zip'): ('itertools', 'izip'),
    ('builtins', 'map'): ('itertools', 'imap'),
    ('builtins', 'filter'): ('itertools', 'ifilter'),
    ('functools', 'reduce'): ('__builtin__', 'reduce'),
    ('_functools', 'reduce'): ('__builtin__', 'reduce'),
    ('sys', 'intern'): ('__builtin__', 'intern'),
    ('itertools', 'filterfalse'): ('itertools', 'ifilterfalse'),
    ('itertools', 'zip_longest'): ('itertools', 'izip_longest'),
    ('collections', 'UserDict'): ('UserDict', 'IterableUserDict'),
    ('collections', 'UserList'): ('UserList', 'UserList'),
    ('collections', 'UserString'): ('UserString', 'UserString'),
    ('dbm', 'whichdb'): ('whichdb', 'whichdb'),
    ('socket', 'fromfd'): ('_socket', 'fromfd'),
    ('_socket', 'socket'): ('socket', '_socketobject'),
    ('multiprocessing.connection', 'Connection'): ('_multiprocessing', 'Connection'),
    ('multiprocessing.context', 'Process'): ('multiprocessing.process', 'Process'),
    ('multiprocessing.popen_fork', 'Popen'): ('multiprocessing.forking', 'Popen'),
    ('multiprocessing.context', 'AuthenticationError'): ('multiprocessing', 'AuthenticationError'),
    ('multiprocessing.context', 'BufferTooShort'): ('multiprocessing', 'BufferTooShort'),
    ('multiprocessing.context', 'ProcessError'): ('multiprocessing', 'ProcessError'),
    ('multiprocessing.context', 'TimeoutError'): ('multiprocessing', 'TimeoutError'),
    ('urllib.parse', 'quote'): ('urllib', 'quote'),
    ('urllib.parse', 'unquote'): ('urllib', 'unquote'),
    ('urllib.parse', 'urlencode'): ('urllib', 'urlencode'),
    ('urllib.request', 'urlopen'): ('urllib', 'urlopen'),
    ('urllib.error', 'HTTPError'): ('urllib2', 'HTTPError'),
    ('urllib.error', 'URLError'): ('urllib2', 'URLError'),
}
# Python 2's `exceptions` module held these; OSError's Python 3 subclasses map onto OSError.
for _name in ('ArithmeticError AssertionError AttributeError BaseException BufferError '
              'BytesWarning DeprecationWarning EOFError Exception FloatingPointError '
              'FutureWarning GeneratorExit ImportError ImportWarning IndentationError '
              'IndexError KeyError KeyboardInterrupt LookupError MemoryError NameError '
              'NotImplementedError OSError OverflowError PendingDeprecationWarning '
              'ReferenceError RuntimeError RuntimeWarning StopIteration SyntaxError '
              'SyntaxWarning SystemError SystemExit TabError TypeError UnboundLocalError '
              'UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError '
              'UnicodeWarning UserWarning ValueError Warning ZeroDivisionError').split():
    _PY3_NAMES[('builtins', _name)] = ('exceptions', _name)
for _name in ('BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError '
              'ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError '
              'InterruptedError IsADirectoryError NotADirectoryError PermissionError '
              'ProcessLookupError TimeoutError EnvironmentError IOError').split():
    _PY3_NAMES[('builtins', _name)] = ('exceptions', 'OSError')
_PY3_NAMES[('builtins', 'ModuleNotFoundError')] = ('exceptions', 'ImportError')
_PY2_NAMES[('exceptions', 'StandardError')] = ('builtins', 'Exception')
del _name


# --- default reduction ----------------------------------------------------------------------

def _f():
    pass


_FunctionType = type(_f)
_BuiltinFunctionType = type(len)
del _f

_OBJECT_REDUCE_EX = getattr(object, '__reduce_ex__', None)
_OBJECT_REDUCE = getattr(object, '__reduce__', None)
_OBJECT_GETSTATE = getattr(object, '__getstate__', None)
_HEAPTYPE = 1 << 9
_NoneType = type(None)
_NotImplementedType = type(NotImplemented)
_EllipsisType = type(...)


def _is_heap_type(cls):
    flags = getattr(cls, '__flags__', None)
    if flags is not None:
        return bool(flags & _HEAPTYPE)
    return getattr(cls, '__module__', None) != 'builtins'


def _type_name(cls):
    """What CPython's tp_name would print for cls: the bare name for a class statement,
    module-qualified for types implemented natively (outside builtins)."""
    own = cls.__dict__
    if '__dict__' in own or '__weakref__' in own or '__slots__' in own:
        return cls.__name__
    module = getattr(cls, '__module__', 'builtins')
    if module == 'builtins' or not isinstance(module, str):
        return cls.__qualname__
    return '%s.%s' % (module, cls.__qualname__)


_PTR_SIZE = 8 if sys.maxsize > 2 ** 32 else 4
_DISALLOW_INSTANTIATION = 1 << 7
_MANAGED_DICT = 1 << 4


def _check_default_layout(cls, slotnames):
    """Refuse objects whose C-level layout carries data that no state would capture
    (CPython compares tp_basicsize with what object, __dict__, __weakref__ and slots need)."""
    size = getattr(cls, '__basicsize__', None)
    if size is None:
        # no layout information: a builtin base other than object is taken as opaque
        for klass in cls.__mro__:
            if not _is_heap_type(klass):
                if klass is not object:
                    raise TypeError("cannot pickle %r object" % _type_name(cls))
                return
        return
    expected = object.__basicsize__
    if getattr(cls, '__dictoffset__', 0) and not (getattr(cls, '__flags__', 0) & _MANAGED_DICT):
        expected += _PTR_SIZE
    if getattr(cls, '__weakrefoffset__', 0):
        expected += _PTR_SIZE
    expected += _PTR_SIZE * len(slotnames)
    if size > expected:
        raise TypeError("cannot pickle %r object" % _type_name(cls))


def _default_getstate(obj, required):
    cls = type(obj)
    if required and getattr(cls, '__itemsize__', 0):
        raise TypeError("cannot pickle %s objects" % _type_name(cls))
    try:
        state = obj.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    slotnames = copyreg._slotnames(cls)
    if required:
        _check_default_layout(cls, slotnames)
    if slotnames:
        slots = {}
        for name in slotnames:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _object_getstate(obj, required):
    cls_getstate = getattr(type(obj), '__getstate__', None)
    if cls_getstate is None or cls_getstate is _OBJECT_GETSTATE:
        return _default_getstate(obj, required)
    return obj.__getstate__()


def _getnewargs(obj):
    cls = type(obj)
    if getattr(cls, '__getnewargs_ex__', None) is not None:
        newargs = obj.__getnewargs_ex__()
        if not isinstance(newargs, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not '%.200s'"
                            % type(newargs).__name__)
        if len(newargs) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, not %d"
                             % len(newargs))
        args, kwargs = newargs
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ must be "
                            "a tuple, not '%.200s'" % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ must be "
                            "a dict, not '%.200s'" % type(kwargs).__name__)
        return args, kwargs
    if getattr(cls, '__getnewargs__', None) is not None:
        args = obj.__getnewargs__()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, not '%.200s'"
                            % type(args).__name__)
        return args, None
    return None, None


def _default_reduce(obj, proto):
    """What CPython's object.__reduce_ex__(proto) returns, for objects that don't override it."""
    cls = type(obj)
    if isinstance(obj, BaseException):
        # BaseException.__reduce__, for runtimes that don't define it
        state = getattr(obj, '__dict__', None)
        if state:
            return (cls, obj.args, state)
        return (cls, obj.args)
    if isinstance(obj, _BuiltinFunctionType):
        owner = getattr(obj, '__self__', None)
        if owner is None or type(owner).__name__ == 'module':
            return obj.__qualname__
        return (getattr, (owner, obj.__name__))
    if proto < 2:
        return copyreg._reduce_ex(obj, proto)
    if getattr(cls, '__flags__', 0) & _DISALLOW_INSTANTIATION:
        raise TypeError("cannot pickle %r object" % _type_name(cls))
    args, kwargs = _getnewargs(obj)
    hasargs = args is not None
    if not kwargs:
        newobj = copyreg.__newobj__
        newargs = (cls,) + (args if args is not None else ())
    else:
        newobj = copyreg.__newobj_ex__
        newargs = (cls, args, kwargs)
    state = _object_getstate(obj, not hasargs and not isinstance(obj, (list, dict)))
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return (newobj, newargs, state, listitems, dictitems)


def _reduce_object(obj, proto):
    """obj.__reduce_ex__(proto), with _default_reduce standing in for object's own."""
    cls = type(obj)
    reduce_ex = getattr(cls, '__reduce_ex__', None)
    if reduce_ex is None or reduce_ex is _OBJECT_REDUCE_EX:
        reduce = getattr(cls, '__reduce__', None)
        if reduce is not None and reduce is not _OBJECT_REDUCE:
            return obj.__reduce__()
        return _default_reduce(obj, proto)
    return obj.__reduce_ex__(proto)


# --- looking up globals ---------------------------------------------------------------------

def _getattribute(obj, dotted):
    for part in dotted:
        obj = getattr(obj, part)
    return obj


def whichmodule(obj, name):
    """The name of the module that defines obj (dotted name `name` inside it)."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    dotted = name.split('.') if isinstance(name, str) else name
    for module_name, module in sys.modules.copy().items():
        if module_name in ('__main__', '__mp_main__') or module is None:
            continue
        try:
            if _getattribute(module, dotted) is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


# --- the pickler ----------------------------------------------------------------------------

class Pickler:
    """Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None)"""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None:
            if protocol < 5:
                raise ValueError("buffer_callback needs protocol >= 5")
            raise NotImplementedError("out-of-band buffers are not supported")
        if file is not None:
            try:
                self._file_write = file.write
            except AttributeError:
                raise TypeError("file must have a 'write' attribute")
        else:
            self._file_write = None
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        self.memo = {}
        self._buf = bytearray()
        self._frame_start = -1

    def clear_memo(self):
        self.memo.clear()

    # - output -

    def _commit_frame(self):
        start = self._frame_start
        if start < 0:
            return
        buf = self._buf
        size = len(buf) - start - _FRAME_HEADER_SIZE
        if size >= _FRAME_SIZE_MIN:
            buf[start:start + _FRAME_HEADER_SIZE] = FRAME + size.to_bytes(8, 'little')
        else:
            del buf[start:start + _FRAME_HEADER_SIZE]
        self._frame_start = -1

    def _open_frame(self):
        self._frame_start = len(self._buf)
        self._buf += b'\0' * _FRAME_HEADER_SIZE

    def _flush_to_file(self):
        if self._file_write is not None and self._buf:
            self._file_write(bytes(self._buf))
            del self._buf[:]

    def _write_large(self, header, payload):
        """Header + payload; a payload of a frame's size or more goes outside any frame."""
        if self._framing and len(payload) >= _FRAME_SIZE_TARGET:
            self._commit_frame()
            self._buf += header
            if self._file_write is not None:
                self._flush_to_file()
                self._file_write(payload)
            else:
                self._buf += payload
            self._open_frame()
        else:
            self._buf += header
            self._buf += payload

    def dump(self, obj):
        if not hasattr(self, '_buf'):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % type(self).__name__)
        proto = self.proto
        self._framing = proto >= 4
        self._pers_func = getattr(self, 'persistent_id', None)
        self._reducer_override = getattr(self, 'reducer_override', None)
        table = getattr(self, 'dispatch_table', None)
        self._table = table if table is not None else copyreg.dispatch_table
        self._user_table = table is not None
        self._buf = bytearray()
        if proto >= 2:
            self._buf += PROTO + bytes((proto,))
        if self._framing:
            self._open_frame()
        self.save(obj)
        self._buf += STOP
        if self._framing:
            self._commit_frame()
            self._framing = False
        if self._file_write is not None:
            self._flush_to_file()

    def _getvalue(self):
        return bytes(self._buf)

    # - memo -

    def memoize(self, obj):
        memo = self.memo
        idx = len(memo)
        if self.proto >= 4:
            self._buf += MEMOIZE
        elif self.bin:
            if idx < 256:
                self._buf += BINPUT + bytes((idx,))
            else:
                self._buf += LONG_BINPUT + idx.to_bytes(4, 'little')
        else:
            self._buf += PUT + str(idx).encode('ascii') + b'\n'
        memo[id(obj)] = (idx, obj)

    def _get(self, idx):
        if self.bin:
            if idx < 256:
                return BINGET + bytes((idx,))
            return LONG_BINGET + idx.to_bytes(4, 'little')
        return GET + str(idx).encode('ascii') + b'\n'

    # - the dispatcher -

    def save(self, obj, save_persistent_id=True):
        if save_persistent_id and self._pers_func is not None:
            pid = self._pers_func(obj)
            if pid is not None:
                self._save_pers(pid)
                self._boundary()
                return
        t = type(obj)
        if obj is None:
            self._buf += NONE
        elif t is bool:
            if self.proto >= 2:
                self._buf += NEWTRUE if obj else NEWFALSE
            else:
                self._buf += TRUE if obj else FALSE
        elif t is int:
            self._save_int(obj)
        elif t is float:
            if self.bin:
                self._buf += BINFLOAT + _pack_double(obj)
            else:
                self._buf += FLOAT + repr(obj).encode('ascii') + b'\n'
        else:
            hit = self.memo.get(id(obj))
            if hit is not None:
                self._buf += self._get(hit[0])
            else:
                saver = self._savers.get(t)
                if saver is not None:
                    saver(self, obj)
                else:
                    self._save_other(obj, t)
        self._boundary()

    def _boundary(self):
        if self._framing:
            start = self._frame_start
            if len(self._buf) - start - _FRAME_HEADER_SIZE >= _FRAME_SIZE_TARGET:
                self._commit_frame()
                self._flush_to_file()
                self._open_frame()

    def _save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self._buf += BINPERSID
        else:
            try:
                text = str(pid).encode('ascii')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")
            self._buf += PERSID + text + b'\n'

    def _save_other(self, obj, t):
        rv = NotImplemented
        if self._reducer_override is not None:
            rv = self._reducer_override(obj)
        if rv is NotImplemented:
            if t is type:
                self._save_type(obj)
                return
            if t is _FunctionType:
                self.save_global(obj)
                return
            reduce = None
            if self._user_table:
                try:
                    reduce = self._table[t]
                except KeyError:
                    reduce = None
            else:
                reduce = self._table.get(t)
            if reduce is not None:
                rv = reduce(obj)
            elif issubclass(t, type):
                self.save_global(obj)
                return
            else:
                rv = _reduce_object(obj, self.proto)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(obj=obj, *rv)

    # - atoms -

    def _save_int(self, obj):
        if -0x80000000 <= obj <= 0x7fffffff:
            if self.bin:
                if 0 <= obj <= 0xff:
                    self._buf += BININT1 + bytes((obj,))
                elif 0 <= obj <= 0xffff:
                    self._buf += BININT2 + obj.to_bytes(2, 'little')
                else:
                    self._buf += BININT + obj.to_bytes(4, 'little', signed=True)
            else:
                self._buf += INT + str(obj).encode('ascii') + b'\n'
        elif self.proto >= 2:
            data = encode_long(obj)
            n = len(data)
            if n < 256:
                self._buf += LONG1 + bytes((n,)) + data
            else:
                self._buf += LONG4 + n.to_bytes(4, 'little', signed=True) + data
        else:
            self._buf += LONG + str(obj).encode('ascii') + b'L\n'

    def _save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                try:
                    from _codecs import encode
                except ImportError:
                    from codecs import encode
                self.save_reduce(encode, (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n < 256:
            self._buf += SHORT_BINBYTES + bytes((n,)) + obj
        elif n <= 0xffffffff or self.proto < 4:
            self._write_large(BINBYTES + n.to_bytes(4, 'little'), obj)
        else:
            self._write_large(BINBYTES8 + n.to_bytes(8, 'little'), obj)
        self.memoize(obj)

    def _save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._write_large(BYTEARRAY8 + len(obj).to_bytes(8, 'little'), bytes(obj))
        self.memoize(obj)

    def _save_str(self, obj):
        if self.bin:
            try:
                data = obj.encode('utf-8', 'surrogatepass')
            except UnicodeEncodeError:
                data = obj.encode('utf-8')
            n = len(data)
            if n < 256 and self.proto >= 4:
                self._buf += SHORT_BINUNICODE + bytes((n,)) + data
            elif n > 0xffffffff and self.proto >= 4:
                self._write_large(BINUNICODE8 + n.to_bytes(8, 'little'), data)
            else:
                self._write_large(BINUNICODE + n.to_bytes(4, 'little'), data)
        else:
            self._buf += UNICODE + _raw_unicode_escape(obj) + b'\n'
        self.memoize(obj)

    # - containers -

    def _save_tuple(self, obj):
        n = len(obj)
        proto = self.proto
        if n == 0:
            self._buf += EMPTY_TUPLE if self.bin else MARK + TUPLE
            return
        save = self.save
        if n <= 3 and proto >= 2:
            for item in obj:
                save(item)
            hit = self.memo.get(id(obj))
            if hit is not None:
                self._buf += POP * n + self._get(hit[0])
            else:
                self._buf += _TUPLESIZE2CODE[n]
                self.memoize(obj)
            return
        self._buf += MARK
        for item in obj:
            save(item)
        hit = self.memo.get(id(obj))
        if hit is not None:
            # the tuple became reachable from itself: drop what was built, fetch the memo
            if self.bin:
                self._buf += POP_MARK + self._get(hit[0])
            else:
                self._buf += POP * (n + 1) + self._get(hit[0])
            return
        self._buf += TUPLE
        self.memoize(obj)

    def _save_list(self, obj):
        self._buf += EMPTY_LIST if self.bin else MARK + LIST
        self.memoize(obj)
        if not obj:
            return
        save = self.save
        if not self.bin:
            for item in obj:
                save(item)
                self._buf += APPEND
            return
        if len(obj) == 1:
            save(obj[0])
            self._buf += APPEND
            return
        total = 0
        while total < len(obj):
            self._buf += MARK
            batch = 0
            while total < len(obj):
                save(obj[total])
                total += 1
                batch += 1
                if batch == _BATCHSIZE:
                    break
            self._buf += APPENDS

    def _save_dict(self, obj):
        self._buf += EMPTY_DICT if self.bin else MARK + DICT
        self.memoize(obj)
        if not obj:
            return
        save = self.save
        if not self.bin:
            for key, value in obj.items():
                save(key)
                save(value)
                self._buf += SETITEM
            return
        size = len(obj)
        if size == 1:
            for key, value in obj.items():
                save(key)
                save(value)
            self._buf += SETITEM
            return
        items = iter(obj.items())
        while True:
            self._buf += MARK
            batch = 0
            for key, value in items:
                save(key)
                save(value)
                batch += 1
                if batch == _BATCHSIZE:
                    break
            self._buf += SETITEMS
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during iteration")
            if batch != _BATCHSIZE:
                break

    def _save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self._buf += EMPTY_SET
        self.memoize(obj)
        if not obj:
            return
        save = self.save
        size = len(obj)
        items = iter(obj)
        while True:
            self._buf += MARK
            batch = 0
            for item in items:
                save(item)
                batch += 1
                if batch == _BATCHSIZE:
                    break
            self._buf += ADDITEMS
            if len(obj) != size:
                raise RuntimeError("set changed size during iteration")
            if batch != _BATCHSIZE:
                break

    def _save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self._buf += MARK
        save = self.save
        for item in obj:
            save(item)
        hit = self.memo.get(id(obj))
        if hit is not None:
            self._buf += POP_MARK + self._get(hit[0])
            return
        self._buf += FROZENSET
        self.memoize(obj)

    # - generic iterators from __reduce__ -

    def _batch_appends(self, items):
        save = self.save
        if not self.bin:
            for item in items:
                save(item)
                self._buf += APPEND
            return
        items = iter(items)
        while True:
            first = next(items, _MISSING)
            if first is _MISSING:
                return
            second = next(items, _MISSING)
            if second is _MISSING:
                save(first)
                self._buf += APPEND
                return
            self._buf += MARK
            save(first)
            n = 1
            item = second
            while item is not _MISSING:
                save(item)
                n += 1
                if n == _BATCHSIZE:
                    break
                item = next(items, _MISSING)
            self._buf += APPENDS
            if n != _BATCHSIZE:
                return

    def _batch_setitems(self, items):
        save = self.save

        def pair(it):
            p = next(it, _MISSING)
            if p is not _MISSING and (not isinstance(p, tuple) or len(p) != 2):
                raise TypeError("dict items iterator must return 2-tuples")
            return p

        items = iter(items)
        if not self.bin:
            while True:
                p = pair(items)
                if p is _MISSING:
                    return
                save(p[0])
                save(p[1])
                self._buf += SETITEM
        while True:
            first = pair(items)
            if first is _MISSING:
                return
            second = pair(items)
            if second is _MISSING:
                save(first[0])
                save(first[1])
                self._buf += SETITEM
                return
            self._buf += MARK
            save(first[0])
            save(first[1])
            n = 1
            p = second
            while p is not _MISSING:
                save(p[0])
                save(p[1])
                n += 1
                if n == _BATCHSIZE:
                    break
                p = pair(items)
            self._buf += SETITEMS
            if n != _BATCHSIZE:
                return

    # - reductions -

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ "
                                "must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ "
                                "must be a tuple")
        if listitems is not None and not _is_iterator(listitems):
            raise PicklingError("fourth element of the tuple returned by __reduce__ "
                                "must be an iterator, not %s" % type(listitems).__name__)
        if dictitems is not None and not _is_iterator(dictitems):
            raise PicklingError("fifth element of the tuple returned by __reduce__ "
                                "must be an iterator, not %s" % type(dictitems).__name__)
        if state_setter is not None and not callable(state_setter):
            raise PicklingError("sixth element of the tuple returned by __reduce__ "
                                "must be a function, not %s" % type(state_setter).__name__)
        save = self.save
        proto = self.proto
        func_name = getattr(func, '__name__', '') if proto >= 2 else ''
        if func_name == '__newobj_ex__':
            if len(args) != 3:
                raise PicklingError("length of the NEWOBJ_EX argument tuple must be "
                                    "exactly 3, not %d" % len(args))
            cls, cargs, kwargs = args
            if not isinstance(cls, type):
                raise PicklingError("first item from NEWOBJ_EX argument tuple must be "
                                    "a class, not %.200s" % type(cls).__name__)
            if not isinstance(cargs, tuple):
                raise PicklingError("second item from NEWOBJ_EX argument tuple must be "
                                    "a tuple, not %.200s" % type(cargs).__name__)
            if not isinstance(kwargs, dict):
                raise PicklingError("third item from NEWOBJ_EX argument tuple must be "
                                    "a dict, not %.200s" % type(kwargs).__name__)
            if proto >= 4:
                save(cls)
                save(cargs)
                save(kwargs)
                self._buf += NEWOBJ_EX
            else:
                import functools
                save(functools.partial(cls.__new__, cls, *cargs, **kwargs))
                save(())
                self._buf += REDUCE
        elif func_name == '__newobj__':
            if len(args) < 1:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not isinstance(cls, type):
                raise PicklingError("args[0] from __newobj__ args is not a type")
            if obj is not None and getattr(obj, '__class__', None) is not cls:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            save(cls)
            save(args[1:])
            self._buf += NEWOBJ
        else:
            save(func)
            save(args)
            self._buf += REDUCE

        if obj is not None:
            hit = self.memo.get(id(obj))
            if hit is not None:
                self._buf += POP + self._get(hit[0])
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                self._buf += BUILD
            else:
                save(state_setter)
                save(obj)
                save(state)
                self._buf += TUPLE2 + REDUCE + POP

    def _save_type(self, obj):
        if obj is _NoneType:
            return self.save_reduce(type, (None,), obj=obj)
        if obj is _EllipsisType:
            return self.save_reduce(type, (...,), obj=obj)
        if obj is _NotImplementedType:
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        return self.save_global(obj)

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        dotted = name.split('.')
        if '<locals>' in dotted:
            raise AttributeError("Can't pickle local object %r" % (name,))
        module_name = whichmodule(obj, dotted)
        try:
            __import__(module_name, level=0)
            module = sys.modules[module_name]
        except (ImportError, KeyError, ValueError):
            raise PicklingError("Can't pickle %r: import of module %r failed"
                                % (obj, module_name)) from None
        parent = module
        found = module
        try:
            for part in dotted:
                parent = found
                found = getattr(found, part)
        except AttributeError:
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))
        proto = self.proto
        if proto >= 2:
            code = copyreg._extension_registry.get((module_name, name))
            if code:
                if code <= 0xff:
                    self._buf += EXT1 + bytes((code,))
                elif code <= 0xffff:
                    self._buf += EXT2 + code.to_bytes(2, 'little')
                else:
                    self._buf += EXT4 + code.to_bytes(4, 'little', signed=True)
                return
        lastname = dotted[-1]
        if proto >= 4:
            self.save(module_name)
            self.save(name)
            self._buf += STACK_GLOBAL
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        else:
            if self.fix_imports:
                key = (module_name, name)
                if key in _PY3_NAMES:
                    module_name, name = _PY3_NAMES[key]
                elif module_name in _PY3_MODULES:
                    module_name = _PY3_MODULES[module_name]
            codec = 'utf-8' if proto >= 3 else 'ascii'
            try:
                line = (module_name.encode(codec) + b'\n' + name.encode(codec) + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s' using pickle "
                                    "protocol %d" % (name if module_name.isascii()
                                                     else module_name, proto)) from None
            self._buf += GLOBAL + line
        self.memoize(obj)

    _savers = {
        str: _save_str,
        bytes: _save_bytes,
        bytearray: _save_bytearray,
        tuple: _save_tuple,
        list: _save_list,
        dict: _save_dict,
        set: _save_set,
        frozenset: _save_frozenset,
    }


_MISSING = object()


def _is_iterator(obj):
    return hasattr(type(obj), '__next__')


# --- the unpickler --------------------------------------------------------------------------

class _ReadBuffer:
    """bytes-like input for loads: read/readline over an immutable buffer."""
    def __init__(self, data):
        self._data = data
        self._pos = 0

    def read(self, n=-1):
        pos = self._pos
        if n < 0:
            n = len(self._data) - pos
        self._pos = pos + n
        return self._data[pos:pos + n]

    def readline(self):
        data = self._data
        i = data.find(b'\n', self._pos)
        end = len(data) if i < 0 else i + 1
        line = data[self._pos:end]
        self._pos = end
        return line


class Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())"""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=None):
        self._buffers = iter(buffers) if buffers is not None else None
        try:
            self._file_read = file.read
            self._file_readline = file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._data = b''
        self._pos = 0
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.fix_imports = fix_imports
        self.proto = 0

    def _set_input(self, data):
        self._data = data
        self._pos = 0
        self._file_read = None
        self._file_readline = None

    # - input -

    def _read(self, n):
        pos = self._pos
        end = pos + n
        data = self._data
        if end <= len(data):
            self._pos = end
            return data[pos:end]
        head = data[pos:]
        self._data = b''
        self._pos = 0
        if self._file_read is not None:
            more = self._file_read(n - len(head))
            if more:
                head = head + bytes(more)
        if len(head) < n:
            raise UnpicklingError("pickle data was truncated")
        return head

    def _readline(self):
        data = self._data
        pos = self._pos
        i = data.find(b'\n', pos)
        if i >= 0:
            self._pos = i + 1
            return data[pos:i + 1]
        head = data[pos:]
        self._data = b''
        self._pos = 0
        if self._file_readline is not None:
            head = head + bytes(self._file_readline())
        if not head.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return head

    def _read_opcode(self):
        pos = self._pos
        data = self._data
        if pos < len(data):
            self._pos = pos + 1
            return data[pos]
        if self._file_read is not None:
            self._data = b''
            self._pos = 0
            c = self._file_read(1)
            if c:
                return c[0]
        raise EOFError("Ran out of input")

    # - the loop -

    def load(self):
        if not hasattr(self, '_data'):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % type(self).__name__)
        self.stack = []
        self.metastack = []
        self.append = self.stack.append
        self._pers_load = getattr(self, 'persistent_load', None)
        dispatch = self._dispatch
        read_opcode = self._read_opcode
        try:
            while True:
                key = read_opcode()
                op = dispatch[key] if key < len(dispatch) else None
                if op is None:
                    raise UnpicklingError("invalid load key, %s." % _show_key(key))
                op(self)
        except _Stop as stop:
            return stop.value
        except IndexError as exc:
            tb = getattr(exc, '__traceback__', None)
            if tb is None or tb.tb_next is None or tb.tb_next.tb_next is None:
                raise UnpicklingError("unpickling stack underflow") from None
            raise

    def pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def persistent_load_missing(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered,\nbut no "
                              "persistent_load function was specified.")

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            key = (module, name)
            if key in _PY2_NAMES:
                module, name = _PY2_NAMES[key]
            elif module in _PY2_MODULES:
                module = _PY2_MODULES[module]
        __import__(module, level=0)
        mod = sys.modules[module]
        if self.proto >= 4:
            dotted = name.split('.')
            obj = mod
            for part in dotted:
                if part == '<locals>':
                    raise AttributeError("Can't get local attribute %r on %r" % (name, mod))
                try:
                    obj = getattr(obj, part)
                except AttributeError:
                    raise AttributeError("Can't get attribute %r on %r" % (name, mod)) from None
            return obj
        try:
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r" % (name, mod)) from None

    def _memo_get(self, idx):
        try:
            self.append(self.memo[idx])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % idx) from None

    def _memo_put(self, idx):
        if idx < 0:
            raise ValueError("negative PUT argument")
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        self.memo[idx] = self.stack[-1]

    def _decode_string(self, data):
        if self.encoding == "bytes":
            return data
        return data.decode(self.encoding, self.errors)

    def _instantiate(self, klass, args):
        if args or not isinstance(klass, type) or hasattr(klass, "__getinitargs__"):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" % (klass.__name__, err))
        else:
            value = klass.__new__(klass)
        self.append(value)

    # - opcode implementations (indexed by opcode byte) -

    def _op_proto(self):
        proto = self._read(1)[0]
        if proto > HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def _op_frame(self):
        size = int.from_bytes(self._read(8), 'little')
        if size > sys.maxsize:
            raise ValueError("frame size > sys.maxsize: %d" % size)
        remaining = len(self._data) - self._pos
        if remaining >= size:
            return
        if self._file_read is None:
            raise UnpicklingError("pickle data was truncated")
        rest = self._data[self._pos:]
        more = bytes(self._file_read(size - remaining))
        if len(more) < size - remaining:
            raise UnpicklingError("pickle data was truncated")
        self._data = rest + more
        self._pos = 0

    def _op_persid(self):
        try:
            pid = self._readline()[:-1].decode('ascii')
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings")
        self._persistent(pid)

    def _op_binpersid(self):
        if self._pers_load is None:
            self.persistent_load_missing(None)
        self._persistent(self.stack.pop())

    def _persistent(self, pid):
        if self._pers_load is None:
            self.persistent_load_missing(pid)
        self.append(self._pers_load(pid))

    def _op_none(self):
        self.append(None)

    def _op_false(self):
        self.append(False)

    def _op_true(self):
        self.append(True)

    def _op_int(self):
        line = self._readline()
        if line == b'00\n':
            value = False
        elif line == b'01\n':
            value = True
        else:
            try:
                value = int(line)
            except ValueError:
                raise ValueError("could not convert string to int") from None
        self.append(value)

    def _op_binint(self):
        self.append(int.from_bytes(self._read(4), 'little', signed=True))

    def _op_binint1(self):
        self.append(self._read(1)[0])

    def _op_binint2(self):
        self.append(int.from_bytes(self._read(2), 'little'))

    def _op_long(self):
        text = self._readline()[:-1]
        if text.endswith(b'L'):
            text = text[:-1]
        try:
            self.append(int(text))
        except ValueError:
            raise ValueError("could not convert string to int") from None

    def _op_long1(self):
        n = self._read(1)[0]
        self.append(decode_long(self._read(n)))

    def _op_long4(self):
        n = int.from_bytes(self._read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(decode_long(self._read(n)))

    def _op_float(self):
        line = self._readline()
        try:
            value = float(line)
        except ValueError:
            raise ValueError("could not convert string to float: '%s'"
                             % line.decode('latin-1')) from None
        self.append(value)

    def _op_binfloat(self):
        self.append(_unpack_double(self._read(8)))

    def _op_string(self):
        data = self._readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[:1] in (b'"', b"'"):
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_escape_decode(data)))

    def _op_binstring(self):
        n = int.from_bytes(self._read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._decode_string(self._read(n)))

    def _op_short_binstring(self):
        n = self._read(1)[0]
        self.append(self._decode_string(self._read(n)))

    def _op_binbytes(self):
        n = int.from_bytes(self._read(4), 'little')
        self.append(bytes(self._read(n)))

    def _op_short_binbytes(self):
        n = self._read(1)[0]
        self.append(bytes(self._read(n)))

    def _op_binbytes8(self):
        n = int.from_bytes(self._read(8), 'little')
        if n > sys.maxsize:
            raise UnpicklingError("BINBYTES8 exceeds system's maximum size of %d bytes"
                                  % sys.maxsize)
        self.append(bytes(self._read(n)))

    def _op_bytearray8(self):
        n = int.from_bytes(self._read(8), 'little')
        if n > sys.maxsize:
            raise UnpicklingError("BYTEARRAY8 exceeds system's maximum size of %d bytes"
                                  % sys.maxsize)
        self.append(bytearray(self._read(n)))

    def _op_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data "
                                  "but no *buffers* argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers") from None
        self.append(buf)

    def _op_readonly_buffer(self):
        top = self.stack[-1]
        toreadonly = getattr(top, 'toreadonly', None)
        if toreadonly is not None:
            self.stack[-1] = toreadonly()

    def _op_unicode(self):
        self.append(_raw_unicode_unescape(self._readline()[:-1]))

    def _op_binunicode(self):
        n = int.from_bytes(self._read(4), 'little')
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def _op_binunicode8(self):
        n = int.from_bytes(self._read(8), 'little')
        if n > sys.maxsize:
            raise UnpicklingError("BINUNICODE8 exceeds system's maximum size of %d bytes"
                                  % sys.maxsize)
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def _op_short_binunicode(self):
        n = self._read(1)[0]
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def _op_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def _op_empty_tuple(self):
        self.append(())

    def _op_tuple1(self):
        self.stack[-1] = (self.stack[-1],)

    def _op_tuple2(self):
        stack = self.stack
        if len(stack) < 2:
            raise UnpicklingError("unpickling stack underflow")
        stack[-2:] = [(stack[-2], stack[-1])]

    def _op_tuple3(self):
        stack = self.stack
        if len(stack) < 3:
            raise UnpicklingError("unpickling stack underflow")
        stack[-3:] = [(stack[-3], stack[-2], stack[-1])]

    def _op_empty_list(self):
        self.append([])

    def _op_empty_dict(self):
        self.append({})

    def _op_empty_set(self):
        self.append(set())

    def _op_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def _op_list(self):
        items = self.pop_mark()
        self.append(items)

    def _op_dict(self):
        items = self.pop_mark()
        self.append({items[i]: items[i + 1] for i in range(0, len(items) - 1, 2)})

    def _op_inst(self):
        module = self._readline()[:-1].decode('ascii')
        name = self._readline()[:-1].decode('ascii')
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def _op_obj(self):
        args = self.pop_mark()
        if not args:
            raise UnpicklingError("unpickling stack underflow")
        klass = args.pop(0)
        self._instantiate(klass, args)

    def _op_newobj(self):
        args = self.stack.pop()
        cls = self.stack.pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ class argument isn't a type object")
        if not isinstance(args, tuple):
            raise UnpicklingError("NEWOBJ expected an arg tuple.")
        self.append(cls.__new__(cls, *args))

    def _op_newobj_ex(self):
        kwargs = self.stack.pop()
        args = self.stack.pop()
        cls = self.stack.pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ_EX class argument must be a type, not %.200s"
                                  % type(cls).__name__)
        if not isinstance(args, tuple):
            raise UnpicklingError("NEWOBJ_EX args argument must be a tuple, not %.200s"
                                  % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise UnpicklingError("NEWOBJ_EX kwargs argument must be a dict, not %.200s"
                                  % type(kwargs).__name__)
        self.append(cls.__new__(cls, *args, **kwargs))

    def _op_global(self):
        module = self._readline()[:-1].decode('utf-8')
        name = self._readline()[:-1].decode('utf-8')
        self.append(self.find_class(module, name))

    def _op_stack_global(self):
        name = self.stack.pop()
        module = self.stack.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))

    def _op_ext1(self):
        self._ext(self._read(1)[0])

    def _op_ext2(self):
        self._ext(int.from_bytes(self._read(2), 'little'))

    def _op_ext4(self):
        self._ext(int.from_bytes(self._read(4), 'little', signed=True))

    def _ext(self, code):
        obj = copyreg._extension_cache.get(code, _MISSING)
        if obj is not _MISSING:
            self.append(obj)
            return
        key = copyreg._inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        obj = self.find_class(*key)
        copyreg._extension_cache[code] = obj
        self.append(obj)

    def _op_reduce(self):
        stack = self.stack
        args = stack.pop()
        func = stack[-1]
        stack[-1] = func(*args)

    def _op_pop(self):
        if self.stack:
            self.stack.pop()
        elif self.metastack:
            self.pop_mark()
        else:
            raise UnpicklingError("unpickling stack underflow")

    def _op_pop_mark(self):
        self.pop_mark()

    def _op_dup(self):
        self.append(self.stack[-1])

    def _op_get(self):
        self._memo_get(int(self._readline()[:-1]))

    def _op_binget(self):
        self._memo_get(self._read(1)[0])

    def _op_long_binget(self):
        self._memo_get(int.from_bytes(self._read(4), 'little'))

    def _op_put(self):
        self._memo_put(int(self._readline()[:-1]))

    def _op_binput(self):
        self._memo_put(self._read(1)[0])

    def _op_long_binput(self):
        self._memo_put(int.from_bytes(self._read(4), 'little'))

    def _op_memoize(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        self.memo[len(self.memo)] = self.stack[-1]

    def _op_append(self):
        stack = self.stack
        value = stack.pop()
        stack[-1].append(value)

    def _op_appends(self):
        items = self.pop_mark()
        target = self.stack[-1]
        if type(target) is list:
            target.extend(items)
            return
        extend = getattr(target, 'extend', None)
        if extend is not None:
            extend(items)
        else:
            add = target.append
            for item in items:
                add(item)

    def _op_setitem(self):
        stack = self.stack
        value = stack.pop()
        key = stack.pop()
        stack[-1][key] = value

    def _op_setitems(self):
        items = self.pop_mark()
        target = self.stack[-1]
        if len(items) % 2:
            raise UnpicklingError("odd number of items for SETITEMS")
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]

    def _op_additems(self):
        items = self.pop_mark()
        target = self.stack[-1]
        if isinstance(target, set):
            target.update(items)
        else:
            add = target.add
            for item in items:
                add(item)

    def _op_build(self):
        stack = self.stack
        state = stack.pop()
        inst = stack[-1]
        setstate = getattr(inst, '__setstate__', None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            inst_dict = inst.__dict__
            intern = sys.intern
            for k, v in state.items():
                if type(k) is str:
                    inst_dict[intern(k)] = v
                else:
                    inst_dict[k] = v
        if slotstate:
            if not isinstance(slotstate, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def _op_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def _op_stop(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        raise _Stop(self.stack.pop())


def _show_key(key):
    if 0x20 <= key < 0x7f and key not in (0x27, 0x5c):
        return "'%s'" % chr(key)
    return "'\\x%02x'" % key


def _build_dispatch():
    table = [None] * 256
    ops = {
        MARK: '_op_mark', STOP: '_op_stop', POP: '_op_pop', POP_MARK: '_op_pop_mark',
        DUP: '_op_dup', FLOAT: '_op_float', INT: '_op_int', BININT: '_op_binint',
        BININT1: '_op_binint1', LONG: '_op_long', BININT2: '_op_binint2', NONE: '_op_none',
        PERSID: '_op_persid', BINPERSID: '_op_binpersid', REDUCE: '_op_reduce',
        STRING: '_op_string', BINSTRING: '_op_binstring',
        SHORT_BINSTRING: '_op_short_binstring', UNICODE: '_op_unicode',
        BINUNICODE: '_op_binunicode', APPEND: '_op_append', BUILD: '_op_build',
        GLOBAL: '_op_global', DICT: '_op_dict', EMPTY_DICT: '_op_empty_dict',
        APPENDS: '_op_appends', GET: '_op_get', BINGET: '_op_binget', INST: '_op_inst',
        LONG_BINGET: '_op_long_binget', LIST: '_op_list', EMPTY_LIST: '_op_empty_list',
        OBJ: '_op_obj', PUT: '_op_put', BINPUT: '_op_binput', LONG_BINPUT: '_op_long_binput',
        SETITEM: '_op_setitem', TUPLE: '_op_tuple', EMPTY_TUPLE: '_op_empty_tuple',
        SETITEMS: '_op_setitems', BINFLOAT: '_op_binfloat',
        PROTO: '_op_proto', NEWOBJ: '_op_newobj', EXT1: '_op_ext1', EXT2: '_op_ext2',
        EXT4: '_op_ext4', TUPLE1: '_op_tuple1', TUPLE2: '_op_tuple2', TUPLE3: '_op_tuple3',
        NEWTRUE: '_op_true', NEWFALSE: '_op_false', LONG1: '_op_long1', LONG4: '_op_long4',
        BINBYTES: '_op_binbytes', SHORT_BINBYTES: '_op_short_binbytes',
        SHORT_BINUNICODE: '_op_short_binunicode', BINUNICODE8: '_op_binunicode8',
        BINBYTES8: '_op_binbytes8', EMPTY_SET: '_op_empty_set', ADDITEMS: '_op_additems',
        FROZENSET: '_op_frozenset', NEWOBJ_EX: '_op_newobj_ex',
        STACK_GLOBAL: '_op_stack_global', MEMOIZE: '_op_memoize', FRAME: '_op_frame',
        BYTEARRAY8: '_op_bytearray8', NEXT_BUFFER: '_op_next_buffer',
        READONLY_BUFFER: '_op_readonly_buffer',
    }
    for code, name in ops.items():
        table[code[0]] = getattr(Unpickler, name)
    return table


Unpickler._dispatch = _build_dispatch()


# --- shorthands -----------------------------------------------------------------------------

def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    pickler = Pickler(None, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback)
    pickler.dump(obj)
    return pickler._getvalue()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if type(data) is not bytes:
        data = bytes(data)
    unpickler = Unpickler(_ReadBuffer(b''), fix_imports=fix_imports, buffers=buffers,
                          encoding=encoding, errors=errors)
    unpickler._set_input(data)
    return unpickler.load()

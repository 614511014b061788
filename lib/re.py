"""re: regular expressions with CPython 3.11's syntax and behaviour (Spindle's own code).

The engine is native (`_sre`: parser, compiler and a backtracking matcher written in Rust);
this module holds the Python API: flags, Pattern, Match, the module-level functions, the
compiled-pattern cache and replacement templates.
"""

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_MAXREPEAT = _sre.MAXREPEAT
_MAXGROUPS = _sre.MAXGROUPS
_MAXSIZE = 9223372036854775807

# Flag names in definition order (the order of a combined flag's repr).
_FLAG_NAMES = (
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
    ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1), ("DEBUG", 128),
)
_ALL_FLAGS = 511


class RegexFlag(int):
    """The re flags: an int whose repr names the flags (re.IGNORECASE|re.MULTILINE)."""

    __slots__ = ()

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        v = int(self)
        if v == 0:
            return "NOFLAG"
        names = [n for n, b in _FLAG_NAMES if v & b]
        if v & ~_ALL_FLAGS:
            return None if not names else "|".join(names)
        return "|".join(names)

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        if v < 0:
            v &= _ALL_FLAGS
            if v == 0:
                return "re.NOFLAG"
        parts = ["re." + n for n, b in _FLAG_NAMES if v & b]
        rest = v & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return "|".join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return format(int(self), spec)
        return repr(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & _ALL_FLAGS)

    def __reduce__(self):
        return RegexFlag, (int(self),)


NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag(256)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
UNICODE = U = RegexFlag(32)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
VERBOSE = X = RegexFlag(64)
TEMPLATE = T = RegexFlag(1)
DEBUG = RegexFlag(128)

for _n, _b in _FLAG_NAMES:
    setattr(RegexFlag, _n, RegexFlag(_b))
RegexFlag.NOFLAG = NOFLAG
del _n, _b


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg (the unformatted message), pattern, pos (index in the pattern where
    compilation failed, may be None), lineno and colno (corresponding to pos)."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'
PatternError = error


def _flag_repr(flags, is_text):
    if is_text and flags & (4 | 32 | 256) == 32:
        flags &= ~32
    parts = []
    for name, bit in (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
                      ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128),
                      ("ASCII", 256)):
        if flags & bit:
            parts.append("re." + name)
            flags &= ~bit
    if flags:
        parts.append("0x%x" % flags)
    return "|".join(parts)


def _index_of(v):
    if isinstance(v, int):
        return int(v)
    idx = getattr(type(v), '__index__', None)
    if idx is not None:
        return idx(v)
    return None


class Pattern:
    """A compiled regular expression (re.compile)."""

    __slots__ = ('_prog', 'pattern', 'flags', 'groups', '_groupindex', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @classmethod
    def _make(cls, pattern, flags):
        prog, flags, groups, names, warns = _sre.compile(pattern, flags, error)
        self = object.__new__(cls)
        self._prog = prog
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self._groupindex = dict(names)
        if warns:
            import warnings
            for cat, w in warns:
                cat = FutureWarning if cat == 'FutureWarning' else DeprecationWarning
                warnings.warn(w, cat, stacklevel=4)
        return self

    @property
    def groupindex(self):
        import types
        return types.MappingProxyType(self._groupindex)

    def __repr__(self):
        r = repr(self.pattern)[:200]
        f = _flag_repr(self.flags, isinstance(self.pattern, str))
        if f:
            return 're.compile(%s, %s)' % (r, f)
        return 're.compile(%s)' % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and type(self.pattern) is type(other.pattern)
                and self.pattern == other.pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def _new_match(self, string, r):
        if r is None:
            return None
        m = object.__new__(Match)
        m._pattern = self
        m.string = string
        m._r = r
        return m

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._new_match(string, self._prog.match(string, pos, endpos, 0))

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._new_match(string, self._prog.match(string, pos, endpos, 1))

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._new_match(string, self._prog.match(string, pos, endpos, 2))

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return self._prog.findall(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        sc = self._prog.scanner(string, pos, endpos)
        return _finditer(self, string, sc)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _SREScanner(self, string, self._prog.scanner(string, pos, endpos))

    def split(self, string, maxsplit=0):
        sc = self._prog.scanner(string, 0, _MAXSIZE)
        if isinstance(string, bytearray):
            string = bytes(string)
        out = []
        last = 0
        n = 0
        groups = self.groups
        while not maxsplit or n < maxsplit:
            r = sc.search()
            if r is None:
                break
            s = r[3]
            out.append(string[last:s])
            for g in range(1, groups + 1):
                a = r[3 + 2 * g]
                out.append(None if a < 0 else string[a:r[4 + 2 * g]])
            n += 1
            last = r[4]
        out.append(string[last:])
        return out

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        literal = None
        template = None
        call = None
        if callable(repl):
            call = repl
        else:
            if isinstance(repl, (bytes, bytearray)):
                if b'\\' not in repl:
                    literal = repl
            elif isinstance(repl, str) and '\\' not in repl:
                literal = repl
            if literal is None:
                template = _compile_repl(repl, self)
                if not template[0]:
                    literal = template[1][0] if template[1] else repl[:0]
        sc = self._prog.scanner(string, 0, _MAXSIZE)
        pieces = []
        last = 0
        n = 0
        while not count or n < count:
            r = sc.search()
            if r is None:
                break
            s = r[3]
            e = r[4]
            if last < s:
                pieces.append(string[last:s])
            if literal is not None:
                pieces.append(literal)
            elif call is not None:
                item = call(self._new_match(string, r))
                if item is not None:
                    pieces.append(item)
            else:
                pieces.append(_expand_regs(template, string, r))
            last = e
            n += 1
        if last < len(string):
            pieces.append(string[last:])
        if isinstance(string, str):
            return ''.join(pieces), n
        return b''.join(pieces), n

    def __reduce__(self):
        return _compile, (self.pattern, self.flags)


def _finditer(pattern, string, sc):
    while True:
        r = sc.search()
        if r is None:
            return
        yield pattern._new_match(string, r)


class _SREScanner:
    __slots__ = ('pattern', '_string', '_sc')

    def __init__(self, pattern, string, sc):
        self.pattern = pattern
        self._string = string
        self._sc = sc

    def match(self):
        return self.pattern._new_match(self._string, self._sc.match())

    def search(self):
        return self.pattern._new_match(self._string, self._sc.search())


class Match:
    """The result of a successful match."""

    __slots__ = ('_pattern', 'string', '_r')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    @property
    def re(self):
        return self._pattern

    @property
    def pos(self):
        return self._r[0]

    @property
    def endpos(self):
        return self._r[1]

    @property
    def lastindex(self):
        li = self._r[2]
        return li if li else None

    @property
    def lastgroup(self):
        li = self._r[2]
        if not li:
            return None
        for name, idx in self._pattern._groupindex.items():
            if idx == li:
                return name
        return None

    @property
    def regs(self):
        r = self._r
        return tuple((r[3 + 2 * i], r[4 + 2 * i]) for i in range(self._pattern.groups + 1))

    def _index(self, g):
        i = _index_of(g)
        if i is None:
            i = self._pattern._groupindex.get(g)
            if i is None:
                raise IndexError("no such group")
        if i < 0 or i > self._pattern.groups:
            raise IndexError("no such group")
        return i

    def _get(self, i, default=None):
        r = self._r
        s = r[3 + 2 * i]
        if s < 0:
            return default
        v = self.string[s:r[4 + 2 * i]]
        if isinstance(v, bytearray):
            return bytes(v)
        return v

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self._pattern.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(idx, default) for name, idx in self._pattern._groupindex.items()}

    def start(self, group=0):
        return self._r[3 + 2 * self._index(group)]

    def end(self, group=0):
        return self._r[4 + 2 * self._index(group)]

    def span(self, group=0):
        i = self._index(group)
        return (self._r[3 + 2 * i], self._r[4 + 2 * i])

    def expand(self, template):
        return _expand_regs(_compile_repl(template, self._pattern), self.string, self._r)

    def __repr__(self):
        r = self._r
        return '<re.Match object; span=(%d, %d), match=%s>' % (r[3], r[4], repr(self._get(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


Pattern.__module__ = 're'
Match.__module__ = 're'

# --------------------------------------------------------------------
# replacement templates

_OCT = '01234567'
_DIG = '0123456789'
_TEMPLATE_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
                     'v': '\v', '\\': '\\'}
_repl_cache = {}


def _int_name(name):
    """int(name) for a group reference like '\\g<1>', or None."""
    try:
        v = int(name)
    except ValueError:
        return None
    return v if v >= 0 else None


def _parse_template(repl, pattern):
    """A replacement string as (groups, literals): literals holds the text pieces, with None
    where group (index into literals, group number) pairs are substituted."""
    is_text = isinstance(repl, str)
    src = repl if is_text else str(repl, 'latin-1')
    n = len(src)
    groups = []
    literals = []
    lit = []
    i = 0

    def err(msg, pos):
        return error(msg, repl, pos)

    def addgroup(index, pos):
        if index > pattern.groups:
            raise err("invalid group reference %d" % index, pos)
        if lit:
            literals.append(''.join(lit))
            del lit[:]
        groups.append((len(literals), index))
        literals.append(None)

    while i < n:
        c = src[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise err("bad escape (end of pattern)", n - 1)
        c = src[i + 1]
        start = i
        i += 2
        if c == 'g':
            if i >= n or src[i] != '<':
                raise err("missing <", i)
            i += 1
            j = i
            # Scan to '>' by tokens: a backslash takes the next character with it.
            name = []
            while True:
                if j >= n:
                    if not name:
                        raise err("missing group name", j)
                    raise err("missing >, unterminated name", i)
                if src[j] == '\\' and j + 1 < n:
                    name.append(src[j:j + 2])
                    j += 2
                    continue
                if src[j] == '>':
                    if not name:
                        raise err("missing group name", j)
                    break
                name.append(src[j])
                j += 1
            name = ''.join(name)
            after = j + 1
            if name.isidentifier():
                index = pattern._groupindex.get(name)
                if index is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                index = _int_name(name)
                if index is None:
                    raise err("bad character in group name %r" % name, i)
                if index >= _MAXGROUPS:
                    raise err("invalid group reference %d" % index, i)
            addgroup(index, i)
            i = after
        elif c == '0':
            digits = c
            if i < n and src[i] in _OCT:
                digits += src[i]
                i += 1
                if i < n and src[i] in _OCT:
                    digits += src[i]
                    i += 1
            lit.append(chr(int(digits, 8) & 0xff))
        elif c in _DIG:
            digits = c
            isoctal = False
            if i < n and src[i] in _DIG:
                digits += src[i]
                i += 1
                if c in _OCT and digits[1] in _OCT and i < n and src[i] in _OCT:
                    digits += src[i]
                    i += 1
                    isoctal = True
                    v = int(digits, 8)
                    if v > 0o377:
                        raise err('octal escape value \\%s outside of range 0-0o377' % digits, start)
                    lit.append(chr(v))
            if not isoctal:
                addgroup(int(digits), start + 1)
        else:
            e = _TEMPLATE_ESCAPES.get(c)
            if e is not None:
                lit.append(e)
            elif c.isascii() and c.isalpha():
                raise err('bad escape \\%s' % c, start)
            else:
                lit.append('\\' + c)
    if lit:
        literals.append(''.join(lit))
    if not is_text:
        literals = [None if s is None else s.encode('latin-1') for s in literals]
    return groups, literals


def _compile_repl(repl, pattern):
    key = (type(repl), repl, pattern)
    try:
        return _repl_cache[key]
    except KeyError:
        pass
    except TypeError:
        return _parse_template(repl, pattern)
    t = _parse_template(repl, pattern)
    if len(_repl_cache) >= _MAXCACHE:
        try:
            del _repl_cache[next(iter(_repl_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _repl_cache[key] = t
    return t


def _expand_regs(template, string, r):
    groups, literals = template
    if not groups:
        return literals[0] if literals else string[:0]
    out = list(literals)
    empty = string[:0]
    for index, g in groups:
        s = r[3 + 2 * g]
        out[index] = empty if s < 0 else string[s:r[4 + 2 * g]]
    if isinstance(empty, str):
        return ''.join(out)
    return b''.join(out)


# --------------------------------------------------------------------
# module functions and the pattern cache

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    except TypeError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = Pattern._make(pattern, flags)
    if not (flags & DEBUG):
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[type(pattern), pattern, flags] = p
    return p


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning a Match object, or
    None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning a Match object, or None if
    no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning a Match object, or
    None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping occurrences of
    the pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number) of substitutions."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern, returning a list
    containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clear the regular expression caches."""
    _cache.clear()
    _repl_cache.clear()


def template(pattern, flags=0):
    """Compile a template pattern, returning a Pattern object (deprecated)."""
    import warnings
    warnings.warn("The re.template() function is deprecated "
                  "as it is an undocumented function "
                  "without an obvious purpose. "
                  "Use re.compile() instead.",
                  DeprecationWarning, stacklevel=2)
    return _compile(pattern, flags | T)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars_map).encode('latin1')


def _pickle(p):
    return _compile, (p.pattern, p.flags)


import copyreg
copyreg.pickle(Pattern, _pickle, _compile)

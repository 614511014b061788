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

    def __contains__(self, other):
        if not isinstance(other, RegexFlag):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, type(self).__qualname__))
        return int(other) & int(self) == int(other)

    def __iter__(self):
        v = int(self)
        for n, b in _FLAG_NAMES:
            if v & b:
                yield RegexFlag(b)

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


def _warn(category, message):
    """Issue a warning found while parsing a pattern, attributed to the caller of the re
    function (the native parser calls this from _compile)."""
    import warnings
    cat = FutureWarning if category == 'FutureWarning' else DeprecationWarning
    warnings.warn(message, cat, stacklevel=4)


Pattern = _sre.Pattern
Match = _sre.Match



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
                index = pattern.groupindex.get(name)
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
    t = _parse_template(repl, pattern)
    if len(_repl_cache) >= _MAXCACHE:
        try:
            del _repl_cache[next(iter(_repl_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _repl_cache[key] = t
    return t


def _expand(pattern, match, template):
    """match.expand(template)."""
    groups, literals = _compile_repl(template, pattern)
    out = list(literals)
    g = match.group
    empty = match.string[:0]
    for index, group in groups:
        out[index] = g(group) or empty
    return empty.join(out)


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
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    if flags & T:
        import warnings
        warnings.warn("The re.TEMPLATE/re.T flag is deprecated "
                      "as it is an undocumented flag "
                      "without an obvious purpose. "
                      "Don't use it.",
                      DeprecationWarning)
    p = _sre.compile(pattern, flags, error, _warn)
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
    p = _cache.get((type(pattern), pattern, flags))
    if p is None:
        p = _compile(pattern, flags)
    return p.match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning a Match object, or None if
    no match was found."""
    p = _cache.get((type(pattern), pattern, flags))
    if p is None:
        p = _compile(pattern, flags)
    return p.fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning a Match object, or
    None if no match was found."""
    p = _cache.get((type(pattern), pattern, flags))
    if p is None:
        p = _compile(pattern, flags)
    return p.search(string)


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
    p = _cache.get((type(pattern), pattern, flags))
    if p is None:
        p = _compile(pattern, flags)
    return p.findall(string)


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


class Scanner:
    """A simple lexer (undocumented, as CPython's): `lexicon` is a list of (phrase, action)
    pairs; `scan(string)` matches the phrases at each position in order and returns the
    actions' results (an action called with the scanner and the matched text, or a value)
    and the unmatched rest of the string."""

    def __init__(self, lexicon, flags=0):
        if isinstance(flags, RegexFlag):
            flags = int(flags)
        self.lexicon = lexicon
        self.scanner = _sre.compile_scanner([phrase for phrase, action in lexicon], flags, error, _warn)

    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]


def _pickle(p):
    return _compile, (p.pattern, p.flags)


import copyreg
copyreg.pickle(Pattern, _pickle, _compile)

"""A collection of string constants, capwords() and Template.

Written for Spindle from the documented behaviour of CPython 3.11's
`string` module.  `Template` is implemented with a hand-written scanner
instead of regular expressions: placeholders are `$$` (an escaped `$`),
`$identifier` and `${identifier}`, where an identifier is an ASCII
`[_a-zA-Z][_a-zA-Z0-9]*`.  Subclasses may change `delimiter`; overriding
`idpattern`, `braceidpattern`, `flags` or `pattern` (regular expressions)
is not supported.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each word using
    capitalize, and join the capitalized words using join.  If the optional
    second argument sep is absent or None, runs of whitespace characters are
    replaced by a single space and leading and trailing whitespace are
    removed, otherwise sep is used to split and join the words.
    """
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (kind, start, end, name) for each placeholder.

        kind is 'escaped', 'named', 'braced' or 'invalid'; start/end delimit
        the placeholder text in the template.
        """
        text = self.template
        delim = self.delimiter
        dlen = len(delim)
        n = len(text)
        i = text.find(delim)
        while i != -1:
            j = i + dlen
            if text.startswith(delim, j):
                yield 'escaped', i, j + dlen, None
                i = text.find(delim, j + dlen)
                continue
            if j < n and text[j] in _ID_START:
                k = j + 1
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                yield 'named', i, k, text[j:k]
                i = text.find(delim, k)
                continue
            if j < n and text[j] == '{' and j + 1 < n and text[j + 1] in _ID_START:
                k = j + 2
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                if k < n and text[k] == '}':
                    yield 'braced', i, k + 1, text[j + 1:k]
                    i = text.find(delim, k + 1)
                    continue
            yield 'invalid', i, j, None
            i = text.find(delim, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            lineno, colno = 1, 1
        elif lines[-1].splitlines()[0] != lines[-1]:
            lineno, colno = len(lines) + 1, 1
        else:
            lineno, colno = len(lines), len(lines[-1]) + 1
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if kws:
            mapping = _ChainMap(kws, mapping)
        text = self.template
        parts = []
        pos = 0
        for kind, start, end, name in self._scan():
            parts.append(text[pos:start])
            pos = end
            if kind == 'escaped':
                parts.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._invalid(start)
                parts.append(text[start:end])
            elif safe:
                try:
                    parts.append('%s' % (mapping[name],))
                except KeyError:
                    parts.append(text[start:end])
            else:
                parts.append('%s' % (mapping[name],))
        parts.append(text[pos:])
        return ''.join(parts)

    def substitute(self, mapping={}, /, **kws):
        """Substitute the placeholders; KeyError for a missing name, ValueError
        for a malformed placeholder."""
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping={}, /, **kws):
        """Like substitute(), but leave missing and malformed placeholders as they are."""
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        """Return False if the template has an invalid placeholder."""
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        """Return the placeholder names, in order of first appearance."""
        ids = []
        for kind, start, end, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class _ChainMap:
    """Look keys up in the keyword arguments first, then in the mapping."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]

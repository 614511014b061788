"""html: escape and unescape HTML text (Spindle's own implementation of CPython 3.11's
module).  html.parser is not provided."""

import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace &, < and > (and, if quote, the quotes " and ') by HTML-safe sequences."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;").replace('\'', "&#x27;")
    return s


def _windows_1252(n):
    try:
        return bytes([n]).decode('cp1252')
    except UnicodeDecodeError:
        return chr(n)


# Numeric references the HTML 5 standard maps to other characters.
_invalid_charrefs = {0x00: '\ufffd', 0x0d: '\r'}
_invalid_charrefs.update((n, _windows_1252(n)) for n in range(0x80, 0xa0))

# Numeric references to these code points produce nothing.
_invalid_codepoints = set(range(0x1, 0x9)) | set(range(0xe, 0x20)) | set(range(0x7f, 0xa0))
_invalid_codepoints |= set(range(0xfdd0, 0xfdf0)) | {0xb}
_invalid_codepoints |= {plane + low for plane in range(0, 0x110000, 0x10000)
                        for low in (0xfffe, 0xffff)}


def _replace_charref(m):
    s = m.group(1)
    if s[0] == '#':
        if s[1] in 'xX':
            num = int(s[2:].rstrip(';'), 16)
        else:
            num = int(s[1:].rstrip(';'))
        if num in _invalid_charrefs:
            return _invalid_charrefs[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return '\ufffd'
        if num in _invalid_codepoints:
            return ''
        return chr(num)
    if s in _html5:
        return _html5[s]
    # the longest name that is a prefix (names without ';' match in running text)
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _html5:
            return _html5[s[:x]] + s[x:]
    return '&' + s


_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    """Replace the named and numeric character references in s (&gt;, &#62;, &#x3e;) by
    the characters they stand for, following the HTML 5 rules."""
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)

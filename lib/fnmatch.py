"""Filename matching with shell patterns (Spindle's own implementation of CPython 3.11's
`fnmatch`): * matches everything, ? one character, [seq] one character of seq, [!seq] one
character not in seq. Patterns are translated to regular expressions (the same text as
CPython's translate) and cached."""

import os
import posixpath
import re
import functools

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN, after os.path.normcase of both."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


@functools.lru_cache(maxsize=32768, typed=True)
def _compile_pattern(pat):
    if isinstance(pat, bytes):
        pat_str = str(pat, 'ISO-8859-1')
        res_str = translate(pat_str)
        res = bytes(res_str, 'ISO-8859-1')
    else:
        res = translate(pat)
    return re.compile(res).match


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    result = []
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    if os.path is posixpath:
        for name in names:
            if match(name):
                result.append(name)
    else:
        for name in names:
            if match(os.path.normcase(name)):
                result.append(name)
    return result


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    match = _compile_pattern(pat)
    return match(name) is not None


_STAR = object()


def _translate_set(pat, start, end):
    # The regex set for pattern text pat[start:end] (the inside of [...]), or None for an
    # empty set, or '.' for the negated empty set.
    body = pat[start:end]
    negate = body.startswith('!')
    if '-' not in body:
        stuff = body.replace('\\', r'\\')
    else:
        # Split on the hyphens that make ranges; drop ranges that are empty (z-a).
        pieces = []
        i = start
        k = start + 2 if pat[start] == '!' else start + 1
        while True:
            k = pat.find('-', k, end)
            if k < 0:
                break
            pieces.append(pat[i:k])
            i = k + 1
            k = k + 3
        last = pat[i:end]
        if last:
            pieces.append(last)
        else:
            pieces[-1] += '-'
        for k in range(len(pieces) - 1, 0, -1):
            if pieces[k - 1][-1] > pieces[k][0]:
                pieces[k - 1] = pieces[k - 1][:-1] + pieces[k][1:]
                del pieces[k]
        stuff = '-'.join(p.replace('\\', r'\\').replace('-', r'\-') for p in pieces)
    # Escape the regex set operations (&&, ~~ and ||).
    stuff = re.sub(r'([&~|])', r'\\\1', stuff)
    if not stuff:
        return '(?!)'
    if stuff == '!':
        return '.'
    if stuff[0] == '!':
        stuff = '^' + stuff[1:]
    elif stuff[0] in ('^', '['):
        stuff = '\\' + stuff
    del negate
    return '[%s]' % stuff


def translate(pat):
    """Translate a shell PATTERN to a regular expression (anchored at both ends)."""
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        elif c == '?':
            tokens.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                tokens.append('\\[')
            else:
                tokens.append(_translate_set(pat, i, j))
                i = j + 1
        else:
            tokens.append(re.escape(c))
    # Stars: a fixed part between two stars is matched lazily and atomically (no
    # backtracking into it), the last star before the end greedily.
    out = []
    k, n = 0, len(tokens)
    while k < n and tokens[k] is not _STAR:
        out.append(tokens[k])
        k += 1
    while k < n:
        k += 1  # the star
        if k == n:
            out.append('.*')
            break
        fixed = []
        while k < n and tokens[k] is not _STAR:
            fixed.append(tokens[k])
            k += 1
        fixed = ''.join(fixed)
        if k == n:
            out.append('.*')
            out.append(fixed)
        else:
            out.append('(?>.*?%s)' % fixed)
    return r'(?s:%s)\Z' % ''.join(out)

"""Python keywords, as in CPython 3.11.

`kwlist` lists the hard keywords, `softkwlist` the soft keywords (those that
are keywords only in some contexts, such as `match`).  `iskeyword(s)` and
`issoftkeyword(s)` test membership.
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

_hard = frozenset(kwlist)
_soft = frozenset(softkwlist)


def iskeyword(s):
    """Return True if `s` is a Python keyword."""
    return s in _hard


def issoftkeyword(s):
    """Return True if `s` is a Python soft keyword."""
    return s in _soft

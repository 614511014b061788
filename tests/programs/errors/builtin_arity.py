# Builtin methods called with too few arguments or no self: TypeError with CPython's messages.
import math, os


def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


class L(list):
    pass


attempt('dict.pop()', lambda: dict.pop({}))
attempt('{}.pop(1, 2, 3)', lambda: {}.pop(1, 2, 3))
attempt('{}.get()', lambda: {}.get())
attempt('{}.setdefault()', lambda: {}.setdefault())
attempt('dict.fromkeys()', lambda: dict.fromkeys())
attempt('str.upper()', lambda: str.upper())
attempt('list.__len__()', lambda: list.__len__())
attempt('list.__getitem__()', lambda: list.__getitem__())
attempt('dict.__contains__()', lambda: dict.__contains__())
attempt('int.__format__()', lambda: int.__format__())
attempt('str.maketrans()', lambda: str.maketrans())
attempt('[].__setitem__(0)', lambda: [].__setitem__(0))
attempt('dict.__new__()', lambda: dict.__new__())
attempt('dict.__new__(5)', lambda: dict.__new__(5))
attempt('dict.__new__(int)', lambda: dict.__new__(int))
attempt('list.__new__(object())', lambda: list.__new__(object()))
attempt('tuple.__new__(tuple, 1, 2)', lambda: tuple.__new__(tuple, 1, 2))
attempt('tuple(a=1)', lambda: tuple(a=1))
attempt('range.__new__(int, 3)', lambda: range.__new__(int, 3))
attempt('slice.__new__()', lambda: slice.__new__())
attempt('set.__new__(2**70)', lambda: set.__new__(2 ** 70))
attempt('frozenset.__new__(set)', lambda: frozenset.__new__(set))
attempt('reversed(L)', lambda: list(reversed(L([1, 2]))))
attempt('list.__reversed__(L)', lambda: list(list.__reversed__(L([1, 2]))))
attempt('range.__reversed__(L)', lambda: range.__reversed__(L([1])))
attempt('os.urandom(2**70)', lambda: os.urandom(2 ** 70))
attempt('os.urandom(x)', lambda: os.urandom('x'))
attempt('os.urandom(-1)', lambda: os.urandom(-1))
attempt('len(os.urandom(3))', lambda: len(os.urandom(3)))
attempt('math.perm(2**63)', lambda: math.perm(2 ** 63))
attempt('math.perm(5, 2**63)', lambda: math.perm(5, 2 ** 63))
attempt('math.comb(2**70, 2**69)', lambda: math.comb(2 ** 70, 2 ** 69))
attempt('math.comb(2**70, 2)', lambda: math.comb(2 ** 70, 2))
import sys
attempt('sys._getframe(-5).f_code.co_name', lambda: sys._getframe(-5).f_code.co_name)
attempt('sys._getframe(-2**63)', lambda: sys._getframe(-2 ** 63))
attempt('sys._getframe(2**31)', lambda: sys._getframe(2 ** 31))
attempt('sys._getframe(1.5)', lambda: sys._getframe(1.5))
attempt('sys._getframe(1, 2)', lambda: sys._getframe(1, 2))
attempt('[1].insert(2**70, 0)', lambda: [1].insert(2 ** 70, 0))
attempt("[1].insert('x', 0)", lambda: [1].insert('x', 0))
attempt("'a'.translate({97: 2**32 + 98})", lambda: 'a'.translate({97: 2 ** 32 + 98}))

# Calls that crashed spindle (Rust panics, aborts, stack overflows), found by
# tests/fuzz/fuzz_builtins.py. Each must raise a Python exception instead.
import os, math, sys, time


class L(list):
    pass


def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: dict.pop({}))
attempt(lambda: str.upper())
attempt(lambda: dict.__new__())
attempt(lambda: dict.__new__(2 ** 70))
attempt(lambda: list.__new__())
attempt(lambda: list.__new__(object()))
attempt(lambda: tuple.__new__())
attempt(lambda: range.__new__())
attempt(lambda: slice.__new__())
attempt(lambda: set.__new__(2 ** 63))
attempt(lambda: frozenset.__new__(-2 ** 70))
attempt(lambda: list.__reversed__(L([1])))
attempt(lambda: range.__reversed__(L([1])))
attempt(lambda: reversed(L([1])))
attempt(lambda: os.urandom(2 ** 40))
attempt(lambda: math.perm(2 ** 63))
attempt(lambda: type(sys.float_info).__new__(2 ** 70, 'x'))
attempt(lambda: time.struct_time.__new__(2 ** 70, []))
attempt(lambda: os.stat_result.__new__(int, (1,)))
attempt(lambda: sys._getframe(-2 ** 63))

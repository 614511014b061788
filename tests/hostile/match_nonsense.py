# Pattern matching against objects that misbehave: every case must end in a Python error or
# no match, never a crash.
import sys
def attempt(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__)

class Chaos:
    __match_args__ = property(lambda self: 1 / 0)
    def __getattr__(self, name):
        raise RecursionError(name)
    def __len__(self):
        return -1
    def __eq__(self, other):
        return Chaos()
    def __bool__(self):
        raise ValueError("no truth")
class LenHuge(list):
    def __len__(self):
        return 2 ** 100
class BadGet(dict):
    def get(self, *a):
        raise KeyError("get")
class GetReturnsSelf(dict):
    def get(self, key, default):
        return default
class BadMeta(type):
    def __instancecheck__(cls, obj):
        raise TypeError("instancecheck")
class Odd(metaclass=BadMeta):
    __match_args__ = ("a",)
class Args:
    __match_args__ = ("a", "a", 1)
class MutateArgs:
    __match_args__ = ("x",)
    @property
    def x(self):
        MutateArgs.__match_args__ = None
        return 1
class Unhashable:
    __hash__ = None
K = Unhashable()

def m(v):
    match v:
        case 1:
            return 1
        case [a, *b, c]:
            return a
        case {"k": v1, **rest}:
            return rest
        case Chaos(x) | Odd(x) | Args(x, _) | MutateArgs(x):
            return x
        case int(a, b):
            return a
        case _:
            return None

for subject in [Chaos(), LenHuge([1, 2]), BadGet(k=1), GetReturnsSelf(k=1), Odd(), Args(), MutateArgs(), MutateArgs(), 5, "s", None, sys]:
    attempt(lambda: print(m(subject)))

class Keys:
    a = K
    b = float("nan")
def keys(v):
    match v:
        case {Keys.a: 1}:
            pass
        case {Keys.b: 1, Keys.b: 2}:
            pass
attempt(lambda: keys({1: 2}))
attempt(lambda: keys({1: 2, 3: 4}))
attempt(lambda: keys({float("nan"): 1, 2: 3}))
for src in ["match x:\n case " + "[" * 150 + "a" + "]" * 150 + ": pass\n",
            "match x:\n case " + " | ".join(str(i) for i in range(5000)) + ": pass\n",
            "match x:\n case " + "(" * 150 + "1 as a" + ")" * 150 + ": pass\n",
            "match x:\n case " + "{'k': " * 100 + "1" + "}" * 100 + ": pass\n",
            "match x:\n case C(" + ", ".join("a%d=_" % i for i in range(3000)) + "): pass\n",
            "match x:\n" + "".join(" case %d: pass\n" % i for i in range(5000)),
            "match x:\n case {**a, **b}: pass\n", "match x:\n case [*a, *b, *c]: pass\n",
            "match x:\n case {1: a, 1.0: b, True: c}: pass\n"]:
    attempt(lambda: exec(compile(src, "<hostile>", "exec"), {"x": [1]}))

# Calls of builtin types (their __new__ and __init__ resolved once): arguments, keywords, errors, subclasses.
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r) if not hasattr(r, '__next__') else list(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: str()); t(lambda: str(1)); t(lambda: str(b'x', 'ascii')); t(lambda: str(object=5)); t(lambda: str(1, 2, 3, 4))
t(lambda: int('7', base=2)); t(lambda: int('101', base=2)); t(lambda: int('x')); t(lambda: int()); t(lambda: int(3.9)); t(lambda: int(x=3))
t(lambda: list(range(3))); t(lambda: list()); t(lambda: list(1)); t(lambda: list([1], [2])); t(lambda: list(x=1))
t(lambda: dict(a=1)); t(lambda: dict([(1, 2)], b=3)); t(lambda: dict(1))
t(lambda: set([1, 1])); t(lambda: set(a=1)); t(lambda: frozenset("aab")); t(lambda: bool()); t(lambda: bool(3)); t(lambda: bool(x=1))
t(lambda: tuple(x for x in "ab")); t(lambda: tuple([1], 2)); t(lambda: range(1, 10, 2)); t(lambda: range()); t(lambda: range(1, 2, 0))
t(lambda: slice(1, 2)); t(lambda: enumerate([5, 6], 1)); t(lambda: zip([1], [2], strict=True)); t(lambda: zip([1], [2, 3], strict=True))
t(lambda: zip([1], [2], [3], [4], [5], [6], [7])); t(lambda: map(abs, [-1])); t(lambda: filter(None, [0, 1])); t(lambda: reversed([1, 2]))
t(lambda: bytes(3)); t(lambda: bytearray(b'ab')); t(lambda: float("1.5")); t(lambda: float()); t(lambda: float("x"))
class L(list):
    def __init__(self, *a):
        print("L init", a)
        super().__init__(*a)
t(lambda: L([1, 2]))
class S(str):
    pass
t(lambda: S("abc"))

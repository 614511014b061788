# Subscripts, augmented item assignment, operator-then-store and unpacking into locals: the
# fast shapes (lists, tuples, dicts, inline numbers) and every fallback (dunders, subclasses,
# errors, unbound locals, finalizers) must behave as the plain instructions.
import sys


def subscr_shapes():
    lst = [1.5, 2, "x", None]
    tup = (10, 20, 30)
    d = {"a": 1, 2: "two"}
    s = "hello"
    i = 1
    print(lst[0], lst[-1], lst[i], tup[2], tup[-3], tup[i], d["a"], d[2], s[1], s[-1], s[i])
    r = range(5)
    print(r[3], r[i], b"abc"[1], bytearray(b"xyz")[i])
    try:
        lst[4]
    except IndexError as e:
        print("IndexError", e)
    try:
        tup[i * 10]
    except IndexError as e:
        print("IndexError", e)
    try:
        d["missing"]
    except KeyError as e:
        print("KeyError", e)
    try:
        lst["k"]
    except TypeError as e:
        print("TypeError", e)


class Logged(list):
    def __getitem__(self, k):
        print("  getitem", k)
        return list.__getitem__(self, k)

    def __setitem__(self, k, v):
        print("  setitem", k, v)
        list.__setitem__(self, k, v)


class Acc:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, other):
        print("  iadd", self.v, other)
        self.v += other
        return self

    def __repr__(self):
        return f"Acc({self.v})"


class Missing(dict):
    def __missing__(self, k):
        return 0


def augmented_items():
    v = [1.0, 2.0, 3.0]
    k = 2
    v[0] -= 0.25
    v[1] *= 3
    v[k] += v[0] * 2
    v[-1] /= 2
    print(v)
    ints = [1, 2**62, -5]
    ints[1] += 2**62  # overflow to a big int
    ints[0] <<= 70
    ints[2] //= 2
    print(ints)
    counts = {}
    for w in "a b a c a b".split():
        counts[w] = counts.get(w, 0) + 1
    counts["a"] += 10
    print(counts)
    m = Missing()
    m["z"] += 5
    print(m)
    lg = Logged([1, 2, 3])
    lg[1] += 40
    print(lg)
    objs = [Acc(1), Acc(2)]
    objs[0] += 5
    print(objs)
    strs = ["ab", "cd"]
    strs[0] += "!"
    strs[k - 1] *= 2
    print(strs)
    t = ([1], [2])
    try:
        t[0] += [5]
    except TypeError as e:
        print("TypeError", e, t)
    try:
        v[5] += 1
    except IndexError as e:
        print("IndexError", e)
    try:
        v[0] += "x"
    except TypeError as e:
        print("TypeError", e)
    try:
        ints[0] /= 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def op_store():
    a, b = 7, 2.5
    c = a * b
    d = a - 10
    e = [1] + [2]
    f = "s" * 3
    g = a
    g **= 2
    h = a
    h += 2**63
    print(c, d, e, f, g, h)
    try:
        x = a / 0
    except ZeroDivisionError as err:
        print("ZeroDivisionError", err)


def unpacking():
    pairs = [(1, 2), (3, 4)]
    for x, y in pairs:
        print(x, y)
    for (p, q, r) in [[1, 2, 3], (4.5, "s", None)]:
        print(p, q, r)
    a, b = "xy"
    c, d, e = range(3)
    f, g = {"k": 1, "j": 2}
    print(a, b, c, d, e, f, g)
    for k, v in {"one": 1, "two": 2}.items():
        print(k, v)
    for k, v in [["l", 1]]:
        print(k, v)
    try:
        a, b = (1, 2, 3)
    except ValueError as err:
        print("ValueError", err)
    try:
        a, b, c = [1]
    except ValueError as err:
        print("ValueError", err)
    try:
        a, b = 5
    except TypeError as err:
        print("TypeError", err)


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def finalizers():
    pair = Noisy("a1"), Noisy("b1")
    a, b = pair
    del pair
    print("rebinding")
    pair = [Noisy("a2"), Noisy("b2")]
    a, b = pair
    del pair
    print("rebound")
    items = [Noisy("i1"), 1]
    items[0] = Noisy("i2")
    print("item replaced")
    n = Noisy("n1")
    n = 1 + 2
    print("after op store", n)
    nums = [1.5, Noisy("held")]
    nums[0] += 1
    nums[1] = 2
    nums[1] -= 1
    print(nums)
    print("end")


def refcounts():
    box = []
    lst = [box, box]
    before = sys.getrefcount(box)
    x = lst[0]
    y, z = lst
    print(sys.getrefcount(box) - before)
    del x, y, z
    print(sys.getrefcount(box) - before)


def unbound():
    try:
        print(later[0])
    except UnboundLocalError as err:
        print("UnboundLocalError", err)
    try:
        print([1][idx])
    except UnboundLocalError as err:
        print("UnboundLocalError", err)
    try:
        later[0] += 1
    except UnboundLocalError as err:
        print("UnboundLocalError", err)
    later = [0]
    idx = 0
    del later
    try:
        y = [1][0] + later[idx]
    except UnboundLocalError as err:
        print("UnboundLocalError", err)


subscr_shapes()
augmented_items()
op_store()
unpacking()
finalizers()
refcounts()
unbound()


class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("  bool", self.v)
        if self.v is None:
            raise ValueError("no truth")
        return self.v


class Sized:
    def __len__(self):
        return 0


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        print("  eq", self.k)
        return self.k == other


def truth_tests():
    for x in [0, 1, -2, 0.0, 0.5, "", "a", [], [0], (), {}, {1: 2}, None, True, False, Truth(True), Truth(False), Sized(), 2**70]:
        if x:
            print("truthy", repr(x) if not isinstance(x, (Truth, Sized)) else type(x).__name__)
        else:
            print("falsy", repr(x) if not isinstance(x, (Truth, Sized)) else type(x).__name__)
    n = 3
    while n:
        n -= 1
    print("n", n)
    t = Truth(None)
    try:
        if t:
            pass
    except ValueError as e:
        print("ValueError", e)
    try:
        if unset:
            pass
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    unset = 1


def subscr_stores():
    perm = [3, 1, 2, 0]
    k = perm[0]
    kk = perm[k]
    last = perm[-1]
    d = {"a": 1, 5: "five"}
    va = d["a"]
    v5 = d[5]
    print(k, kk, last, va, v5)
    try:
        miss = d["zz"]
    except KeyError as e:
        print("KeyError", e)
    try:
        miss = perm[10]
    except IndexError as e:
        print("IndexError", e)
    lg = Logged([7, 8])
    got = lg[1]
    print(got)
    try:
        x = nope[0]
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    nope = 1


def dict_get():
    d = {"a": 1, 2: "two", (1, 2): "tuple"}
    print(d.get("a"), d.get("b"), d.get("b", 0), d.get(2), d.get(2.0), d.get((1, 2)), d.get(True))
    m = Missing(x=1)
    print(m.get("x"), m.get("y"), m.get("y", "dflt"))
    kd = {Key("k"): 1}
    print(kd.get("k"), kd.get("other", "none"))
    try:
        d.get()
    except TypeError as e:
        print("TypeError", e)
    try:
        d.get(1, 2, 3)
    except TypeError as e:
        print("TypeError", e)
    try:
        d.get([])
    except TypeError as e:
        print("TypeError", e)


def slice_assign():
    p = [Noisy("s0"), Noisy("s1"), Noisy("s2"), 3]
    p[:3] = [4, 5, 6]
    print(p)
    q = [0, 1, 2, 3, 4]
    q[:3] = q[2::-1]
    q[1:3] = (9, 8)
    q[:2] = [7]
    print(q)
    r = [Noisy("r0"), Noisy("r1"), Noisy("r2")]
    r[0:2] = [1]
    print(r[0])
    r[1:] = (2, 3)
    print(r)


truth_tests()
subscr_stores()
dict_get()
slice_assign()


def item_stores():
    lst = [0, 0, 0]
    i = 2
    lst[0] = "a"
    lst[i] = 2.5
    lst[-2] = [1]
    print(lst)
    d = {}
    d["k"] = 1
    d[i] = "two"
    print(d)
    lg = Logged([0, 0])
    lg[1] = 9
    nz = [Noisy("old")]
    nz[0] = 0
    print("stored", nz)
    try:
        lst[5] = 1
    except IndexError as e:
        print("IndexError", e)
    try:
        lst["x"] = 1
    except TypeError as e:
        print("TypeError", e)
    try:
        d[[]] = 1
    except TypeError as e:
        print("TypeError", e)
    try:
        missing[0] = 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    try:
        lst[idx] = 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    missing = idx = 0


item_stores()

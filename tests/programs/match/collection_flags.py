# match: which classes match sequence/mapping patterns: builtins, collections, ABCs with __abc_tpflags__, register()
from abc import ABCMeta, ABC
import collections
class MySeqABC(metaclass=ABCMeta):
    __abc_tpflags__ = 1 << 5
class MyMapABC(metaclass=ABCMeta):
    __abc_tpflags__ = 1 << 6
print('__abc_tpflags__' in MySeqABC.__dict__, bool(MySeqABC.__flags__ & 32), bool(MyMapABC.__flags__ & 64))
class Sub(MySeqABC):
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
class Plain:
    def __init__(self, d): self.d = d
    def __len__(self): return len(self.d)
    def get(self, k, default=None): return self.d.get(k, default)
class Child(Plain): pass
def m(v):
    match v:
        case [a, b]: return f"seq {a} {b}"
        case {"k": x}: return f"map {x}"
        case _: return "neither"
print(m(Sub(1, 2)), m(Plain({"k": 1})), m(Child({"k": 2})))
MyMapABC.register(Plain)
print(m(Plain({"k": 1})), m(Child({"k": 2})), isinstance(Plain({}), MyMapABC))
class Later(Plain): pass
print(m(Later({"k": 3})))
print(m(collections.deque([1, 2])), m(collections.UserList([3, 4])), m(collections.ChainMap({"k": 5})), m(collections.UserDict(k=6)))
print(m(collections.Counter(k=7)), m(collections.OrderedDict(k=8)), m(collections.defaultdict(int, k=9)))
try:
    class Both(metaclass=ABCMeta):
        __abc_tpflags__ = (1 << 5) | (1 << 6)
except TypeError as e:
    print("TypeError:", e)
print(bool(int.__flags__ & (1<<22)), bool(complex.__flags__ & (1<<22)), bool(list.__flags__ & 32), bool(dict.__flags__ & 64), bool(range.__flags__&32), bool(collections.deque.__flags__&32))
class L(list): pass
print(bool(L.__flags__ & (1<<22)), bool(L.__flags__&32))

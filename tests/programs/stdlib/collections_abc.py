# collections.abc: ABC membership of builtins, one-trick ABCs, Mapping/MutableSequence/MutableSet mixins
import collections.abc as cabc
from collections.abc import *
print(cabc.Iterable, isinstance([], cabc.Iterable), cabc.Callable[[int], str], cabc.Mapping[str, int])
for t in [list, tuple, dict, set, frozenset, str, bytes, bytearray, range, type(iter([])), type(x for x in []), int, type(None), type(len)]:
    print(t.__name__, [a.__name__ for a in [Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Callable, Collection, Set, MutableSet, Mapping, MutableMapping, Sequence, MutableSequence, ByteString, KeysView] if issubclass(t, a)])
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2}, m.keys() & {'a'}, sorted(m.keys() | {'c'}))
try: Mapping()
except TypeError as e: print(e)
class MySeq(MutableSequence):
    def __init__(self): self.l = []
    def __getitem__(self, i): return self.l[i]
    def __setitem__(self, i, v): self.l[i] = v
    def __delitem__(self, i): del self.l[i]
    def __len__(self): return len(self.l)
    def insert(self, i, v): self.l.insert(i, v)
s = MySeq(); s.append(1); s.extend([2, 3, 2]); s += [5]
print(list(s), s.index(2), s.count(2), 3 in s, list(reversed(s)), s.pop(), s.l); s.reverse(); print(s.l); s.remove(2); print(s.l)
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), isinstance(It(), Iterable), issubclass(It, Sized), Sequence.__flags__ & (1<<5) != 0)
class MS(MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
a = MS([1, 2, 3]); print(sorted(a & MS([2, 3, 4])), sorted(a | [9]), sorted(a - MS([1])), a <= MS([1,2,3,4]), a == MS([3,2,1]))

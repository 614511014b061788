# reprlib: Repr limits for containers, strings, ints, other objects; recursive_repr
import reprlib, collections
r = reprlib.repr
print(r(list(range(20))), r(tuple(range(3))), r((1,)), r(set(range(10))), r(frozenset('abcdefgh')))
print(r({i: str(i) for i in range(10)}), r({}), r(set()), r(frozenset()), r([]), r(()))
print(r('x' * 100), r('short'), r(2 ** 200), r(12345))
print(r([[[[[[[1]]]]]]]), r({'a': {'b': {'c': {'d': {'e': {'f': {'g': 1}}}}}}}))
print(r(collections.deque(range(10))), r({3, 2, 1}))
class Big:
    def __repr__(self):
        return 'Big(' + 'z' * 50 + ')'
class Bad:
    def __repr__(self):
        raise ValueError
print(r(Big()), r(Bad()).startswith('<Bad instance at 0x'))
a = reprlib.Repr()
a.maxlist = 2; a.maxstring = 10; a.maxlevel = 1; a.fillvalue = '~'
print(a.repr(list(range(5))), a.repr('abcdefghijklmnop'), a.repr([[1, 2], [3]]), a.repr({'k': [1]}))
class Node:
    def __init__(self): self.children = [self]
    @reprlib.recursive_repr()
    def __repr__(self):
        return 'Node(%r)' % self.children
print(repr(Node()), Node.__repr__.__name__, Node.__repr__.__qualname__)
class Other:
    def __init__(self): self.me = self
    @reprlib.recursive_repr('<loop>')
    def __repr__(self):
        return 'Other(%r)' % (self.me,)
print(Other())
print(r(b'x' * 50), r(1.5), r(None), r(range(100)))

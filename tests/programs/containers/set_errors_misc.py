# Sets: errors, frozenset keys for set lookups, subclasses, size change during iteration, constant displays.
e = {frozenset({1}), frozenset({1, 2})}; print({1} in e, {1, 2} in e, {3} in e)
e.discard({1}); print(e)
try:
    e.remove({7})
except KeyError as ex:
    print('KeyError', ex)
try:
    {[]}
except TypeError as ex:
    print(ex)
try:
    [] in {1}
except TypeError as ex:
    print(ex)
print(set(), frozenset(), repr(set()), frozenset([3, 2, 1]))
class S(set): pass
print(S([1, 2]), S([1]) | {2}, type(S([1]) | {2}).__name__, type(S([1]).copy()).__name__)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as ex:
    print(ex)
s = set(); s.update({-5: 1, 3: 2, 17: 3}); print(s)
t = {2**61 - 1, 2**61, 2**61 + 1, -2**61}; print(t)
print({0.0, -0.0, 0}, {1, 1.0, True}, {float('inf'), 0.5, 2.25})
u = set(range(50)); v = set(range(45, 60)); print(u & v, v & u, u.intersection_update(range(40, 48)), u)
print(set([1,2,3]).__reduce__()[1], frozenset([4]).__reduce__()[1])
for x in {5, 3, 1000, 64, 8, -7}:
    print(x, end=' ')
print()
print([y for y in {40, 8, 16, 24, 32, 0}], {40, 8, 16, 24, 32, 0}, 8 in {40, 8, 16}, [] not in {1, 2, 3} if False else 0)
print({'a', 'b'} == {'b', 'a'}, {(1, 'x'), (2, 'y'), (3, 'z')} >= {(1, 'x')})
print({1, 2, 3}, {3, 2, 1}, {100, 200, 300, 400, 500, 600}, {2**40, 2**41, 3}, {-1, -2, -3, -4, -5})
print({2**61, 5, -2, 2**64, -1}, {1 << 40, 3, ~5, 7 // 2}, {2**200, 1, 2}, {-(2**62), 0, 2**62})

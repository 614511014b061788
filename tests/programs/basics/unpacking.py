# Tuple/list unpacking, including starred targets and nested patterns.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'hello'
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
x, *y = [9]
print(x, y)
[p, q] = 'pq'
print(p, q)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
print(*[1, 2], *(3,), *'ab')
print([*range(3), *[7, 8]])
print((*'xy', 0))
print({**{'a': 1}, 'b': 2, **{'a': 3}})
print({*'aa', *[1, 1]} == {'a', 1})
try:
    a, b = [1, 2, 3]
except ValueError as ex:
    print(ex)
try:
    a, b, c = [1, 2]
except ValueError as ex:
    print(ex)
try:
    a, *b, c = [1]
except ValueError as ex:
    print(ex)
m = n = [0]
m.append(1)
print(n)

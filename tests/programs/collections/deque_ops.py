# collections.deque: comparisons, +, *, repr (maxlen, recursion), iteration, class_getitem, weakref.
from collections import deque
import weakref

a, b = deque([1, 2]), deque([1, 3])
print(a == deque([1, 2]), a != b, a < b, a <= b, a > b, a >= b)
print(deque([1, 2]) < deque([1, 2, 0]), deque([1, 2, 0]) > deque([1, 2]), deque() == deque(), deque() < deque([0]))
print(deque([1, 2]) == deque([1, 2], 5), deque([1]) == [1], deque([1]) != (1,))
print(a + b, a + deque(), deque('ab', 3) + deque('cde'))
print(a * 3, 3 * a, a * 0, a * -1, deque('xy', 5) * 4)
x = deque([1, 2]); x += [3]; x += x; print(x)
x *= 2; print(x)
x *= 0; print(x)
y = deque([7], maxlen=4); y *= 10; print(y)
y = deque(range(3), 5); y *= 3; print(y)
s = deque(); s.append(s); print(s)
l = [1]; r = deque([l]); l.append(r); print(r, l)
t = deque([deque([1]), [deque()]]); print(t)
print(list(deque('hello')), list(reversed(deque('hello'))))
it = iter(deque([1, 2, 3])); print(next(it), it.__length_hint__(), list(it), it.__length_hint__())
rit = reversed(deque([1, 2, 3])); print(next(rit), rit.__length_hint__(), list(rit))
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)
print(deque.__module__, deque.__name__, deque.__qualname__, repr(deque))
print(deque[int], deque.__class_getitem__(str), deque.__hash__)
w = deque([1]); ref = weakref.ref(w); print(ref() is w)
print(sorted(deque([3, 1, 2])), sum(deque(range(5))), max(deque('abz')), tuple(deque([1, 2])))
print(deque(map(str, range(3))), [v * 2 for v in deque([1, 2])], dict(deque([('a', 1)])))
match deque([1, 2]):
    case [p, q]:
        print('matched', p, q)
print(isinstance(deque(), __import__('collections.abc').abc.MutableSequence), issubclass(deque, __import__('collections.abc').abc.Sequence))
nan = float('nan')
print(deque([None]) == deque([None]), deque([nan]).count(nan), deque([1, 1.0, True]).count(1))
print(deque([1, 2], 3) * 2 ** 61, deque('abc', 7) * 2)
big = deque([1], 3); big *= 2 ** 62; print(big)
for n in (2 ** 62, 2 ** 63 - 1):
    try:
        deque([1, 2], 5) * n
    except MemoryError:
        print('MemoryError')

# collections.deque.
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
b = deque(maxlen=3)
for i in range(6):
    b.append(i)
print(b, b.maxlen)
b.appendleft('L'); print(b)
print(list(reversed(d)), d.count(7), d.index(8), 7 in d)
d.remove(7); d.clear(); print(d)
try:
    deque().pop()
except IndexError as e:
    print('IndexError:', e)
print(deque('abc') == deque('abc'), deque([1]) + deque([2]), deque('ab') * 2)

# range objects: indexing, slicing, len, containment, equality.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r[::-1])
print(8 in r, 9 in r, r.index(11), r.count(5))
print(range(5), range(0, 5), range(5) == range(0, 5), range(0) == range(4, 2))
print(list(range(10, 0, -3)), list(range(0, -5, -1)), list(range(3, 3)))
print(range(0, 10 ** 20, 3)[10 ** 18], range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
print(r.start, r.stop, r.step, reversed(range(3)).__class__.__name__, list(reversed(range(3))))
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    range(3)[5]
except IndexError as e:
    print('IndexError:', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
print(sum(range(101)), max(range(7)), list(range(-3, 3)))
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)))

# Edge cases: exceptions inside comprehensions, tuples, generators in calls.
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print([x for x in 'abc'][::-1])
print(list(zip(*[(1, 'a'), (2, 'b')])))
print(sorted([(b, a) for a, b in {'x': 3, 'y': 1}.items()]))
print(dict((i, chr(65 + i)) for i in range(4)))
print(set(i // 2 for i in range(6)) == {0, 1, 2})
print([i for i in range(3)] == list(range(3)))
print(max((len(s), s) for s in ['aa', 'b', 'cc']))
print([*(x for x in range(3)), *[9]])
evens = [e for e in range(10) if not e % 2]
print(evens, len(evens))

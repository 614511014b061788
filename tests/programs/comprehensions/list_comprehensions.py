# List comprehensions with filters and nesting.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 1])
print([[row[i] for row in matrix] for i in range(3)])
print([c.upper() if c in 'aeiou' else c for c in 'comprehension'])
print([len(w) for w in 'a bb ccc dddd'.split()])
print([i for i in []])
words = ['apple', 'bob', 'kayak', 'python']
print([w for w in words if w == w[::-1]])
print([(lambda v: v + 1)(v) for v in (1, 2)])
print([[0] * 3 for _ in range(2)])

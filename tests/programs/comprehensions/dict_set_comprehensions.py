# Dict and set comprehensions.
print({x: x ** 2 for x in range(6)})
print({k: v for k, v in zip('abc', range(3)) if v})
inv = {v: k for k, v in {'a': 1, 'b': 2, 'c': 1}.items()}
print(inv)
print(sorted({x % 4 for x in range(20)}))
print({len(w) for w in 'to be or not to be'.split()} == {2, 3})
words = 'the cat sat on the mat the end'.split()
freq = {w: words.count(w) for w in words}
print(freq)
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print(sorted({c for c in 'mississippi'}))
nested = {k: {v: v * 2 for v in range(k)} for k in range(4)}
print(nested)

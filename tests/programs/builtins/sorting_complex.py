# Sorting: stability, keys, reverse, mixed types, list modified during sort; complex powers and division.
a = [3, 1, 2]
def k(x):
    a.append(9)
    return x
try:
    a.sort(key=k)
except ValueError as e:
    print(e, a)
b = [3, 'x', 1]
try:
    b.sort()
except TypeError as e:
    print(e, b)
print(sorted([(1, 2), (1,)]), sorted([1.5, 1, True, -0.0, 0]), sorted(['b', 'B', 'a'], key=str.casefold, reverse=True))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'K%d' % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)]) if False else 0, min([K(3), K(1)]))
data = [(2, 'b'), (1, 'b'), (2, 'a'), (1, 'a')]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[0], reverse=True))
print((1j+2) ** 3, (1+1j) ** -2, (2+0j) ** 0.5, 1j ** 100, (1+2j) / (3-4j), (1e300+1e300j) * (1e300+1e300j))

# Sequence comparison, containment, and equality of mixed containers.
print([1, 2, 3] == [1, 2, 3], [1, 2] != [2, 1], [1, 2] < [1, 3], [] < [0], [1, [2]] == [1, [2]])
print([1, 2] == (1, 2), list((1, 2)) == [1, 2], [1.0] == [1], ['a'] < ['b'])
print(2 in [1, 2], [2] in [1, [2]], (1, 2) in [(1, 2)], 'x' not in ['xy'])
try:
    [1] < ['a']
except TypeError as e:
    print('TypeError:', e)
class Eq:
    def __eq__(self, o):
        print('eq called')
        return True
print(Eq() in [1], [Eq()] == [2])
x = float('nan')
print(x in [x], [x] == [x], x == x)
print(max([[1, 2], [1, 3], [0, 9]]), min(['b', 'a', 'c']))
print(sorted([[3], [1, 2], [1]]), [3, 1].__contains__(1))

# Aliasing, shallow and deep copies.
import copy
a = [[1, 2], [3, 4]]
b = a
c = a[:]
d = copy.copy(a)
e = copy.deepcopy(a)
a[0].append('x')
a.append('new')
print(a, b, c, d, e, sep='\n')
print(b is a, c is a, c[0] is a[0], e[0] is a[0])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
dd = {'k': [1]}
shallow = dict(dd)
shallow['k'].append(2)
shallow['j'] = 0
print(dd, shallow)
def mutate(lst):
    lst.append('mutated')
    lst = ['rebound']
    return lst
orig = []
print(mutate(orig), orig)
t = ([],)
t[0].append(1)
print(t)

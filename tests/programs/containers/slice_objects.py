# slice objects and indices().
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(list(range(20))[s], 'abcdefghijk'[s])
print(s.indices(5), slice(-2, None).indices(10), slice(None, None, -2).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
class Recorder:
    def __getitem__(self, k):
        return k
r = Recorder()
print(r[1:2], r[:], r[::3], r[1:2:3], r[1:2, ::3], r[...])
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print('ValueError:', e)
lst = list(range(10))
lst[slice(2, 5)] = ['x']
print(lst)
try:
    hash(slice(1, 2))
    print('hashable')
except TypeError as e:
    print('TypeError:', e)

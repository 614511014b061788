# map and filter are lazy iterators.
m = map(str.upper, ['a', 'b'])
print(type(m).__name__, list(m), list(m))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(int, '123')), list(map(len, ['', 'ab'])))
f = filter(None, [0, 1, '', 'x', [], [0], None])
print(type(f).__name__, list(f))
print(list(filter(str.isdigit, 'a1b2c3')), list(filter(lambda x: x > 2, range(6))))
def noisy(x):
    print('called', x)
    return x * 2
lazy = map(noisy, [1, 2, 3])
print('before')
print(next(lazy))
print(list(lazy))

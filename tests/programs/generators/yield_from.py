# yield from delegation, return values and nested generators.
def inner():
    yield 'a'
    yield 'b'
    return 'inner-result'
def outer():
    r = yield from inner()
    print('inner returned', r)
    yield from range(2)
    yield from 'xy'
    return 'outer-result'
print(list(outer()))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], 6, []])))
def tree(depth):
    if depth == 0:
        yield 'leaf'
        return 0
    left = yield from tree(depth - 1)
    right = yield from tree(depth - 1)
    return left + right + 1
g = tree(3)
leaves = []
try:
    while True:
        leaves.append(next(g))
except StopIteration as e:
    print(len(leaves), 'leaves', e.value, 'inner nodes')
def echo():
    while True:
        got = yield
        print('echo got', got)
def delegator():
    yield from echo()
d = delegator()
next(d)
d.send(1)
d.send('two')

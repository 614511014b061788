# Generator functions, laziness and exhaustion.
def count_up(n):
    print('start')
    i = 0
    while i < n:
        print('yielding', i)
        yield i
        i += 1
    print('end')
g = count_up(3)
print(type(g).__name__, g.__name__)
print(next(g))
print(list(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def with_return():
    yield 1
    return 'result'
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print('returned', e.value, e.args)
def empty():
    return
    yield
print(list(empty()))
print(sum(x * x for x in range(10)))

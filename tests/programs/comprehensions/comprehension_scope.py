# Comprehensions have their own scope; the first iterable is evaluated outside.
x = 'outer'
result = [x for x in range(3)]
print(x, result)
n = 10
print([n + i for i in range(3)])
class K:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [i * len(items) for i in range(2)]
    except NameError as e:
        bad = str(e)
print(K.doubled, K.bad)
def f():
    fns = [lambda: i for i in range(3)]
    return [fn() for fn in fns]
print(f())
funcs = [(lambda i=i: i) for i in range(3)]
print([fn() for fn in funcs])
y = 5
print([y := y + v for v in range(3)], y)
print([[i, j] for i in range(2) for j in range(i, 3)])

# Generator expressions: laziness, scoping, consumption.
def noisy(n):
    for i in range(n):
        print('produce', i)
        yield i
g = (x * 10 for x in noisy(3))
print('created')
print(next(g))
print(list(g))
print(sum(x for x in range(101) if x % 2 == 0))
print(max(len(w) for w in 'the quick brown fox'.split()))
print(list((i, j) for i in range(3) for j in range(i)))
print(any(x > 3 for x in [1, 5, 2]), all(x > 0 for x in []))
it = (c.upper() for c in 'abc')
print(' '.join(it), list(it))
print(tuple(n for n in range(5)), sorted((n % 3 for n in range(10)), reverse=True))
gen = (x for x in range(3))
print(gen.__name__, iter(gen) is gen)
lines = ['a=1', 'b=2', 'junk', 'c=3']
pairs = dict(l.split('=') for l in lines if '=' in l)
print(pairs)

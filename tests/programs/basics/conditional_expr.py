# Conditional expressions, nested and lazy.
def sign(x):
    return 'neg' if x < 0 else 'zero' if x == 0 else 'pos'
print([sign(v) for v in (-2, 0, 3)])
def boom():
    raise RuntimeError('evaluated')
print(1 if True else boom())
print(boom() if False else 2)
x = 7
print('big' if x > 5 else 'small', ('even' if x % 2 == 0 else 'odd'))
f = (lambda v: v * 2) if x else (lambda v: v)
print(f(4))
print([(a if a % 3 else -a) for a in range(7)])

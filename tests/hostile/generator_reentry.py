def g():
    yield next(gen)
gen = g()
try:
    next(gen)
except ValueError as e:
    print('ValueError')
def h():
    try:
        yield 1
    finally:
        yield 2
x = h()
next(x)
del x
print('survived')
def closer():
    while True:
        try:
            yield
        except GeneratorExit:
            continue
c = closer()
next(c)
try:
    c.close()
except RuntimeError:
    print('RuntimeError')
def thrower():
    yield 1
t = thrower()
for exc in [ValueError, ValueError('x'), 5]:
    try:
        t.throw(exc)
    except BaseException as e:
        print(type(e).__name__)

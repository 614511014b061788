# Function decorators, with and without arguments, stacked.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print('call', fn.__name__, a, k)
        r = fn(*a, **k)
        print('ret', r)
        return r
    return wrapper
@trace
def add(a, b):
    """Add two things."""
    return a + b
add(1, b=2)
print(add.__name__, add.__doc__, add.__wrapped__(3, 4))
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi(name):
    return 'hi ' + name
print(hi('x'))
def tag(t):
    def deco(fn):
        return lambda: '<%s>%s</%s>' % (t, fn(), t)
    return deco
@tag('b')
@tag('i')
def text():
    return 'word'
print(text())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def one(): pass
@register
def two(): pass
print(registry)
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@CountCalls
def sq(x):
    return x * x
print(sq(3), sq(4), sq.calls)

# Closures capture variables (cells), not values.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5))
print(double.__closure__[0].cell_contents)
def outer():
    x = 'before'
    def get():
        return x
    x = 'after'
    return get
print(outer()())
def nested():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner
    return mid()()
print(nested())
funcs = []
for i in range(3):
    def f(i=i):
        return i
    funcs.append(f)
print([f() for f in funcs])
def acc():
    items = []
    def add(x):
        items.append(x)
        return items
    return add
a = acc()
a(1)
print(a(2))
print(make_counter.__code__.co_cellvars, c1.__code__.co_freevars)

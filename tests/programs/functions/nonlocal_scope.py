# nonlocal rebinding across several levels.
def outer():
    x = 0
    def middle():
        def inner():
            nonlocal x
            x += 10
        inner()
        nonlocal x
        x += 1
    middle()
    middle()
    return x
print(outer())
def make():
    state = {'n': 0}
    value = 0
    def bump():
        nonlocal value
        state['n'] += 1
        value = state['n'] * 100
        return value
    def get():
        return value, state
    return bump, get
bump, get = make()
bump(); bump()
print(get())
def shadows():
    x = 'outer'
    def f():
        x = 'inner'
        return x
    f()
    return x
print(shadows())
def loop_closure():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in range(5):
        add(v)
    return total
print(loop_closure())

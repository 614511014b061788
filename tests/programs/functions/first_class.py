# Functions as first-class values: passing, returning, storing.
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(len, 'four'))
ops = {'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b}
for name in ops:
    print(name, ops[name](6, 3))
def pipeline(*fns):
    def run(x):
        for fn in fns:
            x = fn(x)
        return x
    return run
p = pipeline(str.strip, str.upper, lambda s: s + '!')
print(p('  hello  '))
def counter_factory():
    calls = []
    def record(x):
        calls.append(x)
        return len(calls)
    return record, calls
rec, calls = counter_factory()
print(rec('a'), rec('b'), calls)
print(list(map(pow, [2, 3, 4], [3, 2, 1])))
print(sorted(['ccc', 'a', 'bb'], key=len, reverse=True))

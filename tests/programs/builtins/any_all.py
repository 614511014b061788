# any and all short-circuit.
print(any([]), all([]), any([0, '', None]), all([1, 'x', [0]]), any([0, 1]), all([1, 0]))
def check(x):
    print('check', x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]))
print(all(check(x) for x in [3, 1, 5]))
print(any('abc'), all(''), any({0: 1}), all({1: 0}))
print(all(isinstance(x, int) for x in [1, True, 2]), any(c.isupper() for c in 'abC'))

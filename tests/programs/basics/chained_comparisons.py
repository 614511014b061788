# Chained comparisons evaluate each operand once and short-circuit.
calls = []
def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(1 == 1 == 1, 1 == 1 != 2, 1 < 2 == 2 <= 2)
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) < v(5) > v(2) != v(2), calls)
x = 5
print(0 <= x < 10, 0 <= x < 5)
print('a' < 'b' < 'c', [1] < [1, 2] < [2])
a = [1]
b = a
print(a is b is not None, a is not [1])
print(2 in [1, 2] in [[1, 2]], 3 not in [1, 2])
print(not 1 < 2, not (1 > 2))

# SyntaxWarnings for constant folded operands, and the runtime errors those lines then raise.
x = 5
print(x is (), x is 1.5, x is b'', x is -0.0, x is ~1, 1 is x, x is not (1, None))
print([1, 2][x if 0 else 0], (1, 2)[0], 'ab'[1], ('a', 'b')[True], [x][0:1])
print([x for x in [1]]['a' if 0 else 0])
try:
    print('abc'[1.5])
except TypeError as e:
    print(e)
try:
    (1)(2)
except TypeError as e:
    print(e)
try:
    {1, 2}[0]
except TypeError as e:
    print(e)
f = lambda: 0
try:
    (lambda: 0)[0]
except TypeError as e:
    print(e)
try:
    f"x"(1)
except TypeError as e:
    print(e)
try:
    [1][()]
except TypeError as e:
    print(e)

# abs, round, divmod, pow.
print(abs(-5), abs(5.5), abs(-0.0), abs(False), abs(-10 ** 30))
print(round(3.7), round(-3.7), round(3.14159, 3), round(2.5), round(3.5), round(17, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 70, 10 ** 10))
print(pow(2, 10), pow(2, -2), pow(2.5, 2), pow(3, 4, 5), pow(-3, 3, 7), pow(7, -1, 11))
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)
print(pow(0, 0), 0.0 ** 0, pow(-1, 0.5) if False else pow(4, 0.5))

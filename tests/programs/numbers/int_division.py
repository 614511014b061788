# Floor division and modulo signs, divmod, true division.
for a in [7, -7, 0, 13, -13]:
    for b in [2, -2, 5, -5]:
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(7.0 // 2, -7.0 // 2, 7.0 % -2, divmod(7.5, 2), divmod(-7.5, 2))
for op in ['1 // 0', '1 % 0', '1 / 0', '1.0 / 0', 'divmod(1, 0)', '0 ** -1', '1.0 % 0.0']:
    try:
        eval(op)
    except ZeroDivisionError as e:
        print(op, '->', e)
print(10 ** 20 // 3, -(10 ** 20) // 3, 10 ** 20 % -3)
print(5 % 0.75, -5 % 0.75, 1e300 % 7)

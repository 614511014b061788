# repr/str of floats: shortest round-tripping representation.
for v in [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5,
          0.0001234, 1.5e300, 5e-324, 1.7976931348623157e308, 100.0, 1.0, -0.0, 0.5,
          2 ** 0.5, 3.14159, 1e22, 1e23, 9007199254740993.0, 0.3, 1.1 * 3, 4.35, 2.675]:
    print(repr(v), str(v))
print(float('1.10'), float('  -2.5e3 '), float('inf'), float('-Infinity'), float('nan'))
print(float(10 ** 20), float(2 ** 53 + 1), 1e308 * 10, -1e308 * 10)
print(repr(1.0 * 10 ** 16), 1e16 == 10 ** 16, 0.1 * 3 == 0.3)
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), 1.005 * 1000)

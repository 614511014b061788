# float repr: the shortest round-tripping digits, nearest the exact value on ties (half to even)
print(2.31266021728515625e-05, 0.0008478164672851562, 0.0009965896606445312, -1.0728836059570312e-06)
print(repr(1.0009765625 / 3), 2 ** -30 * 3, 5e-324, 1.7976931348623157e308, 0.1 + 0.2)
vals = [k / 2 ** 40 for k in range(1, 2000, 37)] + [k * 2.0 ** 70 for k in range(1, 50, 3)]
print(vals)

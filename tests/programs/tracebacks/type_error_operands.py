# Uncaught TypeError: unsupported operand types.
def total(values):
    s = 0
    for v in values:
        s = s + v
    return s
print(total([1, 2, 3]))
print(total([1, 'two', 3]))

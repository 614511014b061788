x = 10 ** 100000
print(x.bit_length())
try:
    print(len(str(x)))
except ValueError as e:
    print('ValueError', str(e)[:40])
y = 2 ** 1000000
print(y.bit_length(), y % 1000007)
z = 7 ** 50000 * 3 ** 50000 // 11 ** 20000
print(z.bit_length())

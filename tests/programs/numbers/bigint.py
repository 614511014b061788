# Arbitrary-precision integers.
a = 2 ** 200
print(a)
print(a * a, a // 3, a % 1000007, -a // 7, -a % 7)
print(len(str(3 ** 1000)), str(3 ** 1000)[:20], str(3 ** 1000)[-20:])
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f.bit_length(), (-f).bit_length(), f == int(str(f)))
print(int('9' * 50) + 1)
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63), 2 ** 64 // 2 ** 32)
print((2 ** 100) >> 90, 1 << 100, (2 ** 100 + 1) & 0xFFFF, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 70 + 5))
print(~(2 ** 80), -(2 ** 80) >> 3, abs(-(10 ** 25)))
print(divmod(10 ** 30, 7), divmod(-10 ** 30, 7))
print(pow(3, 10 ** 4, 10 ** 9 + 7), pow(2, -1, 7), pow(10 ** 20, 3))
print(10 ** 20 / 10 ** 10, 2 ** 100 / 3, (10 ** 30) // (10 ** 28))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 100)) == hash(-(2 ** 100)))
print(sum(range(10 ** 6)), max(2 ** 90, 3 ** 60))

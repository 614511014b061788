# Bitwise operators, shifts and int methods.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1, -1 >> 10)
print(bin(a & b), bin(-5), hex(-255), oct(-8))
print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (10).bit_count() if hasattr(int, 'bit_count') else 2)
print(1 << 0, 1 << 64, (1 << 64) >> 63, 5 & -1, 5 | -8, -5 ^ 3)
try:
    1 << -1
except ValueError as e:
    print('ValueError:', e)
try:
    1.0 << 2
except TypeError as e:
    print('TypeError:', e)
mask = 0
for bit in [0, 3, 5]:
    mask |= 1 << bit
print(mask, [i for i in range(8) if mask >> i & 1])
print(True << 3, False | True, 7 & True)
print(int.__and__(6, 3), (6).__xor__(3), (12).conjugate(), (12).numerator, (12).denominator, (12).real, (12).imag)

import sys
try:
    x = 10 ** 10 ** 6
    print(x.bit_length())
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print(pow(3, 10 ** 9, 10 ** 9 + 7))
print((1 << 10 ** 6).bit_length())

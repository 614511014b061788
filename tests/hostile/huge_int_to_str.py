import sys
if hasattr(sys, 'set_int_max_str_digits'):
    sys.set_int_max_str_digits(0)
x = 3 ** 200000
s = str(x)
print(len(s), s[:10], s[-10:])
print(int(s) == x)
print(len(hex(x)), len(bin(x)))

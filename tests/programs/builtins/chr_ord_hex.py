# chr, ord, hex, bin, oct.
print(chr(65), chr(97), chr(0x263A), chr(0x1F40D), repr(chr(0)), repr(chr(10)))
print(ord('A'), ord('é'), ord('€'), ord('🐍'), ord(b'a'), ord(bytearray(b'z')))
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError:', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError:', e)
print(hex(255), hex(-255), hex(0), hex(2 ** 70), bin(10), bin(-10), bin(0), oct(64), oct(-64))
try:
    hex(1.5)
except TypeError as e:
    print('TypeError:', e)
print(''.join(chr(ord(c) + 1) for c in 'HAL'), [ord(c) - ord('a') for c in 'python'])
print(int(hex(12345), 16), int(bin(77), 2), int(oct(99), 8))

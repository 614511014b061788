# int() and float() parsing from strings with bases and underscores.
print(int('42'), int('-42'), int('  +7  '), int('0'), int('00012'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0))
print(int('z', 36), int('101', 2), int('777', 8), int('1_000_000'), int('0x_ff', 16))
print(int(3.99), int(-3.99), int(True), int('١٢'))
for bad in ['', '4.5', 'abc', '1 2', '0x10', '1__0', '_1', '08', '--1']:
    try:
        print(int(bad, 0) if bad == '08' else int(bad))
    except ValueError as e:
        print('ValueError:', e)
try:
    int('10', 1)
except ValueError as e:
    print('ValueError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
try:
    int('5', base=10.0)
except TypeError as e:
    print('TypeError:', e)
print(float('3.5'), float('-.5'), float('1e3'), float('1_000.5'), float(' nan ').__repr__())
for bad in ['', 'x', '1.2.3', '1e', 'in']:
    try:
        float(bad)
    except ValueError as e:
        print('ValueError:', e)
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), (1024).to_bytes(2, 'big'))
print((-1).to_bytes(2, 'big', signed=True), int.from_bytes(b'\xff\xff', 'big', signed=True))

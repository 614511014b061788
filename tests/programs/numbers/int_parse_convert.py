# int() parsing rules, to_bytes/from_bytes, bit methods, division by zero messages.
EXPRS = [
    '1 >> -1',
    '1 << 2**70',
    '0 << 2**70',
    '1 >> 2**70',
    '(-1) >> 2**70',
    '(5).as_integer_ratio()',
    '(5).is_integer()',
    'True.as_integer_ratio()',
    '(5).__sizeof__() > 0',
    '(255).to_bytes(2, "big")',
    '(255).to_bytes(1)',
    '(-1).to_bytes(2, "big", signed=True)',
    '(256).to_bytes(1, "big")',
    'int.from_bytes([1,2], "big")',
    '(-5).bit_length()',
    '(-5).bit_count()',
    'int("10", 2.0)',
    'int(5, 10)',
    'int("  12  ")',
    'int(" -0b101 ", 0)',
    'int("0_0", 0)',
    'int("00", 0)',
    'int("0x_ff", 0)',
    'int("0x_", 16)',
    'int("١٢")',
    'int(b"12")',
    'int(b"1x")',
    'int(bytearray(b"7"))',
    'int("x"*300)',
    'int(3.9)',
    'int(-3.9)',
    'int("9"*5000)',
    'int(float("inf"))',
    'int("+_1")',
    'int("1_")',
]
for e in EXPRS:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '->', type(x).__name__, x)

# bytes: literals, indexing, methods, conversions.
b = b'hello world'
print(b, len(b), b[0], b[-1], b[:5], b[::-1], type(b[0]).__name__)
print(b.upper(), b.split(), b.replace(b'o', b'0'), b.find(b'wor'), b.count(b'l'))
print(b.startswith(b'he'), b.strip(b'hd'), b'-'.join([b'a', b'b']), b + b'!', b * 2)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes('é', 'utf-8'))
print(b'\x00\xff\n\t\\\'"', repr(b"it's"), b'abc'.hex(), bytes.fromhex('41 42'))
print(list(b'AB'), b'A' in b'ABC', 65 in b'ABC', b'abc' < b'abd')
print(b.decode(), str(b), b.isalpha(), b'123'.isdigit(), b'  x '.strip())
try:
    bytes([256])
except ValueError as e:
    print('ValueError:', e)
try:
    b[0] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError:', e)
print(b'a,b'.split(b','), b'%s=%d' % (b'k', 3), b'x'.center(5, b'*'))
print(int.from_bytes(b'\x00\x10', 'big'), (4096).to_bytes(3, 'little'))

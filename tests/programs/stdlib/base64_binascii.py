# base64/binascii: b64/b32/b32hex/b16/a85/b85 encodings, validation errors, hexlify sep, crc32/crc_hqx, strict base64
import base64, binascii
data = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd']
for d in data[:8]:
    print(base64.b64encode(d), base64.b32encode(d), base64.b32hexencode(d), base64.b16encode(d)[:20], base64.a85encode(d)[:30], base64.b85encode(d)[:30], base64.urlsafe_b64encode(d)[-8:])
    assert base64.b64decode(base64.b64encode(d)) == d and base64.b32decode(base64.b32encode(d)) == d and base64.b16decode(base64.b16encode(d)) == d
    assert base64.a85decode(base64.a85encode(d)) == d and base64.b85decode(base64.b85encode(d)) == d and base64.b32hexdecode(base64.b32hexencode(d)) == d
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.urlsafe_b64decode('-_8='), base64.b64decode('Zm9v\nYmFy'), base64.b64decode(b'Zm9vYg'[:4]), base64.standard_b64decode('YQ=='))
print(base64.encodebytes(bytes(100)), base64.decodebytes(b'YWJj\n'), base64.a85encode(b'hello world', adobe=True, wrapcol=10), base64.a85encode(b'    ', foldspaces=True), base64.a85encode(bytes(8)))
print(base64.b32decode('mzxw6===', casefold=True), base64.b32decode('MZXW6YQ1', map01='L') if False else '', base64.b16decode('6f6b', casefold=True))
for f, arg in [(base64.b64decode, 'Zm9'), (base64.b64decode, 'Zm9vY'), (lambda s: base64.b64decode(s, validate=True), 'Zm9v!'), (base64.b32decode, 'MZXW6'), (base64.b32decode, 'MZXW6!!!'), (base64.b16decode, '6F6'), (base64.b16decode, '6g'), (base64.b64decode, 'é'), (base64.b64encode, 'str'), (base64.a85decode, b'abc{'), (base64.b85decode, b'|NsC0~'), (base64.encodebytes, 'x')]:
    try: print(f(arg))
    except (binascii.Error, ValueError, TypeError) as e: print(type(e).__name__, e)
print(binascii.hexlify(b'\x01\x02\x03', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2), binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2), binascii.unhexlify('0aFF'), binascii.b2a_hex(b'ab'), binascii.a2b_hex(b'6162'))
print(binascii.crc32(b'hello'), binascii.crc32(b' world', binascii.crc32(b'hello')), binascii.crc32(b''), binascii.crc_hqx(b'hello', 0), binascii.crc_hqx(b'123456789', 0xffff), binascii.b2a_base64(b'abc'), binascii.b2a_base64(b'abc', newline=False))
print(binascii.a2b_base64(b'YWJj'), binascii.Error.__mro__, issubclass(binascii.Error, ValueError))
for bad in [b'=YWJj', b'YW=Jj', b'YWJj=', b'YW!Jj', b'YWJj====']:
    try: print(binascii.a2b_base64(bad, strict_mode=True))
    except binascii.Error as e: print(e)

# Encoding and decoding with error handlers.
s = 'Grüße 😀'
for enc in ['utf-8', 'utf-16-le', 'latin-1', 'ascii']:
    try:
        print(enc, s.encode(enc))
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError:', e)
print(s.encode('ascii', 'ignore'), s.encode('ascii', 'replace'), s.encode('ascii', 'backslashreplace'))
print(s.encode('ascii', 'xmlcharrefreplace'))
bad = b'ok \xff\xfe end'
try:
    bad.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
print(bad.decode('utf-8', 'replace'), bad.decode('utf-8', 'ignore'), bad.decode('utf-8', 'backslashreplace'))
print(bad.decode('latin-1'))
print(str(b'abc', 'ascii'), bytes('abc', 'utf-8'), 'abc'.encode())
print(b'\xc3\xa9'.decode(), len(b'\xc3\xa9'.decode()))

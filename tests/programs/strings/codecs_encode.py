# str.encode: codec names and aliases, unencodable runs, error handlers, error attributes.
s = 'Grüße 😀'
for enc in ['utf-8', 'UTF8', 'utf_8', 'utf-16', 'utf-16-le', 'utf-16-be', 'UTF-16LE', 'utf-32', 'utf-32-le', 'utf-32-be', 'latin-1', 'latin1', 'iso-8859-1', 'ascii', 'us-ascii', 'cp1252', 'windows-1252', 'utf-8-sig', 'u8', 'foo-bar', 'foo_bar', 'Latin 1']:
    try:
        print(enc, s.encode(enc))
    except Exception as e:
        print(enc, type(e).__name__, e)
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'strict', 'bogus', 'surrogateescape', 'surrogatepass']:
    for enc in ['ascii', 'latin-1', 'cp1252']:
        try:
            print(enc, errors, 'a€b😀ÿc'.encode(enc, errors))
        except Exception as e:
            print(enc, errors, type(e).__name__, e)
print('abc'.encode('ascii', 'bogus'))
print(str(b'abc', 'ascii'), bytes('abc', 'utf-8'), 'abc'.encode(), b'x'.decode())
try:
    str(b'\xff', 'utf-8')
except Exception as e:
    print(type(e).__name__, e, e.start, e.end, e.reason, e.encoding, e.object)
try:
    'é'.encode('ascii')
except Exception as e:
    print(type(e).__name__, e, e.start, e.end, e.reason, e.encoding, repr(e.object))
print(bytearray(b'\xc3\xa9').decode(), 'x'.encode(encoding='utf-16-le', errors='strict'), b'y'.decode(encoding='latin-1'))

# Unicode strings: lengths, code points, escapes, normalisation-free operations.
s = 'naïve café 日本語 😀'
print(s, len(s), s[6], s[-1], s[11:14])
print([hex(ord(c)) for c in 'é日😀'])
print(chr(0x1F600), chr(233), '\u00e9' == 'é', '\N{GREEK SMALL LETTER ALPHA}')
print(repr('tab\there'), repr('quote\'s'), repr("dq\""), repr('both\'"'), repr('\x00\x7f\x80'))
print(repr('日本'), ascii('日本'), ascii('é😀'))
print(s.encode('utf-8'))
print(len(s.encode('utf-8')), len(s.encode('utf-16-le')))
print('😀'.encode('utf-8').decode('utf-8') == '😀')
print('Straße'.upper(), 'İ'.lower(), len('İ'.lower()))
print(sorted(['b', 'A', 'é', 'a', 'Z']))
print('ü' > 'u', 'a' < 'b' < 'ä')
print('é'.encode('latin-1'), b'\xe9'.decode('latin-1'))
print(r'raw\nstring', len(r'\n'), '\\n')
print('ab' 'cd', 'multi\
line')

# codecs: lookup, encode/decode, incremental codecs, stream readers/writers, error handlers
import codecs, io
info = codecs.lookup('UTF8')
print(info.name, info[0] is info.encode, type(info).__name__, len(info))
for name in ['utf-8', 'latin1', 'L1', 'ascii', 'US-ASCII', 'utf_16', 'UTF-16LE', 'utf-32-be', 'cp1252', 'utf-8-sig', 'hex', 'base64', 'rot13']:
    print(name, codecs.lookup(name).name)
try:
    codecs.lookup('nope')
except LookupError as e:
    print('LookupError', e)
print(codecs.encode('héllo', 'utf-8'), codecs.decode(b'h\xc3\xa9llo', 'utf-8'))
print(codecs.encode('héllo', 'latin-1'), codecs.encode('abc', 'utf-16'), codecs.encode('abc', 'utf-32-be'))
print(codecs.encode(b'\x01\xff', 'hex'), codecs.decode(b'01ff', 'hex'), codecs.encode(b'hi there', 'base64'), codecs.decode(b'aGk=\n', 'base64'))
print(codecs.encode('Hello, World', 'rot13'), codecs.decode('Uryyb', 'rot_13'))
print(codecs.encode('é€', 'ascii', 'replace'), codecs.encode('é€', 'ascii', 'xmlcharrefreplace'), codecs.encode('é€', 'ascii', 'backslashreplace'), codecs.encode('é€', 'ascii', 'ignore'))
print(codecs.decode(b'a\xffb', 'utf-8', 'replace'), codecs.decode(b'a\xffb', 'utf-8', 'backslashreplace'), codecs.decode(b'a\xffb', 'ascii', 'ignore'))
for args in [('é', 'ascii'), (b'\xff', 'utf-8')]:
    try:
        (codecs.encode if isinstance(args[0], str) else codecs.decode)(*args)
    except UnicodeError as e:
        print(type(e).__name__, e)
try:
    codecs.encode(1, 'utf-8')
except TypeError as e:
    print('TypeError', e)
try:
    codecs.decode('abc', 'utf-8')
except TypeError as e:
    print('TypeError', e)
print(codecs.getencoder('utf-8')('abc'), codecs.getdecoder('latin-1')(b'\xe9t\xe9'))
print(codecs.utf_8_decode(b'ab\xc3', None, False), codecs.utf_8_decode(b'ab\xc3\xa9', None, True))
dec = codecs.getincrementaldecoder('utf-8')()
data = 'añ€😀z'.encode('utf-8')
print([dec.decode(data[i:i + 1]) for i in range(len(data))], dec.decode(b'', final=True))
dec = codecs.getincrementaldecoder('utf-16')()
data = 'h€😀'.encode('utf-16')
print([dec.decode(data[i:i + 1]) for i in range(len(data))])
dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'\xe2\x82')), dec.getstate())
try:
    dec.decode(b'', final=True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'), enc.encode('', True))
enc = codecs.getincrementalencoder('utf-8-sig')()
print(enc.encode('x'), enc.encode('y'))
print(list(codecs.iterencode(['a', 'é'], 'utf-8')), list(codecs.iterdecode([b'\xc3', b'\xa9', b'!'], 'utf-8')))
print(codecs.decode(codecs.BOM_UTF8 + b'abc', 'utf-8-sig'), codecs.decode(b'abc', 'utf-8-sig'))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16)
raw = io.BytesIO()
w = codecs.getwriter('utf-8')(raw)
w.write('line één\n')
w.writelines(['two\n', 'three'])
print(raw.getvalue())
raw.seek(0)
r = codecs.getreader('utf-8')(raw)
print(r.readline(), r.readline(keepends=False), r.read())
raw = io.BytesIO('a\nb\r\nc'.encode('utf-16'))
print(list(codecs.getreader('utf-16')(raw)))
for name in ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace'):
    print(name, codecs.lookup_error(name).__name__)
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print('LookupError', e)
def handler(exc):
    return ('<%d>' % ord(exc.object[exc.start]), exc.start + 1)
codecs.register_error('angle', handler)
print(codecs.encode('aéb€', 'ascii', 'angle'), codecs.lookup_error('angle') is handler)
print(codecs.ignore_errors(UnicodeEncodeError('ascii', 'aé', 1, 2, 'x')), codecs.replace_errors(UnicodeDecodeError('utf-8', b'a\xff', 1, 2, 'x')))
print(codecs.backslashreplace_errors(UnicodeEncodeError('ascii', 'a\u20ac\U0001f600', 1, 3, 'x')))
try:
    codecs.strict_errors(ValueError('v'))
except ValueError as e:
    print('ValueError', e)
def search(name):
    if name == 'upper':
        return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)), lambda b, e='strict': (bytes(b).decode().lower(), len(b)), name='upper')
codecs.register(search)
print(codecs.encode('abc', 'upper'), codecs.decode(b'ABC', 'upper'), codecs.lookup('upper').name)
with codecs.open('codecs_module.tmp.txt', 'w', 'utf-16') as f:
    f.write('añb\nline 2\n')
with open('codecs_module.tmp.txt', 'rb') as f:
    print(f.read())
with codecs.open('codecs_module.tmp.txt', 'r', 'utf-16') as f:
    print(f.readlines())
import os; os.remove('codecs_module.tmp.txt')

# open() in text mode: encodings (BOMs included), errors= handlers, encoding attribute
import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'enc.txt')
for enc in ['utf-8', 'UTF8', 'utf-8-sig', 'latin-1', 'iso-8859-1', 'ascii', 'utf-16',
            'utf-32', 'utf-16-be', 'utf-32-le', 'cp1252']:
    with open(p, 'w', encoding=enc, errors='replace') as f:
        f.write('héllo\nwörld €\n')
    raw = open(p, 'rb').read()
    print(enc, raw)
    with open(p, encoding=enc) as f:
        print(' ', repr(f.readline()), repr(f.read()), f.encoding, f.errors)
        f.seek(0)
        print(' ', repr(f.read(3)), repr(f.readline()))
with open(p, 'wb') as f:
    f.write(b'ab\xffcd\xe9\n\r\nx\ry')
for errors in ['strict', 'ignore', 'replace', 'backslashreplace']:
    try:
        with open(p, encoding='utf-8', errors=errors) as f:
            print(errors, repr(f.read()))
    except UnicodeDecodeError as e:
        print(errors, type(e).__name__, e)
with open(p, encoding='ascii', errors='replace') as f:
    print(repr(f.readlines()))
for bad in [dict(encoding='nope'), dict(newline='x'), dict(newline=5), dict(encoding=5),
            dict(errors=5)]:
    try:
        open(p, **bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [dict(encoding='utf-8'), dict(newline=''), dict(errors='strict')]:
    try:
        open(p, 'rb', **bad)
    except Exception as e:
        print(type(e).__name__, e)
with open(p, 'w', encoding='ascii') as f:
    try:
        f.write('é')
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
with open(p, 'w', encoding='ascii', errors='xmlcharrefreplace') as f:
    f.write('é€')
    f.write('\\')
with open(p, 'a', encoding='latin-1', errors='backslashreplace') as f:
    f.write('€ü')
print(open(p, 'rb').read())
with open(p, 'w', encoding='utf-16') as f:
    f.write('one')
with open(p, 'a', encoding='utf-16') as f:
    f.write('two')
print(open(p, 'rb').read(), repr(open(p, encoding='utf-16').read()))
big = ''.join(chr(0x40 + i % 0x2000) for i in range(20000))
with open(p, 'w', encoding='utf-16') as f:
    f.write(big)
with open(p, encoding='utf-16') as f:
    print(f.read() == big)
with open(p, 'w', encoding='utf-8-sig') as f:
    f.write(big)
with open(p, encoding='utf-8-sig') as f:
    print(len(f.readline()), f.read() == '')
os.remove(p)
os.rmdir(d)

# open() text mode: newline= on read and write (None, '', '\n', '\r\n', '\r'), seek/tell
import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'nl.txt')
with open(p, 'wb') as f:
    f.write(b'ab\ncd\r\nef\rgh\r\n\r\nlast')
for nl in [None, '', '\n', '\r\n', '\r']:
    with open(p, encoding='latin-1', newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
    with open(p, newline=nl) as f:
        print(repr(nl), repr(f.read()), f.newlines)
for nl in [None, '', '\n', '\r\n', '\r']:
    with open(p, 'w', newline=nl) as f:
        f.write('a\nb\r\nc\rd\n')
    print(repr(nl), open(p, 'rb').read())
with open(p, 'w', encoding='utf-8') as f:
    f.write('héllo\nwörld\nthird line\n')
for kw in [{}, {'newline': ''}, {'encoding': 'latin-1'}, {'encoding': 'utf-16'}]:
    if kw.get('encoding') == 'utf-16':
        with open(p, 'w', **kw) as f:
            f.write('héllo\nwörld\nthird line\n')
    with open(p, **kw) as f:
        print(kw, f.tell(), repr(f.readline()), f.tell())
        pos = f.tell()
        print(repr(f.read(3)), f.tell(), repr(f.readline()))
        f.seek(pos)
        print(repr(f.readline()), f.seek(0, 2), repr(f.read()), f.seek(0), repr(f.read(2)))
        for bad in [(1, 1), (1, 2), (-1, 0), (0, 3)]:
            try:
                f.seek(*bad)
            except Exception as e:
                print(type(e).__name__, e)
        f.seek(0)
        for line in f:
            try:
                f.tell()
            except OSError as e:
                print(e)
                break
        print(f.seekable(), f.readable(), f.writable())
with open(p, 'w') as f:
    f.write('first\nsecond\n')
with open(p, 'r+') as f:
    f.readline()
    f.write('XX')
print(repr(open(p).read()))
with open(p, 'r+', encoding='latin-1', newline='') as f:
    f.readline()
    f.write('YY')
print(repr(open(p).read()))
with open(p, 'w', newline='\r\n') as f:
    f.write('x\ny\n')
    print(f.tell())
os.remove(p)
os.rmdir(d)

# io.TextIOWrapper / BufferedReader / BufferedWriter wrapping another stream: newlines, encodings, errors
import io
import os
import sys

data = 'héllo wörld\r\nsecond\rthird\nlast'.encode('utf-8')
for newline in [None, '', '\n', '\r', '\r\n']:
    t = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8', newline=newline)
    print(repr(newline), t.readlines(), t.newlines)
t = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8')
print(repr(t.read(3)), repr(t.read(9)), repr(t.readline()), repr(t.readline(3)), repr(t.read()), repr(t.read()))
print(repr(t), t.encoding, t.errors, t.line_buffering, isinstance(t, io.TextIOWrapper), isinstance(t, io.TextIOBase))
t = io.TextIOWrapper(io.BytesIO(b'caf\xe9 ok\n'), encoding='latin-1')
print(repr(t.read()))
for errors in ['replace', 'ignore', 'strict']:
    t = io.TextIOWrapper(io.BytesIO(b'bad \xff byte\n'), encoding='utf-8', errors=errors)
    try:
        print(errors, repr(t.read()))
    except UnicodeDecodeError as e:
        print(errors, 'UnicodeDecodeError', e.reason)
big = ('é' * 5000 + '\n') * 3
t = io.TextIOWrapper(io.BufferedReader(io.BytesIO(big.encode('utf-8')), 7), encoding='utf-8')
print([len(line) for line in t], t.read() == '')
t = io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbfbom\n'), encoding='utf-8-sig')
print(repr(t.read()))

out = io.BytesIO()
w = io.TextIOWrapper(out, encoding='utf-8', newline='\r\n', line_buffering=True)
print(w.write('a\nb'), w.write('é\n'), out.getvalue(), w.line_buffering)
w.flush()
print(out.getvalue())
w2 = io.TextIOWrapper(io.BytesIO(), encoding='ascii', errors='replace')
w2.write('naïve\n')
w2.flush()
print(w2.buffer.getvalue())
try:
    w2.write(b'bytes')
except TypeError as e:
    print(e)
w2.close()
print(w2.closed)
try:
    w2.write('x')
except ValueError as e:
    print(e)
for kw in [{'newline': 'x'}, {'encoding': 'no-such-codec'}]:
    try:
        io.TextIOWrapper(io.BytesIO(), **kw)
    except (ValueError, LookupError) as e:
        print(type(e).__name__, e)

b = io.BufferedReader(io.BytesIO(b'line one\nline two\nrest'), buffer_size=4)
print(b.readline(), b.peek(1)[:1], b.read1(3), b.read(5), b.readline(2), b.read(), b.read())
bw_target = io.BytesIO()
bw = io.BufferedWriter(bw_target, buffer_size=8)
bw.write(b'abc')
print(bw_target.getvalue())
bw.write(b'defghijk')
print(bw_target.getvalue())
bw.flush()
print(bw_target.getvalue())
try:
    bw.write('str')
except TypeError as e:
    print(e)
for cls in [io.BufferedReader, io.BufferedWriter]:
    try:
        cls(io.BytesIO(), 0)
    except ValueError as e:
        print(e)
with open(__file__, 'rb') as f:
    print(isinstance(f, io.BufferedReader), isinstance(f, io.BufferedWriter), isinstance(f, io.TextIOWrapper))
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(io.StringIO(), io.TextIOWrapper))
r, w = os.pipe()
os.write(w, 'ünïcode line\nsecond\n'.encode())
os.close(w)
with io.TextIOWrapper(open(r, 'rb'), encoding='utf-8') as t:
    print(list(t))

# sys.stdout.buffer / sys.stderr.buffer / sys.stdin.buffer: bytes on the standard streams
import sys
print('text first')
sys.stdout.flush()
n = sys.stdout.buffer.write(b'bytes \xc3\xa9\n')
print(n, sys.stdout.buffer is sys.stdout.buffer)
print(sys.stdout.buffer.mode, sys.stdin.buffer.mode, sys.stderr.buffer.mode)
print(type(sys.stdout.buffer).__name__ in ('BufferedWriter', 'FileIO'), type(sys.stdin.buffer).__name__)
sys.stdout.flush()
sys.stdout.buffer.write(b'raw line\n')
sys.stdout.buffer.flush()
print('after raw')
first = sys.stdin.buffer.readline()
print(first)
rest = sys.stdin.buffer.read()
print(rest, len(rest))
print(sys.stdin.buffer.read())
sys.stderr.flush()
sys.stderr.buffer.write(b'to stderr\n')
sys.stderr.buffer.flush()
for bad in ['str', 5]:
    try:
        sys.stdout.buffer.write(bad)
    except TypeError as e:
        print('TypeError:', e)

sys.stdout.buffer.write(bytearray(b'bytearray\n'))
sys.stdout.buffer.flush()
print('done')

# Binary file I/O: bytes in, bytes out, seek and tell.
import os
path = 'open_binary.tmp.bin'
with open(path, 'wb') as f:
    f.write(bytes(range(10)))
    f.write(b'\xff\xfe')
    print('tell', f.tell())
with open(path, 'rb') as f:
    data = f.read()
    print(type(data).__name__, len(data), data)
with open(path, 'rb') as f:
    print(f.read(3), f.tell())
    f.seek(8)
    print(f.read(2), f.read(), f.read())
    f.seek(-1, 2)
    print(f.read())
with open(path, 'r+b') as f:
    f.seek(2)
    f.write(b'XY')
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'w', encoding='utf-8') as f:
    f.write('é\n')
with open(path, 'rb') as f:
    print(f.read())
try:
    with open(path, 'wb') as f:
        f.write('text')
except TypeError as e:
    print('TypeError:', e)
os.remove(path)
print(os.path.exists(path))

# Text file I/O: write, append, read, readline, iteration, with; file lives next to the test.
import os
path = 'open_text.tmp.txt'
with open(path, 'w', encoding='utf-8') as f:
    n = f.write('line one\n')
    f.write('línea dos\n')
    f.writelines(['three\n', 'four'])
print('wrote', n)
with open(path, 'a', encoding='utf-8') as f:
    print('appended', file=f)
with open(path, encoding='utf-8') as f:
    print(repr(f.read()))
with open(path, encoding='utf-8') as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
with open(path, encoding='utf-8') as f:
    for i, line in enumerate(f):
        print(i, line.rstrip('\n'))
f = open(path, encoding='utf-8')
print(f.closed, f.mode, f.name, f.read(4))
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)
try:
    open('missing_dir/nope.txt')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
os.remove(path)
print(os.path.exists(path))

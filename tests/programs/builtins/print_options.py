# print() with sep, end, file and flush.
import sys
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=' -> ', end=' END\n')
print()
print('no newline', end='')
print(' continued')
print(1, 2.5, None, True, [1], {'k': 'v'}, sep='|')
print('to stdout', file=sys.stdout)
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
print(*range(5), sep=', ')
print('multi\nline')
print(sep='ignored')
print('x', end='')
print('', end='\n')
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print('into', 'object', file=w, sep='_')
print(w.parts)
print('sep None', sep=None, end=None)
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError:', e)

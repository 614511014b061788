# pickle: dumps/loads, dump/load on files, Pickler/Unpickler, every protocol, shared and recursive objects
import io
import pickle


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


class Temp:
    def __init__(self, c):
        self.c = c
        self.cache = 'computed'

    def __getstate__(self):
        return {'c': self.c}

    def __setstate__(self, state):
        self.c = state['c']
        self.cache = 'restored'


values = [None, True, 7, -2 ** 70, 1.25, 2j, 'text', b'bytes', bytearray(b'ba'), (1, 'a'),
          [1, [2]], {'k': (1, 2)}, {3, 4}, frozenset({5}), Point(1, 2), ValueError('bad'),
          Point, len, range(3)]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps(values, proto)
    back = pickle.loads(data)
    print(proto, back[:4], back[14:], all(a == b or a is b or type(a) is ValueError for a, b in zip(values, back)))

print(pickle.dumps([1, 'a', (2.5, None)]))
print(pickle.dumps({'x': [True, False]}, 2))

shared = [1, 2]
pair = pickle.loads(pickle.dumps([shared, shared]))
print(pair, pair[0] is pair[1])
loop = []
loop.append(loop)
back = pickle.loads(pickle.dumps(loop))
print(back[0] is back)

t = pickle.loads(pickle.dumps(Temp(3)))
print(t.c, t.cache)

buf = io.BytesIO()
pickle.dump(Point(3, 4), buf)
pickle.dump('second', buf, protocol=2)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf))

buf = io.BytesIO()
p = pickle.Pickler(buf, 3)
p.dump({'a': 1})
p.dump([1, 2])
buf.seek(0)
u = pickle.Unpickler(buf)
print(u.load(), u.load())

name = 'pickle_roundtrip.tmp.bin'
with open(name, 'wb') as f:
    pickle.dump({'saved': [1, 2, 3]}, f)
with open(name, 'rb') as f:
    print(pickle.load(f))
import os
os.remove(name)

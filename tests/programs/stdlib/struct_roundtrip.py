# struct: half floats (rounding, overflow, subnormals), random int round trips in every byte order
import struct
import random

r = random.Random(5)
vals = [0.0, -0.0, 1.0, -2.5, 65504.0, 65519.0, 6.1e-5, 6.0e-8, 5.96e-8, 2.98e-8, 2.99e-8, 1e-7,
        0.333, 1 / 3, 1024.5, 2049.0, 2051.0, 0.1, 3.14159, float('inf'), float('-inf')]
vals += [r.uniform(-70000, 70000) for _ in range(100)]
vals += [r.uniform(-1, 1) * 10 ** r.randint(-9, 4) for _ in range(100)]
out = []
for v in vals:
    for o in '<>':
        try:
            out.append(struct.pack(o + 'e', v).hex())
        except OverflowError as e:
            out.append(str(e))
print(out)
print([struct.unpack('<e', struct.pack('<H', h))[0] for h in range(0, 65536, 331)])
for f in ['<bBhHiIlLqQ', '>bBhHiIlLqQ', '@bBhHiIlLqQnN', '=bhilq', '!HIQ']:
    packed = []
    for _ in range(30):
        vs = []
        for c in f[1:]:
            sz = struct.calcsize(f[0] + c)
            if c.isupper():
                vs.append(r.randrange(0, 2 ** (8 * sz)))
            else:
                vs.append(r.randrange(-2 ** (8 * sz - 1), 2 ** (8 * sz - 1)))
        p = struct.pack(f, *vs)
        assert struct.unpack(f, p) == tuple(vs), (f, vs)
        packed.append(p.hex())
    print(f, struct.calcsize(f), packed[:2])
print(struct.pack('@b i h q c ? 3x d f', 1, 2, 3, 4, b'z', True, 1.5, 2.5), struct.calcsize('@b i h q c ? 3x d f'))
print([struct.unpack('<f', struct.pack('<f', x))[0] for x in (0.1, 1e-40, 3.4e38, -2.5)])
print(list(struct.Struct('<hB').iter_unpack(bytes(range(12)))))

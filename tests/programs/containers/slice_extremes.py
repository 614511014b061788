# Slicing and slice assignment at the edges: huge steps, the most negative step, empty
# assignments to extended slices (bytearray deletes, list raises), self-assignment, and
# containment while __eq__ mutates the list.
big = 9223372036854775807
for seq in ([1, 2, 3], (1, 2, 3), "abc", "aé€", b"abc", bytearray(b"abc")):
    print(seq[::big], seq[::-big], seq[::-big - 1], seq[big::-1], seq[-big:big:2], seq[::2**100], seq[-2**100::-2**100])

for n in range(6):
    for step in (-3, -2, 2, 3):
        l = list(range(n))
        ba = bytearray(range(n))
        l2 = list(range(n))
        del l2[::step]
        try:
            l[::step] = []
            print("list", n, step, l)
        except ValueError as e:
            print("list", n, step, e)
        ba[::step] = b""
        print("bytearray", n, step, list(ba), l2)
        ba = bytearray(range(n))
        ba[::step] = []
        print("bytearray list", n, step, list(ba))

l = [1, 2, 3, 4]
l[1:3] = l
print(l)
l = [1, 2, 3, 4]
l[::2] = l[1::2]
print(l)
l[1:3] = (9, 8, 7)
print(l)
l[:] = range(3)
print(l)
try:
    l[::2] = [1, 2, 3]
except ValueError as e:
    print(e)


class Shrinker:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return False

    __hash__ = None


l = [0]
l[:] = [Shrinker(l), 1, 2]
print(2 in l, len(l))
t = (1, "a", (2, 3))
print((2, 3) in t, 2.0 in (1, 2), hash(t) == hash((1, "a", (2, 3))))

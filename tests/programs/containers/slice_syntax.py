# Slices written as syntax (c[a:b], c[a:b:s], c[a:b] = v) on builtin sequences and others:
# bounds of every kind, assignment sources of every kind, errors with their lines.
big = 2**63 - 1
l = list(range(10))
t = tuple(l)
s = "abcdefghij"
u = "aé€xyzwq"
for a, b in [(None, None), (2, 5), (-3, None), (None, -2), (5, 2), (-100, 100), (big, -big), (True, 3)]:
    print(a, b, l[a:b], t[a:b], s[a:b], u[a:b], l[a:b:2], t[a:b:-1], s[a:b:-2], u[a:b:3])
print(t[:] is t, t[0:len(t)] is t, s[:] == s, l[:] is l, l[::-1], s[::-1], l[big::-big])


class L(list):
    def __getitem__(self, k):
        return ("L.__getitem__", k)

    def __setitem__(self, k, v):
        print("L.__setitem__", k, v)


class Idx:
    def __index__(self):
        return 2


x = L([1, 2, 3])
print(x[1:2], x[::2])
x[0:1] = [9]
print(l[Idx():5], s[Idx():], l[1:Idx()], l[Idx()::Idx()])

m = list(range(8))
m[2:5] = [20, 30, 40]
print(m)
m[2:5] = (7,)
print(m)
m[:0] = m
print(m)
m[1:3] = m
print(len(m), m[:6])
m[-2:] = []
print(m[-3:])
m[0:2] = (i * i for i in range(3))
print(m[:4])
m[5:1] = "ab"
print(m[:8])
n = [1, 2, 3]
tmp = [7, 8]
n[0:1] = tmp
tmp.append(9)
print(n, tmp)
d = {}
try:
    d[1:2]
except TypeError as e:
    print("TypeError", e)
try:
    l[1:5:0]
except ValueError as e:
    print("ValueError", e)
try:
    l["a":"b"]
except TypeError as e:
    print("TypeError", e)
try:
    n[0:1] = 5
except TypeError as e:
    print("TypeError", e)
try:
    t[0:1] = (1,)
except TypeError as e:
    print("TypeError", e)


def tb():
    q = [1, 2, 3]
    return q[
        1:
        2:0]


tb()

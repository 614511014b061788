# Slicing of sequences with positive, negative and stepped bounds.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:])
print(s[-3:], s[:-7], s[-5:-2])
print(s[::2], s[1::3], s[::-1], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2])
t = 'abcdefgh'
print(t[1:4], t[::-1], t[-1], t[::3])
print((1, 2, 3, 4)[1:3])
u = s[:]
u[2:5] = ['x']
print(u)
u[1:1] = [100, 200]
print(u)
u[::2] = [0] * len(u[::2])
print(u)
del u[::3]
print(u)
del u[1:3]
print(u)
try:
    u[::2] = [1]
except ValueError as e:
    print(e)
print(s[slice(1, 8, 3)], slice(1, 8, 3))
print(slice(None, 5).indices(10), slice(-3, None, -1).indices(10))
b = b'hello'
print(b[1:3], b[0], bytearray(b'xyz')[::-1])

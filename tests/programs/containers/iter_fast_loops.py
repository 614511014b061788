# for-loops over dict views, tuples and strs: unpacking items, size changes during iteration, exhaustion.
d = {"a": 1, "b": 2, 3: (4, 5)}
for k, v in d.items():
    print(k, v)
for k in d:
    print(k)
for v in d.values():
    print(v)
for kv in d.items():
    print(kv)
try:
    for k, v in d.items():
        d["new" + str(k)] = v
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for k, (a, b) in {1: (2, 3), 4: 5}.items():
        print(k, a, b)
except TypeError as e:
    print("TypeError", e)
for ch in "héllo\x7f\x80":
    print(ord(ch), end=" ")
print()
for x in (1, "two", 3.0):
    print(x)
e = {}
for k, v in e.items():
    print("never")
it = iter({1: 2}.items())
print(next(it), next(it, "done"))
d2 = {i: i * i for i in range(5)}
del d2[2]
for k, v in d2.items():
    print(k, v, end="; ")
print()
for a, b in [(1, 2), (3, 4)]:
    print(a + b)

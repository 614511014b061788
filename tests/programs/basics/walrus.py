# Assignment expressions (the walrus operator).
data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print('long list', n)
print(n)
values = [y for x in data if (y := x * 2) > 4]
print(values, y)
i = 0
while (i := i + 1) < 5:
    print('i', i)
print((a := 10) + a)
def f():
    total = [s := 0]
    for k in range(4):
        s = s + k
    return s, total
print(f())
lines = iter(['a', 'b', '', 'c'])
while (line := next(lines)):
    print('line', line)
print([last := z for z in range(3)], last)
print(any((hit := w) > 6 for w in data), hit)

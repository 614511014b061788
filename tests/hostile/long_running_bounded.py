n = 0
for i in range(2_000_000):
    n += i & 7
print(n)
s = ''.join(str(i % 10) for i in range(200000))
print(len(s), s.count('7'))
print(sum(len(str(i)) for i in range(100000)))

import sys
x = []
for _ in range(1000000):
    x = [x]
print('built')
d = {}
for _ in range(100000):
    d = {'k': d}
t = ()
for _ in range(100000):
    t = (t,)
try:
    print(len(str(d)))
except RecursionError:
    print('RecursionError')
del x
del d
del t
print('freed deep structures')

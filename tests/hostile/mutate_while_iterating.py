lst = [1, 2, 3]
for x in lst:
    if len(lst) < 100000:
        lst.append(x)
print(len(lst))
lst = list(range(10))
for x in lst:
    lst.remove(x)
print(lst)
d = {i: i for i in range(10)}
try:
    for k in d:
        d[k + 100] = 1
except RuntimeError as e:
    print('RuntimeError', e)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError', e)
s = set(range(10))
try:
    for v in s:
        s.add(v + 100)
except RuntimeError as e:
    print('RuntimeError', e)
lst = [1, 2, 3]
for i, v in enumerate(lst):
    lst.clear()
print(lst)
lst = [3, 1, 2]
def key(v):
    lst.append(v)
    return v
try:
    lst.sort(key=key)
except ValueError as e:
    print('ValueError', e)
print(len(lst))
class Evil:
    def __eq__(self, o):
        victim.clear()
        return False
victim = [Evil(), Evil(), Evil()]
print(Evil() in victim, victim)
dd = {Evil(): 1}
print(len(dd))

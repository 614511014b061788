# Subclasses of list and tuple that override item access or iteration are honoured by
# indexing, item assignment and unpacking (no builtin fast path may bypass them).
class L(list):
    def __getitem__(self, i):
        return "L" + str(i)
    def __setitem__(self, i, v):
        print("set", i, v)
class T(tuple):
    def __iter__(self):
        return iter("xy")
l = L([1, 2, 3])
for i in range(2):
    print(l[i])
    l[i] = 5
t = T((1, 2))
a, b = t
print(a, b)

# list.remove/index whose __eq__ clears or grows the list (used to panic: stale index).
L = []
class E:
    def __eq__(self, o):
        L.clear()
        return True
L.extend([1, 2, 3])
L.remove(E())
print(L)
L.extend([1, 2, 3])
print(L.index(E()), L)
L.extend([5, 6])
class F:
    def __eq__(self, o):
        L.append(9)
        return o == 6
L.remove(F())
print(L)

# Self-referencing containers are freed by gc.collect(); weak reference callbacks tell when.
import gc
import weakref

gc.disable()
gc.collect()


def cb(name):
    return lambda r: print("freed", name)


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


# a list containing itself
a = []
a.append(a)
del a
print("list:", gc.collect())

# a dict containing itself
d = {}
d["self"] = d
del d
print("dict:", gc.collect())

# an instance referring to itself, watched by a weak reference
n = Node("n")
n.other = n
w = weakref.ref(n, cb("n"))
del n
print("alive before collect:", w() is not None)
print("instance:", gc.collect())
print("alive after collect:", w() is not None)

# a two-object cycle
x = Node("x")
y = Node("y")
x.other = y
y.other = x
wx = weakref.ref(x, cb("x"))
wy = weakref.ref(y, cb("y"))
del x, y
print("pair:", gc.collect())

# a cycle kept alive from outside is not collected
keep = Node("keep")
keep.other = keep
wk = weakref.ref(keep, cb("keep"))
print("kept:", gc.collect(), wk() is keep)

# a long chain closed into a ring
head = Node(0)
cur = head
for i in range(1, 1000):
    nxt = Node(i)
    cur.other = nxt
    cur = nxt
cur.other = head
wh = weakref.ref(head)
del head, cur, nxt
print("ring collected:", gc.collect() >= 1000, wh())

# a list inside a tuple inside the list
lst = []
t = (lst, 1, "s")
lst.append(t)
wl = []
del lst, t
print("tuple cycle:", gc.collect())

# nothing left
print("again:", gc.collect())
print("keep still alive:", keep.name)

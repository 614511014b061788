# Generators in reference cycles: a suspended generator inside try/finally is closed (its
# finally block runs) when the cycle is collected.
import gc
import weakref

gc.disable()
gc.collect()


def counter(box):
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("generator finally, box has", len(box))


box = []
g = counter(box)
box.append(g)
print(next(g), next(g))
del g, box
print("collected:", gc.collect() > 0)


def plain(items):
    for x in items:
        yield x


items = [1, 2, 3]
pg = plain(items)
items.append(pg)
print(next(pg))
wr = weakref.ref(pg)
del pg, items
gc.collect()
print("plain generator freed:", wr() is None)


class Owner:
    def __init__(self):
        self.it = self.walk()

    def walk(self):
        try:
            yield self
        finally:
            print("walk closed")


o = Owner()
next(o.it)
del o
gc.collect()
print("end")

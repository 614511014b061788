# __del__ of objects in cycles runs once (PEP 442), resurrection keeps an object alive, and
# the finalizer does not run a second time when it finally goes.
import gc

gc.disable()
gc.collect()


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name, "partner:", self.partner.name)


a = D("a")
b = D("b")
a.partner = b
b.partner = a
del a, b
print("collected:", gc.collect())

saved = []


class Phoenix:
    def __init__(self):
        self.me = self
        self.dels = 0

    def __del__(self):
        self.dels += 1
        print("Phoenix.__del__ call", self.dels)
        saved.append(self)


Phoenix()
print("first collect:", gc.collect())
print("resurrected:", len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("second collect:", gc.collect())
print("saved:", saved)


class Loud:
    def __del__(self):
        print("Loud.__del__")


# an object without a cycle, reachable only from a cycle, dies when the cycle is cleared
holder = []
holder.append(holder)
holder.append(Loud())
del holder
print("collect with loud:", gc.collect())


print("end")

# The gc module's interface: tracking, thresholds, counts, switches, callbacks, freeze.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())


class A:
    pass


def f():
    pass


print("atoms:", [gc.is_tracked(x) for x in (0, 1.5, "s", b"b", None, True, 10**30)])
print("containers:", [gc.is_tracked(x) for x in ([], [1], A(), f, A, {"k": []}, (1, []), {1, 2}, iter([]))])

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
count = gc.get_count()
print(type(count).__name__, len(count))

for bad in ["gc.set_threshold()", "gc.set_threshold(1, 2, 3, 4)", "gc.set_threshold('a')",
            "gc.collect(3)", "gc.collect(-1)", "gc.collect(1, 2)", "gc.collect(gen=1)",
            "gc.is_tracked()", "gc.get_count(1)", "gc.get_objects(5)",
            "gc.get_objects(generation='x')", "gc.freeze(1)"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)

print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)

events = []


def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))


gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
print(events)

stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

lst = [1, 2]
print("tracked list in get_objects:", any(o is lst for o in gc.get_objects()))
print("garbage:", gc.garbage)
print(gc.DEBUG_SAVEALL, gc.DEBUG_LEAK, gc.get_debug())

gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
gc.unfreeze()
print("frozen after unfreeze:", gc.get_freeze_count())


class Node:
    pass


n = Node()
n.me = n
print("is_finalized:", gc.is_finalized(n))
del n
print(gc.collect())

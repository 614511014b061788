# Automatic collection: creating many cycles triggers collections without gc.collect();
# gc.disable() stops it.
import gc

freed = 0


class Cyc:
    def __init__(self):
        self.me = self

    def __del__(self):
        global freed
        freed += 1


gc.collect()
for i in range(20000):
    Cyc()
print("freed automatically:", freed > 10000)

gc.disable()
gc.collect()
freed = 0
for i in range(5000):
    Cyc()
print("freed while disabled:", freed)
gc.collect()
print("freed by collect:", freed)
gc.enable()

calls = []
gc.callbacks.append(lambda phase, info: calls.append(phase))
for i in range(5000):
    Cyc()
print("callbacks ran:", len(calls) > 0, calls[:2])
gc.callbacks.clear()

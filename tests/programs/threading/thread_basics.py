# threading.Thread: target/args/kwargs, names, start/join, is_alive, ident, subclassing run
import threading

results = []

def work(a, b, scale=1):
    results.append((threading.current_thread().name, (a + b) * scale))

t = threading.Thread(target=work, args=(1, 2), kwargs={"scale": 10}, name="adder")
print(t.name, t.is_alive(), t.ident, t.native_id, t.daemon)
t.start()
t.join()
print(results, t.is_alive(), type(t.ident) is int, type(t.native_id) is int)
print(t.ident != threading.main_thread().ident)

class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0
    def run(self):
        for i in range(self.n):
            self.total += i

cs = [Counter(n) for n in (10, 100, 1000)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print([c.total for c in cs])

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.is_alive())
print(threading.active_count(), len(threading.enumerate()))
print(threading.get_ident() == main.ident)

# join with a timeout on a thread that waits for an event
ev = threading.Event()
w = threading.Thread(target=ev.wait, name="waiter")
w.start()
w.join(0.01)
print("after timed join:", w.is_alive(), threading.active_count())
ev.set()
w.join()
print("after set:", w.is_alive(), threading.active_count())

# errors
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
d = threading.Thread(target=work, args=(0, 0), daemon=True)
print(d.daemon, threading.Thread(target=work, args=(0, 0)).daemon)

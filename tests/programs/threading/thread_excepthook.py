# An exception escaping a thread goes to threading.excepthook; the program goes on
import threading

reports = []
def hook(args):
    reports.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook

def boom(i):
    raise ValueError("bad %d" % i)
ts = [threading.Thread(target=boom, args=(i,), name="w%d" % i) for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(reports))

def quit_quietly():
    raise SystemExit(3)
reports.clear()
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=quit_quietly); t.start(); t.join()
print("SystemExit in a thread is silent")

def hook_fails(args):
    raise RuntimeError("hook broke")
threading.excepthook = hook_fails
import sys
caught = []
sys.excepthook = lambda tp, v, tb: caught.append((tp.__name__, str(v)))
t = threading.Thread(target=boom, args=(9,)); t.start(); t.join()
print(caught)
print("still running")

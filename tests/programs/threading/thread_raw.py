# _thread directly: start_new_thread, allocate_lock, get_ident, _count, stack_size, interrupt_main
import _thread, time

done = _thread.allocate_lock()
done.acquire()
out = []
def f(a, b=0):
    out.append((a, b, _thread.get_ident() != main_ident))
    done.release()
main_ident = _thread.get_ident()
ident = _thread.start_new_thread(f, (1,), {"b": 2})
done.acquire()
print(out, type(ident) is int)
while _thread._count():
    time.sleep(0.001)
print(_thread._count())

for bad in [lambda: _thread.start_new_thread(f, [1]), lambda: _thread.start_new_thread(f, (1,), 5),
            lambda: _thread.start_new_thread(5, ()), lambda: _thread.stack_size(100),
            lambda: _thread.stack_size(-1), lambda: _thread.interrupt_main(100)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(_thread.stack_size(), _thread.stack_size(1 << 20), _thread.stack_size(0))

# a thread that exits with SystemExit ends silently
_thread.start_new_thread(lambda: (_ for _ in ()).throw(SystemExit), ())
while _thread._count():
    time.sleep(0.001)

try:
    _thread.interrupt_main()
    for i in range(1000000):
        pass
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt from interrupt_main")
print(_thread.error is RuntimeError, _thread.interrupt_main(15))

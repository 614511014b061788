# await on coroutines and __await__ objects: TypeErrors, reuse, attributes, throw/close
import types

def show(f):
    try:
        r = f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", r)

def run(c, sends=()):
    sends = list(sends)
    v = None
    try:
        while True:
            y = c.send(v)
            print("  yielded", y)
            v = sends.pop(0) if sends else None
    except StopIteration as e:
        return e.value

async def f():
    return 1

class NoIter:
    def __await__(self):
        return 5
class RetCoro:
    def __await__(self):
        return f()
class Good:
    def __await__(self):
        x = yield "from good"
        return x * 2

async def use(o):
    return await o

for o in [1, "s", None, NoIter(), RetCoro(), [1]]:
    show(lambda: run(use(o)))
print(run(use(Good()), [21]))
c = f()
print(run(c))
show(lambda: c.send(None))
show(lambda: c.throw(ValueError))
c.close()
c2 = f()
show(lambda: c2.send(5))
c2.close()
print(type(c).__name__, repr(c).split(" at ")[0])
print(c.cr_frame, c.cr_running, c.cr_await, c.cr_code.co_name)
show(lambda: iter(f()))

async def twice(c):
    await c
async def holder():
    await Good()
h = holder()
print(h.send(None))
show(lambda: run(twice(h)))
h.close()

# __await__ returns a coroutine_wrapper
c3 = f()
w = c3.__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper stop", e.value)

@types.coroutine
def gen_coro():
    r = yield "gen-coro"
    return r
async def g():
    return await gen_coro()
print(run(g(), ["sent"]))
show(lambda: run(use((x for x in []))))

# throw into an awaiting chain reaches the innermost frame
async def inner():
    try:
        await Good()
    except KeyError as e:
        print("inner caught", e)
        return "recovered"
async def outer():
    r = await inner()
    print("outer got", r)
    return r
o = outer()
print(o.send(None))
try:
    o.throw(KeyError("k"))
except StopIteration as e:
    print("finished", e.value)

async def cleanup():
    try:
        await Good()
    finally:
        print("cleanup ran")
c4 = cleanup()
c4.send(None)
c4.close()
print(c4.cr_frame)

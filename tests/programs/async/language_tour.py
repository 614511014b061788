# async def, await, async with/for, async generators and comprehensions driven by send()
import types
async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    print("x", x)
    return x * 10
c = main()
print(type(c).__name__, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("done", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RE", e)

class Fut:
    def __init__(self): self.v = None
    def __await__(self):
        r = yield self
        return r
async def waiter():
    f = Fut()
    r = await f
    print("got", r)
    try:
        await 1
    except TypeError as e:
        print(e)
    return "end"
w = waiter()
y = w.send(None)
print(type(y).__name__)
print(w.cr_await is not None, w.cr_running, w.cr_suspended)
try:
    w.send(42)
except StopIteration as e:
    print("stop", e.value)

@types.coroutine
def sleep0():
    yield "sleeping"
async def s():
    await sleep0()
    return 5
g = s()
print(g.send(None))
try:
    g.send(None)
except StopIteration as e:
    print(e.value)

class ACM:
    async def __aenter__(self):
        print("enter"); return self
    async def __aexit__(self, *a):
        print("exit", a[0]); return True
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
async def agen():
    for i in range(3):
        yield i
        await sleep0()
async def m2():
    async with ACM() as a:
        print("body")
        raise ValueError
    async for i in AIt():
        print("i", i)
    else:
        print("else")
    async for v in agen():
        print("ag", v)
    print([x async for x in AIt()])
    print([x async for x in agen()])
    print({x: x async for x in AIt() if x > 1})
    ag = (x * 2 async for x in agen())
    print(type(ag).__name__)
    print([y async for y in ag])
    return "m2"
c = m2()
try:
    while True:
        print("yielded", c.send(None))
except StopIteration as e:
    print("result", e.value)
async def never(): pass
never()
print("after")

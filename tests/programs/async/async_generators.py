# async generators: asend/athrow/aclose, StopAsyncIteration, errors, driven by send()
import types

@types.coroutine
def pause(v):
    return (yield v)

def run(aw):
    try:
        while True:
            y = aw.send(None)
            print("  passthrough", y)
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("stop-async",)
    except BaseException as e:
        return (type(e).__name__, str(e))

async def agen():
    try:
        x = yield 1
        print("got", x)
        await pause("inner")
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("agen caught", e)
        yield "after error"
    finally:
        print("agen finally")

a = agen()
print(type(a).__name__, repr(a).split(" at ")[0], a.__name__)
print(a.__aiter__() is a)
print(run(a.__anext__()))
print(run(a.asend("hello")))
print(run(a.athrow(ValueError("boom"))))
print(run(a.aclose()))
print(run(a.__anext__()))
print(run(a.aclose()))

b = agen()
print(run(b.asend(None)))
aw = b.asend(None)
print(run(aw))
print(run(aw))

async def ignoring():
    try:
        yield 1
    except GeneratorExit:
        yield 2
c = ignoring()
print(run(c.__anext__()))
print(run(c.aclose()))

async def bad():
    raise StopAsyncIteration
    yield
print(run(bad().__anext__()))

async def empty():
    return
    yield
print(run(empty().__anext__()))

async def consumer():
    out = []
    async for v in agen():
        out.append(v)
    return out
print(run(consumer()))
print(run(agen().asend(5)))
try:
    agen().athrow()
except TypeError as e:
    print(e)

# async with (__aenter__/__aexit__) and async for (__aiter__/__anext__) protocols and errors
import types

@types.coroutine
def pause():
    yield "pause"

class CM:
    def __init__(self, suppress):
        self.suppress = suppress
    async def __aenter__(self):
        await pause()
        print("enter")
        return "value"
    async def __aexit__(self, t, v, tb):
        await pause()
        print("exit", t.__name__ if t else None, v)
        return self.suppress

class Counter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await pause()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

class NoAexit:
    async def __aenter__(self):
        return 1
class SyncEnter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 1
class BadAiter:
    def __aiter__(self):
        return 1
class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 1

async def main():
    async with CM(False) as v:
        print("body", v)
    async with CM(True):
        raise KeyError("suppressed")
    try:
        async with CM(False):
            raise KeyError("passes")
    except KeyError as e:
        print("caught", e)
    for _ in range(2):
        async with CM(False):
            break
    async with CM(False) as a, CM(False) as b:
        print("two", a, b)
    async for i in Counter(3):
        if i == 1:
            continue
        print("i", i)
    async for i in Counter(5):
        if i == 2:
            break
    else:
        print("not reached")
    print("after break", i)
    for obj in [object(), NoAexit(), SyncEnter()]:
        try:
            async with obj:
                pass
        except TypeError as e:
            print("TypeError:", e)
    for obj in [object(), BadAiter(), BadAnext()]:
        try:
            async for x in obj:
                pass
        except TypeError as e:
            print("TypeError:", e, "| cause:", e.__cause__)
    return "end"

async def ret():
    async with CM(False):
        return "returned"

def drive(c):
    n = 0
    try:
        while True:
            c.send(None)
            n += 1
    except StopIteration as e:
        print("result", e.value, "pauses", n)

drive(main())
drive(ret())

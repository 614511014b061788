# hostile uses of coroutines and async generators: none may crash the runtime
import types

async def deep(n):
    return await deep(n + 1)
try:
    deep(0).send(None)
except RecursionError:
    print("recursion")

async def selfish():
    await c
c = selfish()
try:
    c.send(None)
except BaseException as e:
    print(type(e).__name__)

async def ag():
    yield 1
a = ag()
for bad in [lambda: a.asend(), lambda: a.athrow(1, 2, 3, 4).send(None), lambda: a.athrow(None).send(None),
            lambda: a.__anext__().throw(), lambda: a.aclose().send(5), lambda: type(a).asend(1, 2),
            lambda: type(c).send(1), lambda: type(c).__await__(None), lambda: c.throw(1),
            lambda: c.__await__().throw(), lambda: types.coroutine(1)]:
    try:
        bad()
    except BaseException as e:
        print(type(e).__name__)

class W:
    def __await__(self):
        return iter([1, 2, 3])
async def use():
    await W()
    x = [i async for i in ag()]
    async with W():
        pass
u = use()
try:
    while True:
        u.send(None)
except BaseException as e:
    print(type(e).__name__)

aw = ag().asend(None)
try:
    aw.send(None); aw.send(None); aw.send(None)
except BaseException as e:
    print(type(e).__name__)

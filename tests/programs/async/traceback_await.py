# an uncaught exception raised through a chain of awaits: the traceback shows every frame
import types

@types.coroutine
def pause():
    yield

async def leaf(n):
    await pause()
    return 10 // n

async def middle(n):
    return await leaf(n) + 1

async def top():
    print(await middle(5))
    print(await middle(0))

c = top()
while True:
    c.send(None)

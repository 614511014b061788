# async comprehensions and async generator expressions; await inside comprehensions
import types

@types.coroutine
def tick():
    yield "tick"

async def arange(n):
    for i in range(n):
        await tick()
        yield i

async def double(x):
    await tick()
    return x * 2

async def main():
    print([i async for i in arange(4)])
    print({i % 2 async for i in arange(5)})
    print({i: i * i async for i in arange(3)})
    print([await double(i) for i in range(3)])
    print([i + j async for i in arange(2) for j in range(2)])
    print([j async for i in arange(3) async for j in arange(i)])
    print([i async for i in arange(6) if i % 2 if i > 1])
    g = (await double(i) for i in range(3))
    print(type(g).__name__)
    print([x async for x in g])
    h = (i * 10 async for i in arange(3))
    print([x async for x in h])
    return "done"

c = main()
n = 0
try:
    while True:
        c.send(None)
        n += 1
except StopIteration as e:
    print(e.value, "after", n, "ticks")

for src in ["def f():\n    return [x async for x in y]\n",
            "def f():\n    await x\n",
            "await x\n",
            "async def f():\n    yield from x\n",
            "async def f():\n    yield 1\n    return 2\n",
            "def f():\n    async with x:\n        pass\n",
            "def f():\n    async for x in y:\n        pass\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
    else:
        print("compiled")

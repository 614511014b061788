# async generators and async iterators under asyncio: async for, aclose, comprehensions
import asyncio

async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker cleanup")

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n

async def main():
    async for i in ticker(3, 0.001):
        print("tick", i)
    print([x async for x in Countdown(4)])
    gen = ticker(10, 0)
    async for i in gen:
        if i == 2:
            break
    await gen.aclose()
    print(await anext_compat(Countdown(2)))
    results = await asyncio.gather(*(collect(ticker(2, 0)) for _ in range(2)))
    print(results)

async def anext_compat(it):
    return await it.__anext__()

async def collect(agen):
    return [x async for x in agen]

asyncio.run(main())

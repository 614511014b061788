# a failed task nobody awaited logs "Task exception was never retrieved" with its traceback
import asyncio

async def boom():
    await asyncio.sleep(0)
    raise ValueError("lost")

async def main():
    asyncio.create_task(boom(), name="fire-and-forget")
    await asyncio.sleep(0.01)
    print("main continues")
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("retrieved:", repr(t.exception()))
    del t
    print("done")

asyncio.run(main())

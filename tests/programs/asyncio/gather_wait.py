# gather (return_exceptions, cancellation), wait (FIRST_COMPLETED, timeout), as_completed, shield
import asyncio

async def val(x, delay):
    await asyncio.sleep(delay)
    return x

async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)

async def main():
    print(await asyncio.gather(val(1, 0.02), val(2, 0.01), val(3, 0)))
    print(await asyncio.gather())
    r = await asyncio.gather(val(1, 0), fail("bad", 0), return_exceptions=True)
    print([repr(x) for x in r])
    try:
        await asyncio.gather(val(1, 0.05), fail("first", 0.01))
    except ValueError as e:
        print("gather raised", e)
    t1 = asyncio.create_task(val("a", 0.01))
    t2 = asyncio.create_task(val("b", 0.2))
    done, pending = await asyncio.wait({t1, t2}, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    done, pending = await asyncio.wait({t2}, timeout=0.01)
    print(len(done), len(pending))
    t2.cancel()
    for bad in [[], val(1, 0)]:
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    bad.close()
    order = []
    for coro in asyncio.as_completed([val("slow", 0.03), val("fast", 0.01), val("mid", 0.02)]):
        order.append(await coro)
    print(order)
    inner = asyncio.create_task(val("shielded", 0.02))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    print(await inner)
    g = asyncio.gather(val(1, 1), val(2, 1))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())

asyncio.run(main())

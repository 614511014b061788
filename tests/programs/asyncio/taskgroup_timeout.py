# TaskGroup (all children succeed), asyncio.timeout / timeout_at / wait_for, sleep results
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.02))
        t2 = tg.create_task(job("b", 0.01), name="second")
    print(t1.result(), t2.result(), t2.get_name())
    c = job("c", 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    print(await asyncio.sleep(0, result="slept"))
    print(await asyncio.wait_for(job("quick", 0), 1))
    print(await asyncio.wait_for(job("none", 0), None))
    try:
        await asyncio.wait_for(job("slow", 1), 0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__, type(e.__cause__).__name__)
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print("not expired:", cm.expired())
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired:", cm.expired())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at fired")
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 5)
        print("rescheduled", cm.when() > loop.time())
    print(asyncio.TimeoutError is TimeoutError)

asyncio.run(main())

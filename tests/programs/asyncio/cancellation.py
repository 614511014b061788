# Task.cancel: CancelledError inside the task, cleanup, cancelled(), messages, uncancel
import asyncio

async def worker(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append(("cancelled", e.args))
        raise
    finally:
        log.append("finally")

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "ignored cancel"

async def main():
    log = []
    t = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    print(t.cancel("stop now"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting caught", e.args)
    print(log, t.cancelled(), t.done())
    print(t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result raises CancelledError")
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    u = asyncio.create_task(asyncio.sleep(1))
    u.cancel()
    print(u.cancelling(), u.uncancel(), u.cancelling())
    await asyncio.sleep(0)
    print(u.cancelled())
    f = asyncio.get_running_loop().create_future()
    f.cancel()
    print(f.cancelled(), f.done(), repr(f))
    try:
        f.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError")
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())

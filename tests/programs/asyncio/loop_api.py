# the event loop: call_soon/call_later/call_at order, run_until_complete, stop, close, errors
import asyncio

loop = asyncio.new_event_loop()
order = []
loop.call_later(0.02, order.append, "later 0.02")
loop.call_at(loop.time() + 0.01, order.append, "at +0.01")
loop.call_soon(order.append, "soon 1")
h = loop.call_soon(order.append, "cancelled")
h.cancel()
loop.call_soon(order.append, "soon 2")
loop.call_later(0.03, loop.stop)
loop.run_forever()
print(order, h.cancelled())

async def add(a, b):
    await asyncio.sleep(0)
    return a + b
print(loop.run_until_complete(add(2, 3)))
fut = loop.create_future()
loop.call_soon(fut.set_result, "future value")
print(loop.run_until_complete(fut))
print(loop.is_running(), loop.is_closed())

def bad_callback():
    raise ZeroDivisionError("in callback")
seen = []
loop.set_exception_handler(lambda lp, ctx: seen.append((ctx["message"], type(ctx["exception"]).__name__)))
loop.call_soon(bad_callback)
loop.run_until_complete(asyncio.sleep(0))
print(seen)
loop.close()
print(loop.is_closed())
c = add(1, 1)
for f in [lambda: loop.run_until_complete(c), lambda: loop.call_soon(print)]:
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
c.close()

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

async def inner():
    return asyncio.get_running_loop() is asyncio.get_event_loop()
print(asyncio.run(inner()))
async def nested():
    c = add(1, 2)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
asyncio.run(nested())
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
f = asyncio.Future(loop=asyncio.new_event_loop())
for meth in [f.result, f.exception]:
    try:
        meth()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
f.set_result(5)
print(repr(f), f.result())
try:
    f.set_result(6)
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)

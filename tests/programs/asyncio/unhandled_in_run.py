# an exception escaping asyncio.run: the user's frames of its traceback, through awaits
import asyncio

async def leaf():
    await asyncio.sleep(0)
    raise KeyError("missing")

async def middle():
    return await leaf()

async def main():
    await middle()

try:
    asyncio.run(main())
except KeyError as e:
    tb = e.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code if tb.tb_frame is not None else None
        if code is not None and code.co_filename == __file__:
            print(code.co_name, tb.tb_lineno)
        tb = tb.tb_next
    print(type(e).__name__, e)

# asyncio.to_thread and loop.run_in_executor run blocking functions in threads
import asyncio
import threading
import time

def blocking(x):
    time.sleep(0.01)
    return x * 2, threading.current_thread() is threading.main_thread()

def fails():
    raise OSError("from thread")

async def main():
    print(await asyncio.to_thread(blocking, 21))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 5))
    results = await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(4)))
    print(results)
    try:
        await asyncio.to_thread(fails)
    except OSError as e:
        print("OSError:", e)
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        print(await loop.run_in_executor(ex, sum, [1, 2, 3]))

asyncio.run(main())
print("after run")

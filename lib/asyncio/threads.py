"""High-level support for working with threads in asyncio."""

__all__ = "to_thread",

import functools

from . import events


async def to_thread(func, /, *args, **kwargs):
    """Run *func* in a separate thread and return its result."""
    loop = events.get_running_loop()
    func_call = functools.partial(func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)

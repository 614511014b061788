"""asyncio: event loop, coroutines, tasks and synchronisation.

Spindle's own implementation (CPython 3.11's Lib/asyncio is only the behaviour
reference): an event loop over `select`, Future/Task, sleep, gather, wait_for, wait,
as_completed, shield, timeout, TaskGroup, queues, locks, threads and streams over sockets.
Not provided: subprocesses, transports/protocols other than streams, SSL, Unix signal
handlers on the loop, contextvars.
"""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .queues import *
from .runners import *
from .streams import *
from .taskgroups import *
from .tasks import *
from .threads import *
from .timeouts import *

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           queues.__all__ +
           runners.__all__ +
           streams.__all__ +
           taskgroups.__all__ +
           tasks.__all__ +
           threads.__all__ +
           timeouts.__all__)

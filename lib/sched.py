"""sched: a general-purpose event scheduler (Spindle's own implementation of CPython 3.11's
module).  Events run in order of time, then priority, then scheduling order."""

import heapq
import threading
import time
from collections import namedtuple
from itertools import count

__all__ = ["scheduler"]

Event = namedtuple('Event', 'time, priority, sequence, action, argument, kwargs')
Event.time.__doc__ = 'Numeric type compatible with the return value of the timefunc function '\
                     'passed to the constructor.'
Event.priority.__doc__ = 'Events scheduled for the same time will be executed in the order of '\
                         'their priority.'
Event.sequence.__doc__ = 'A continually increasing sequence number that separates events if '\
                         'time and priority are equal.'
Event.action.__doc__ = 'Executing the event means executing action(*argument, **kwargs)'
Event.argument.__doc__ = 'argument is a sequence holding the positional arguments for the action.'
Event.kwargs.__doc__ = 'kwargs is a dictionary holding the keyword arguments for the action.'

_sentinel = object()


class scheduler:
    """A queue of events, run by run(); timefunc tells the time, delayfunc(seconds) waits."""

    def __init__(self, timefunc=time.monotonic, delayfunc=time.sleep):
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence_generator = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        """Schedule action(*argument, **kwargs) at an absolute time; returns the event."""
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence_generator), action, argument,
                          kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        """Schedule an event delay time units from now."""
        return self.enterabs(self.timefunc() + delay, priority, action, argument, kwargs)

    def cancel(self, event):
        """Remove an event from the queue (ValueError if it is not there)."""
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Run the events as they come due, waiting with delayfunc; without blocking, run the
        due events and return the delay until the next one (None when the queue is empty)."""
        q = self._queue
        while True:
            with self._lock:
                if not q:
                    break
                (when, priority, sequence, action, argument, kwargs) = q[0]
                now = self.timefunc()
                due = when <= now
                if due:
                    heapq.heappop(q)
            if not due:
                if not blocking:
                    return when - now
                self.delayfunc(when - now)
            else:
                action(*argument, **kwargs)
                self.delayfunc(0)  # let other threads run

    @property
    def queue(self):
        """The pending events in the order they will run."""
        with self._lock:
            events = self._queue[:]
        return [heapq.heappop(events) for _ in range(len(events))]

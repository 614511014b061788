# sched: events ordered by time, priority and sequence; cancel, queue, non-blocking run with a fake clock
import sched
class Clock:
    def __init__(self): self.now = 0.0
    def time(self): return self.now
    def sleep(self, d): self.now += d
clock = Clock()
s = sched.scheduler(clock.time, clock.sleep)
log = []
def act(name, **kw):
    log.append((clock.now, name, kw))
e1 = s.enter(5, 1, act, ('five',))
e2 = s.enter(2, 2, act, ('two-low',))
e3 = s.enter(2, 1, act, ('two-high',), {'k': 1})
e4 = s.enterabs(3, 0, act, ('three',))
e5 = s.enter(10, 0, act, ('cancelled',))
s.cancel(e5)
print([(e.time, e.priority, e.argument) for e in s.queue], s.empty(), e1 < e2, e2.sequence)
s.run()
print(log, s.empty(), clock.now)
s.enter(4, 0, act, ('later',))
print(s.run(blocking=False), log[-1][1])
clock.now += 4
print(s.run(blocking=False), log[-1][1], s.run(blocking=False))
try:
    s.cancel(e1)
except ValueError as e:
    print('ValueError', e)
print(sched.Event._fields, repr(s.enterabs(1, 2, print))[:48])

# timeit: Timer with strings and callables, timeit/repeat/autorange with a fake clock, errors
import timeit

class FakeClock:
    def __init__(self): self.t = 0.0
    def __call__(self):
        self.t += 0.125
        return self.t

calls = []
def stmt(): calls.append(1)
print(timeit.timeit(stmt, number=7, timer=FakeClock()), len(calls))
print(timeit.repeat('x = 1', setup='y = 2', repeat=3, number=10, timer=FakeClock()))
t = timeit.Timer('acc.append(n)', setup='acc = []; n = 5', timer=FakeClock())
print(t.timeit(100))
ns = {'data': []}
timeit.timeit('data.append(1)', number=4, globals=ns)
print(ns['data'])
c = FakeClock()
c.t = 0
class Slow:
    def __init__(self): self.t = 0.0; self.step = 0.01
    def __call__(self):
        self.t += self.step
        self.step *= 1.5
        return self.t
seen = []
print(timeit.Timer('pass', timer=Slow()).autorange(lambda n, tt: seen.append(n)), seen)
print(timeit.default_timer is __import__('time').perf_counter, timeit.default_number, timeit.default_repeat)
for bad in [dict(stmt=5), dict(setup=5), dict(stmt='return 1'), dict(stmt='x = (')]:
    try:
        timeit.Timer(**bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e)
t = timeit.Timer('1/0')
try:
    t.timeit(1)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(isinstance(timeit.timeit('pass', number=1000), float))
s = timeit.Timer(setup=lambda: calls.clear(), stmt=stmt, timer=FakeClock())
print(s.timeit(3), len(calls))
print(timeit.main(['-z']), timeit.main(['-u', 'years']))

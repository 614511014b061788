# Generator send(), throw() and close().
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(60))
try:
    averager().send(5)
except TypeError as e:
    print('TypeError:', e)
def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('caught inside', e)
        except GeneratorExit:
            print('closing')
            raise
c = catcher()
print(next(c))
print(c.throw(ValueError('oops')))
print(c.throw(ValueError, 'again'))
c.close()
c.close()
try:
    next(c)
except StopIteration:
    print('closed generator stops')
def not_caught():
    yield 1
g = not_caught()
next(g)
try:
    g.throw(KeyError('k'))
except KeyError as e:
    print('propagated', e)
def refuses():
    try:
        yield 1
    finally:
        yield 2
r = refuses()
next(r)
try:
    r.close()
except RuntimeError as e:
    print('RuntimeError:', e)
unstarted = not_caught()
unstarted.close()
print('closed unstarted')

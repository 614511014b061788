# with statement and the context manager protocol.
class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow
with CM('a') as v:
    print('body', v)
with CM('outer') as o, CM('inner') as i:
    print('both', o, i)
with CM('quiet', swallow=True):
    raise ValueError('hidden')
print('after quiet')
try:
    with CM('loud'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', repr(e))
def early():
    with CM('ret'):
        return 'returned'
print(early())
for n in range(3):
    with CM(str(n)):
        if n == 1:
            continue
        if n == 2:
            break
        print('loop body', n)
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

# with A, B: on an exception each context manager's __exit__ runs once, innermost first
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('enter', self.name)
        return self.name

    def __exit__(self, typ, value, tb):
        print('exit', self.name, typ.__name__ if typ else None)
        return self.suppress


try:
    with CM('a') as a, CM('b') as b:
        print('body', a, b)
        raise ValueError('x')
except ValueError:
    print('caught')
with CM('outer'), CM('inner', suppress=True):
    raise KeyError('suppressed')
print('after suppress')


def in_loop():
    for i in range(2):
        with CM('loop%d' % i), CM('deep'):
            if i == 1:
                raise RuntimeError('in loop')


try:
    in_loop()
except RuntimeError as e:
    print('caught', e)
with CM('x'), CM('y'), CM('z'):
    pass

# Exceptions raised inside handlers and the exception state.
import sys
def show():
    t, v, tb = sys.exc_info()
    return (t.__name__ if t else None, str(v) if v else None)
print(show())
try:
    raise ValueError('outer')
except ValueError:
    print(show())
    try:
        raise KeyError('inner')
    except KeyError:
        print(show())
    print(show())
print(show())
def handler_raises():
    try:
        raise ValueError('original')
    except ValueError:
        raise RuntimeError('while handling')
try:
    handler_raises()
except RuntimeError as e:
    print(e, '<-', e.__context__)
try:
    try:
        raise TypeError('t')
    except TypeError as e:
        print('handling', e)
        x = sys.exception() if hasattr(sys, 'exception') else sys.exc_info()[1]
        print('current', x)
        raise
except TypeError as e:
    print('outer got', e)

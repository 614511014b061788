# The builtin exception hierarchy.
def chain(cls):
    return ' > '.join(c.__name__ for c in cls.__mro__)
for cls in [ZeroDivisionError, OverflowError, KeyError, IndexError, FileNotFoundError,
            PermissionError, UnicodeDecodeError, NotImplementedError, RecursionError,
            StopIteration, GeneratorExit, KeyboardInterrupt, SystemExit, ModuleNotFoundError,
            UnboundLocalError, TabError, AssertionError, AttributeError, TypeError, EOFError]:
    print(chain(cls))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(OSError, Exception), IOError is OSError, EnvironmentError is OSError)
print(issubclass(Warning, Exception), chain(DeprecationWarning))
try:
    open('does-not-exist-xyz.txt')
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, isinstance(e, OSError))
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason)
    print(e)

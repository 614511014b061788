# Matching exceptions by class, tuple and base class; order of handlers.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup-ish ' + type(e).__name__
    except ArithmeticError as e:
        return 'arith ' + type(e).__name__
    except Exception as e:
        return 'other ' + type(e).__name__
for exc in [KeyError('k'), IndexError(), ZeroDivisionError(), OverflowError(), ValueError(), LookupError()]:
    print(classify(exc))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
try:
    raise ValueError('a', 2)
except ValueError as e:
    print(e, e.args, str(e), repr(e))
def name_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        err
    except NameError as e2:
        return 'cleared: ' + str(e2)
print(name_cleared())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print('re-raised', e)
try:
    raise Exception('base')
except BaseException as e:
    print(type(e).__name__, isinstance(e, BaseException))
try:
    [][0]
except LookupError as e:
    print('LookupError caught', e)

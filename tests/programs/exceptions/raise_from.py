# raise ... from ... sets __cause__; __suppress_context__.
class AppError(Exception):
    pass
def load(key):
    try:
        return {}[key]
    except KeyError as e:
        raise AppError(f'cannot load {key}') from e
try:
    load('cfg')
except AppError as e:
    print(e, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('no cause') from None
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise RuntimeError('x') from KeyError('y')
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise RuntimeError from ValueError
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise RuntimeError('bad') from 5
except TypeError as e:
    print('TypeError:', e)

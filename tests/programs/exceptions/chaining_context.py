# Implicit exception chaining through __context__.
try:
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        raise KeyError('a')
    finally:
        print('finally sees exception')
except KeyError as e:
    print('context', e.__context__)
def deep():
    try:
        raise OSError('level1')
    except OSError:
        try:
            raise IndexError('level2')
        except IndexError:
            raise AttributeError('level3')
try:
    deep()
except AttributeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f'{type(cur).__name__}({cur})')
        cur = cur.__context__
    print(' <- '.join(chain))
try:
    try:
        raise ValueError('v')
    except ValueError as e:
        raise e
except ValueError as e2:
    print('same object context', e2.__context__)

# An exception raised in finally replaces the original one.
def work():
    try:
        raise ValueError('original')
    finally:
        print('cleanup')
        raise TypeError('raised in finally')
work()

def explode(n):
    if n == 0:
        raise RuntimeError('exploded in helper')
    return explode(n - 1)

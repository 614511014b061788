# raise ... from None suppresses the context.
def lookup(name):
    try:
        return {'a': 1}[name]
    except KeyError:
        raise LookupError(f'unknown name {name}') from None
lookup('b')

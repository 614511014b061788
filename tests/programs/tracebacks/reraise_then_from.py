# Context chain where the middle exception was caught and re-raised bare.
def inner():
    try:
        [].pop()
    except IndexError:
        raise
def outer():
    try:
        inner()
    except IndexError as e:
        raise ValueError('wrapped') from e
outer()

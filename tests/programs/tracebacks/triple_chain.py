# Three chained exceptions mixing implicit and explicit chaining.
def a():
    raise OSError('disk')
def b():
    try:
        a()
    except OSError as e:
        raise RuntimeError('retry failed') from e
def c():
    try:
        b()
    except RuntimeError:
        raise SystemError('giving up')
c()

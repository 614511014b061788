# Errors raised inside fused subscript forms point at the right instruction.
def outer(t, k):
    try:
        t[k]
    except IndexError:
        pass
    v = [1.0, 2.0]
    v[k - 5] += 1.0
    return v


def inner(t, k):
    x = t[0] * 2
    t[k] += x
    return t


try:
    outer((1, 2), 7)
except IndexError:
    import traceback
    traceback.print_exc()
def store(lst, k):
    lst[k] = 1


try:
    store([0], 3)
except IndexError:
    traceback.print_exc()
print(inner([1, 2], 1))
inner((1, 2), 1)

# A TypeError raised by the bottom test of a while loop (compare of two locals, fused by the VM)
# and by a fused local arithmetic store: the traceback points at the right line and columns.
def f(a, b):
    total = 0
    while total < a:
        total = total + b
        a = None
    return total


def g(x):
    y = 1
    y = y + x
    return y


try:
    g("s")
except TypeError:
    import traceback
    traceback.print_exc()
f(3, 1)

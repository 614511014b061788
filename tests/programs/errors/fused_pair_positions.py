# Errors raised by the second instruction of a fused pair (unbound local, missing attribute,
# failing comparison) are reported at that instruction's position, as CPython does.
def f(flag):
    if flag:
        b = 1
    a = 2
    return (a, 
            b)
def g(o):
    x = o
    return x.missing + 1
def h(x, y):
    if x < y:
        return "lt"
    return "ge"
print(f(True))
for fn, args in [(f, (False,)), (g, (object(),)), (h, (1, "a"))]:
    try:
        fn(*args)
    except Exception as e:
        import traceback
        traceback.print_exc()

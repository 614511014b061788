# global declarations and module-level names.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
print(increment(), increment(), counter)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = 'local'
    return counter
print(shadow(), counter)
def make_new():
    global brand_new
    brand_new = 'created'
make_new()
print(brand_new)
def broken():
    try:
        counter += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
broken()
print('counter' in globals(), globals()['counter'])

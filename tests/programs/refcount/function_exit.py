# Locals are released when the function returns; returned objects survive.
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
def work():
    tmp = R('tmp')
    keep = R('keep')
    print('leaving work')
    return keep
k = work()
print('after work, holding', k.name)
def nested():
    inner = R('inner')
    def use():
        return inner.name
    print('closure says', use())
nested()
print('after nested')
def raises():
    local = R('in-raising-frame')
    raise ValueError('x')
try:
    raises()
except ValueError:
    print('handling')
print('after handler')
del k
print('done')

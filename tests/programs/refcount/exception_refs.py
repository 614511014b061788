# Exception objects and the objects they reference are released after the handler.
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
class Err(Exception):
    def __init__(self, res):
        super().__init__(res.name)
        self.res = res
try:
    raise Err(R('payload'))
except Err as e:
    print('caught', e)
print('after except (name e is deleted)')
def f():
    try:
        raise Err(R('in-function'))
    except Err:
        print('handled in f')
    print('f returning')
f()
print('end')

# __del__ runs exactly when the last reference is removed with del.
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
a = R('a')
b = a
print('del a')
del a
print('del b')
del b
print('after del b')
c = R('c')
print('rebinding c')
c = R('c2')
print('rebinding c again')
c = None
print('end of module body')

# Reference counting (examples/refcount.py): an object is freed the moment its count reaches zero.
import sys

class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)

a = Resource('a')
b = a
print(sys.getrefcount(a))   # 3: a, b, and the argument
del a
print('after del a')
del b                       # count reaches zero here: 'freed a' prints now
print('after del b')

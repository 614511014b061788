"""A support module for the modules tests."""
print('importing _helper_mod, __name__ =', __name__)
CONSTANT = 42
_private = 'hidden'
def greet(name):
    return f'hello {name} from {__name__}'
class Widget:
    def __repr__(self):
        return 'Widget()'
counter = 0
def bump():
    global counter
    counter += 1
    return counter
if __name__ == '__main__':
    print('never printed when imported')

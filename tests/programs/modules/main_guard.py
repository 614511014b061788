# __name__ is '__main__' for the script, the module name for imports.
import _helper_mod
def main():
    print('running main, __name__ =', __name__)
    print('imported module __name__ =', _helper_mod.__name__)
if __name__ == '__main__':
    main()
else:
    print('not main')
import sys
print(sys.modules['__main__'].__name__, sys.modules['__main__'].main is main)

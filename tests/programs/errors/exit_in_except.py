# sys.exit inside an except block: no traceback of the handled exception.
import sys
try:
    int('x')
except ValueError as e:
    print('error:', e)
    sys.exit(4)

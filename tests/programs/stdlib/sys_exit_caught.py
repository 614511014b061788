# SystemExit can be caught; its code attribute.
import sys
for arg in [None, 0, 3, 'message', (1, 2)]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print('caught SystemExit', repr(e.code), e.args)
try:
    raise SystemExit(5)
except BaseException as e:
    print(type(e).__name__, e.code)
try:
    exit_fn = sys.exit
    exit_fn(0)
finally:
    print('finally runs before exit')
print('not reached')

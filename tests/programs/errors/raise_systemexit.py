# raise SystemExit(2) from a nested function, after output on both streams.
import sys
def deep():
    print('in deep', file=sys.stderr)
    raise SystemExit(2)
def mid():
    deep()
print('start')
mid()

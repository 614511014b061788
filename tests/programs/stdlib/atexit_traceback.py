# atexit callbacks run at exit, last registered first; traceback.format_exc/format_exception
import atexit
import sys
import traceback


def goodbye(who, punct='!'):
    print('goodbye', who + punct)


atexit.register(goodbye, 'first')
atexit.register(goodbye, 'second', punct='?')
atexit.register(print, 'never printed')
atexit.unregister(print)


@atexit.register
def flush_report():
    print('decorated callback')


def inner():
    raise ValueError('inner problem')


try:
    try:
        inner()
    except ValueError as e:
        raise KeyError('outer') from e
except KeyError:
    text = traceback.format_exc()
print(text)
print(traceback.format_exception_only(ValueError('only this')))
try:
    {}['missing']
except KeyError as e:
    lines = traceback.format_exception(e)
    print(len(lines), lines[0], lines[-1], end='')
    traceback.print_exc(file=sys.stdout)
print('main done')

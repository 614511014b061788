# pickle: what cannot be pickled raises PicklingError/TypeError/AttributeError with CPython's messages
import pickle


def outer():
    def inner():
        pass
    return inner


class Local:
    pass


def attempt(label, obj, proto=None):
    try:
        pickle.dumps(obj, proto)
        print(label, 'pickled')
    except Exception as e:
        text = str(e)
        if ' at 0x' in text:  # the function's address
            text = text.split(' at 0x')[0] + '>: ' + text.split('>: ', 1)[1]
        print(label, type(e).__name__, '|', text)


attempt('lambda', lambda: 0)
attempt('lambda p2', lambda: 0, 2)
attempt('local function', outer())
attempt('local function p2', outer(), 2)
attempt('generator', (x for x in []))
f = open(__file__)
attempt('open file', f)
f.close()


def make_class():
    class Hidden:
        pass
    return Hidden


attempt('local class', make_class())
attempt('local class instance', make_class()())
attempt('module', pickle)
attempt('bad protocol', 1, 99)
try:
    pickle.loads(b'\x80\x04K')
except Exception as e:
    print('truncated', type(e).__name__, '|', e)
try:
    pickle.loads(b'')
except Exception as e:
    print('empty', type(e).__name__, '|', e)
try:
    pickle.loads(b'\x80\x02cnosuchmodule\nthing\n.')
except Exception as e:
    print('missing module', type(e).__name__, '|', e)
try:
    pickle.loads(b'\x80\x02c__main__\nnosuchthing\n.')
except Exception as e:
    print('missing attribute', type(e).__name__, '|', e)
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)

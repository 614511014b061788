# Uncaught BaseException subclasses that are not Exception still print a traceback.
class Abort(BaseException):
    pass
try:
    raise Abort('caught as BaseException')
except Exception:
    print('not caught here')
except BaseException as e:
    print('caught', type(e).__name__, e)
def stop():
    raise Abort('uncaught abort')
stop()

# An exception whose __str__ fails.
class Weird(Exception):
    def __str__(self):
        raise RuntimeError('str failed')
try:
    raise Weird()
except Weird as e:
    print('caught', type(e).__name__)
raise Weird()

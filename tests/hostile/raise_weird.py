for thing in [5, 'str', None, object(), type, Exception, BaseException(), StopIteration]:
    try:
        raise thing
    except BaseException as e:
        print(type(e).__name__)
try:
    raise ValueError from 5
except TypeError as e:
    print('TypeError')
class E(Exception):
    def __new__(cls, *a):
        return 5
try:
    raise E
except TypeError:
    print('TypeError from bad __new__')

# sys.getrefcount on fresh objects, as arguments and in containers.
import sys
class C:
    pass
obj = C()
print('one name', sys.getrefcount(obj))
alias = obj
print('two names', sys.getrefcount(obj))
holder = [obj]
print('in a list', sys.getrefcount(obj))
holder.append(obj)
print('twice in list', sys.getrefcount(obj))
holder = None
print('list gone', sys.getrefcount(obj))
del alias
print('alias gone', sys.getrefcount(obj))
def probe(o):
    return sys.getrefcount(o)
print('inside call', probe(obj))
s = 'a string built at runtime'.upper()
print('string', sys.getrefcount(s))
lst = [1, 2, 3]
print('list', sys.getrefcount(lst))
d = {}
d['x'] = lst
print('list in dict', sys.getrefcount(lst))

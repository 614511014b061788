# Class versus instance attributes and the instance __dict__.
class Counter:
    instances = 0
    shared = []
    def __init__(self):
        Counter.instances += 1
        self.own = []
a, b = Counter(), Counter()
a.shared.append('from a')
a.own.append('only a')
print(Counter.instances, b.shared, b.own)
a.instances = 100
print(a.instances, b.instances, Counter.instances)
del a.instances
print(a.instances)
print(sorted(vars(a)), 'instances' in vars(Counter))
Counter.new_attr = 'added later'
print(b.new_attr)
class Empty:
    pass
e = Empty()
e.__dict__['z'] = 26
print(e.z, e.__dict__)
setattr(e, 'w', 1)
print(sorted(vars(e).items()))
print(type(e).__name__, e.__class__ is Empty)
print([n for n in dir(a) if not n.startswith('__')])

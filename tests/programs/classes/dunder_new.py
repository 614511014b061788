# __new__, __init__ order, singletons and immutable subclasses.
class Tracked:
    def __new__(cls, *args):
        print('new', cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, v):
        print('init', v)
        self.v = v
t = Tracked(1)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(Upper('hello'), len(Upper('abc')))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, isinstance(Pos(3), int))
class Other:
    def __new__(cls):
        return 'not an instance'
    def __init__(self):
        print('never')
print(Other())
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
print(p, p.first, len(p), type(p).__name__)

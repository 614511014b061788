# super() in methods, classmethods and __init__ chains.
class A:
    def __init__(self):
        print('A.__init__')
        self.trail = ['A']
    def hello(self):
        return 'A.hello'
    @classmethod
    def make(cls):
        return 'A.make for ' + cls.__name__
class B(A):
    def __init__(self):
        print('B.__init__')
        super().__init__()
        self.trail.append('B')
    def hello(self):
        return 'B+' + super().hello()
    @classmethod
    def make(cls):
        return 'B:' + super().make()
class C(B):
    def __init__(self):
        super(C, self).__init__()
        self.trail.append('C')
    def hello(self):
        return 'C+' + super(B, self).hello()
c = C()
print(c.trail, c.hello(), C.make())
print(super(C, c).hello())
class M1:
    def __init__(self, **kw):
        print('M1', kw)
        super().__init__(**kw)
class M2:
    def __init__(self, **kw):
        print('M2', kw)
        super().__init__()
class Both(M1, M2):
    pass
Both(x=1)

# Private name mangling: __x inside a class body becomes _Class__x (attributes, locals, defs).
class Account:
    __count = 0
    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
    def __secret(self):
        return 'secret of ' + self.__owner
    def reveal(self):
        __local = self.__secret()
        def inner():
            return __local.upper()
        return inner()
    @classmethod
    def count(cls):
        return cls.__count
a = Account('ann')
print(a.reveal(), Account.count())
print(sorted(k for k in vars(a)), '_Account__secret' in Account.__dict__)
print(hasattr(a, '__owner'), a._Account__owner)
class _Under:
    def __init__(self):
        self.__v = 1
class ___:
    def __init__(self):
        self.__w = 2
print(vars(_Under()), vars(___()))
class Sub(Account):
    def __init__(self):
        super().__init__('sub')
        self.__owner = 'shadow'
s = Sub()
print(sorted(vars(s).items()))
class Dunder:
    def __init__(self):
        self.__dunder__ = 1
print(vars(Dunder()))
def f(**kw):
    return sorted(kw)
class Kw:
    def call(self):
        return f(__x=1)
print(Kw().call())

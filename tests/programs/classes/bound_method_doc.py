# a bound method's __doc__ is its function's docstring (None when it has none)
class A:
    def f(self):
        "doc of f"
    def g(self):
        pass
    @classmethod
    def c(cls):
        "doc of c"
a = A()
print(a.f.__doc__, a.g.__doc__, A.f.__doc__, A.c.__doc__, a.c.__doc__)
print([].append.__doc__ == list.append.__doc__)

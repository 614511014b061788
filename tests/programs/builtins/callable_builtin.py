# callable() for various objects.
class C:
    def method(self):
        pass
class WithCall:
    def __call__(self):
        return 1
for obj in [len, print, C, C(), C().method, WithCall(), lambda: 0, 5, 'str', str, None, [].append, type, object()]:
    print(type(obj).__name__, callable(obj))

# Function objects: attributes, docstrings, annotations.
def f(a: int, b: str = 'x') -> bool:
    """Docstring of f."""
    return True
print(f.__name__, f.__qualname__, f.__doc__)
print(f.__annotations__)
print(f.__defaults__, f.__module__)
f.custom = 42
print(f.custom, f.__dict__)
class K:
    def method(self):
        pass
    def outer(self):
        def inner():
            pass
        return inner
print(K.method.__qualname__, K().outer().__qualname__)
def nodoc():
    pass
print(nodoc.__doc__)
print(type(f).__name__, callable(f))
g = f
print(g.__name__, g is f)
print((lambda: 0).__name__)
print(f.__code__.co_name, f.__code__.co_argcount)

# Annotations: function __annotations__, module and class variable annotations.
def f(a: int, b: 'str' = 'x', *args: float, c: bool = True, **kw: dict) -> list:
    return []
print(f.__annotations__)
def g(x, y):
    pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
g.__annotations__ = {'x': int}
print(g.__annotations__)
count: int = 3
name: str
print(__annotations__, count)
class Point:
    x: int
    y: float = 0.5
    def m(self) -> None:
        z: int = 1
        return z
print(Point.__annotations__, Point.y, Point().m(), 'x' in Point.__dict__)
class Empty:
    pass
print('__annotations__' in Empty.__dict__)
def order():
    print('evaluated')
    return int
def h(p: order()) -> order():
    pass
print(h.__annotations__)
class Priv:
    __secret: int = 1
print(Priv.__annotations__)

# traceback of a TypeError raised by a class pattern (points at the pattern, multi-line)
class Point:
    __match_args__ = ("x",)
    def __init__(self, x):
        self.x = x

def locate(p):
    match p:
        case Point(0):
            return "origin"
        case Point(1,
                   2):
            return "never"

print(locate(Point(0)))
print(locate(Point(5)))

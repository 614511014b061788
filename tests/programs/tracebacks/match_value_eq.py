# traceback of an exception raised by __eq__ while matching a value pattern and in a guard
class Angry:
    def __eq__(self, other):
        raise ValueError(f"cannot compare with {other!r}")

def check(v):
    match v:
        case None:
            return "none"
        case {"k": 1}:
            return "mapping"
        case [1, 2] if v.missing:
            return "guard"
        case 42:
            return "answer"

print(check(None))
try:
    check([1, 2])
except AttributeError as e:
    print("AttributeError:", e)
check(Angry())

# match: literal patterns (==), negative and complex numbers, strings, bytes, singletons (is)
def kind(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case -9223372036854775809:
            return "big negative"
        case 12345678901234567890:
            return "big"
        case 2.5 | -0.5:
            return "float"
        case 1+2j:
            return "complex 1+2j"
        case -3-4j:
            return "complex -3-4j"
        case 5j:
            return "imaginary"
        case "a" "b":
            return "concatenated str"
        case "":
            return "empty str"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "other"

values = [0, 0.0, -1, -1.0, -9223372036854775809, 12345678901234567890, 2.5, -0.5,
          1+2j, -3-4j, 5j, "ab", "", b"raw", bytearray(b"raw"), None, True, False,
          1, 1.0, "a", b"", [], 0j]
for v in values:
    print(repr(v), "->", kind(v))

# True/False/None compare with `is`; numbers with `==` (so True matches 1 but 1 is not True)
for v in [1, True, 1.0]:
    match v:
        case True:
            print(repr(v), "is True")
        case 1:
            print(repr(v), "== 1")

class Weird:
    def __eq__(self, other):
        print("__eq__ called with", repr(other))
        return other == "w"

match Weird():
    case None:
        print("never")
    case "x":
        print("x")
    case "w":
        print("matched w through __eq__")

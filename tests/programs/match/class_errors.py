# match: class pattern errors (TypeError) and attribute lookups that raise
class C:
    __match_args__ = ("a",)
    a = 1
class D:
    __match_args__ = ["a"]
class E:
    __match_args__ = ("a", 3)
    a = 1
class F(int):
    __match_args__ = ()
class G:
    @property
    def a(self):
        raise KeyError("from property")

def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)

def too_many(s):
    match s:
        case C(1, 2):
            return "no"
def not_a_type(s):
    match s:
        case len():
            return "no"
def list_args(s):
    match s:
        case D(x):
            return "no"
def non_str_arg(s):
    match s:
        case E(x, y):
            return "no"
def twice(s):
    match s:
        case C(x, a=y):
            return "no"
def int_two(s):
    match s:
        case int(1, 2):
            return "no"
def own_args(s):
    match s:
        case F(x):
            return "no"
def raising_attr(s):
    match s:
        case G(a=1):
            return "no"
def not_instance(s):
    match s:
        case C(1, 2, 3):
            return "no"
        case _:
            return "subject not an instance: no error"

attempt("too many", lambda: too_many(C()))
attempt("not a type", lambda: not_a_type(C()))
attempt("list __match_args__", lambda: list_args(D()))
attempt("non-str name", lambda: non_str_arg(E()))
attempt("twice", lambda: twice(C()))
attempt("int(1, 2)", lambda: int_two(5))
attempt("own empty __match_args__", lambda: own_args(F(1)))
attempt("raising attribute", lambda: raising_attr(G()))
attempt("not an instance", lambda: not_instance(5))

# Closures testing captured containers with `in`, calling their methods as statements, and generator delegation (fused instructions).
class Box:
    def __init__(self): self.items = []
    def __contains__(self, x): return x % 2 == 0
    def put(self, x):
        self.items.append(x)
        return "ignored"
    def fail(self):
        raise RuntimeError("fail called")

def make():
    seen = set()
    frozen = frozenset({1, 2})
    lst = [1, 2]
    d = {"k": 1}
    text = "hello"
    box = Box()
    def check(x):
        out = []
        for c in (seen, frozen, lst, d, text, box):
            try:
                if x in c:
                    out.append("in")
                else:
                    out.append("out")
            except TypeError as e:
                out.append("TypeError: " + str(e))
        seen.add(x)
        box.put(x)
        lst.append(x)
        return out
    return check, box

check, box = make()
print(check(1))
print(check(2))
print(check("k"))
print(check(2.0))
print(box.items)

def late():
    def use():
        if 3 in later:
            return "yes"
        return "no"
    def call():
        later.add(4)
    for f in (use, call):
        try:
            f()
        except NameError as e:
            print(type(e).__name__, e)
    later = {3}
    print(use(), call(), sorted(later))
late()

def gens(n):
    stack = []
    def walk(depth):
        if depth == n:
            yield tuple(stack)
            return
        for i in range(2):
            if i in stack:
                continue
            stack.append(i)
            yield from walk(depth + 1)
            stack.pop()
    return walk(0)
print(list(gens(2)), list(gens(0)))

def raising():
    b = Box()
    def go():
        b.fail()
    go()
raising()

# One call site (o.run()) seeing many classes: the method cache remembers several types; a
# class change, a shadowing instance attribute and a deleted method are all seen.


class Base:
    def run(self):
        return "base"


class A(Base):
    def run(self):
        return "A"


class B(Base):
    def run(self):
        return "B"


class C(Base):
    pass


class D(A):
    def run(self):
        return "D" + super().run()


class E:
    def run(self):
        return "E"


class F(E):
    run = staticmethod(lambda: "F-static")


def call_all(objs):
    return [o.run() for o in objs]


objs = [A(), B(), C(), D(), E(), F(), 5]
objs.pop()
for round_ in range(6):
    print(round_, call_all(objs))
    if round_ == 1:
        objs[1].run = lambda: "B-instance"
    if round_ == 2:
        B.run = lambda self: "B-patched"
        del objs[1].run
    if round_ == 3:
        del A.run
    if round_ == 4:
        Base.run = lambda self: "base-patched"

nums = [1, 2.5, True, "s", (1,), [2]]
print([type(x).__name__ for x in nums], [x.__class__.__name__ for x in nums])
print([x.__sizeof__() > 0 for x in nums])

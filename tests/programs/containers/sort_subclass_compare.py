# sorted/min/max/list.sort and comparisons with builtin subclasses that override only some
# comparison methods: the inherited builtin method answers (no reflection to the other
# operand's override), an override is always called.
class ByLen(str):
    def __lt__(self, other):
        return len(self) < len(other)


class Desc(int):
    def __lt__(self, other):
        return int(self) > int(other)


words = [ByLen("b"), ByLen("aa"), ByLen("ccc"), ByLen("d")]
print(sorted(words), min(words), max(words))
print(ByLen("aa") > ByLen("b"), ByLen("b") < ByLen("aa"), ByLen("aa") > "b", "b" < ByLen("aa"))
nums = [Desc(1), Desc(3), Desc(2)]
print(sorted(nums), min(nums), max(nums))
nums.sort()
print(nums, Desc(1) > Desc(2), Desc(1) < Desc(2))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "y")]), sorted([(-3, "x"), (-3, "a"), (-1, "q")], key=lambda t: (t[0], t[1])))
print(sorted(["b", "é", "a", "Z", "ab", ""]), sorted("hello"), sorted([3, 1.5, 2, True]))


class Tup(tuple):
    def __gt__(self, other):
        return "Tup.__gt__"


print(Tup((1,)) > (2,), (2,) < Tup((1,)), (1,) > Tup((0,)))

# Small pure stdlib modules: string constants, textwrap, operator, copy, heapq, bisect.
import string, textwrap, operator, heapq, bisect
print(string.ascii_lowercase, string.digits, string.punctuation)
print(textwrap.wrap('the quick brown fox jumps over the lazy dog', 12))
print(textwrap.dedent('    a\n      b\n    c'))
print(operator.add(2, 3), operator.itemgetter(1)('abc'), operator.attrgetter('real')(5), operator.mul(3, 4))
print(sorted([('a', 2), ('b', 1)], key=operator.itemgetter(1)))
h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [4, 9, 1, 7]), heapq.nsmallest(2, [4, 9, 1, 7]))
a = [1, 3, 3, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 10))
bisect.insort(a, 4)
print(a)

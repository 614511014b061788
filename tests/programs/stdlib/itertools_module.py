# itertools building blocks.
import itertools as it
print(list(it.islice(it.count(5, 2), 4)), list(it.islice(it.cycle('ab'), 5)), list(it.repeat('x', 3)))
print(list(it.chain('ab', [1, 2])), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
print(list(it.product('ab', repeat=2)), list(it.product([1, 2], 'x')))
print(list(it.permutations('abc', 2)), list(it.combinations(range(4), 2)), list(it.combinations_with_replacement('ab', 2)))
print([(k, list(g)) for k, g in it.groupby('aaabccaa')], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.filterfalse(str.isdigit, 'a1b2')), list(it.compress('abcd', [1, 0, 1, 0])), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.zip_longest('abc', [1], fillvalue='-')), list(it.pairwise('abcd')))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.islice('abcdefg', 1, 6, 2)))

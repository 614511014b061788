# lists, tuples, dicts, sorting and numeric builtins: results and error messages of edge cases.
E = [
 "[1,2,3].index(2)", "[1,2,3].index(4)", "[1,2,3,2].index(2, 2)", "[1,2,3].index(1, -2)", "[1,2].count(1)", "[3,1,2].sort()", "sorted([3,1,2], reverse=True)", "sorted(['b','A','a'], key=str.lower)",
 "sorted([(1,'b'),(1,'a'),(0,'z')])", "sorted([1, 'a'])", "sorted([[2],[1,5],[1]])", "sorted({3:1, 1:2})", "sorted('cba', key=None)", "sorted([], reverse=True)", "sorted([1,2], cmp=None)",
 "[1,2,3][::-1]", "[1,2,3][1:1]", "[1,2,3][-100:100]", "[1,2,3][::2]", "[1,2,3][::0]", "list(range(10))[8:2:-2]", "[1,2] * 2", "[1] + [2]", "[1] + (2,)", "[1] * -1",
 "[1,2] == [1,2]", "[1,2] < [1,3]", "[1,2] < [1,2,0]", "[1] < ['a']", "[] < []", "[1,[2]] == [1,[2]]", "[1,2].__len__()", "list('abc')", "list()", "list(None)",
 "(1,2).index(2)", "(1,2).count(3)", "(1,)*3", "() + ()", "(1,2) + [3]", "tuple([1,2])", "tuple('ab')", "(1,2) < (1,2,3)", "(1,'a') < (1,2)", "hash((1,2)) == hash((1,2))", "hash((1,[2]))",
 "[].pop()", "[1].pop(5)", "[1,2,3].pop(-1)", "[].remove(1)", "max([])", "min([], default=5)", "max(1, 2, key=lambda x: -x)", "max([1,2], [3])", "sum([[1],[2]], [])", "sum(['a'], '')", "sum([1.5, 2])",
 "list(reversed((1,2,3)))", "list(reversed(range(3)))", "list(enumerate('ab', 5))", "list(zip('ab', [1,2,3]))", "list(zip('ab', [1], strict=True))", "list(map(pow, [2,3], [2,2]))", "list(filter(None, [0,1,'',2]))",
 "any([])", "all([])", "any(x > 1 for x in [1,2])", "dict(a=1, b=2)", "dict([('a', 1)], b=2)", "dict({'a': 1}, a=2)", "dict([1])", "dict([(1,2,3)])", "dict.fromkeys('ab', 0)", "{'a': 1}.get('b')", "{'a': 1}.setdefault('b', 2)",
 "{'a': 1}.pop('b')", "{'a': 1}.pop('b', None)", "{}.popitem()", "{'a':1} | {'b':2}", "{'a':1, 'b':2} == {'b':2, 'a':1}", "{1: 2} < {1: 3}", "list({'a':1}.items())", "dict(zip('ab', range(2)))", "{1:1, True:2}", "{1.0: 'x', 1: 'y'}",
 "len({'a':1,'a':2})", "{**{'a':1}, 'b':2}", "[*'ab', *[1]]", "{*'aab'} == {'a','b'}", "repr({})", "repr({1: {2: []}})", "str([1, 'a', None, 1.5, (2,)])", "repr([[]])", "[1,2,3].__contains__(2)", "[3,2,1].__reversed__().__next__()",
 "divmod(7, 2)", "divmod(-7, 2)", "divmod(7.5, 2)", "pow(2, 10)", "pow(2, -1)", "pow(2, 10, 1000)", "abs(-2.5)", "round(2.5)", "round(3.5)", "round(-2.5)", "round(2.675, 2)", "round(125, -1)", "round(135, -1)",
 "bin(10)", "oct(-8)", "hex(255)", "bin(-0)", "hex(2**70)", "int('0b101', 0)", "float('1e3')", "complex(1, 2)", "complex('1+2j')", "(1+2j) * 2", "abs(3+4j)", "(1+2j).real", "1j ** 2", "isinstance(1, (str, int))", "issubclass(bool, (int,))",
 "ascii('é')", "repr('\\x00')", "format(1234567.891, ',.2f')", "format(0.000012345, '.3e')", "format(-0.0)", "str(-0.0)", "1e16", "1e-5", "0.1 + 0.2", "1/3", "2**0.5", "10/2", "7//2", "-7//2", "7%-3", "-7%3", "2**-2", "0**0",
 "int(1e20)", "float(10**20)", "float('nan') == float('nan')", "float('inf') > 10**1000", "10**1000 > float('inf')", "1 == 1.0", "hash(1) == hash(1.0)", "hash(-1)", "hash(2**61-1)", "hash(0.5)", "hash(float('inf'))", "True + True", "-True",
]
for e in E:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '->', type(x).__name__, x)

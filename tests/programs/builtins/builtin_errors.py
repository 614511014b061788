# Builtin functions called wrongly: CPython's exact error types and messages.
E = ["len(5)", "len()", "len([], [])", "iter(5)", "next(iter([]))", "next(iter([]), 'd')", "next(5)", "list(iter([1, 2, 3].pop, 1))", "enumerate(5)", "list(enumerate([], start=1.5))", "zip(1)",
 "isinstance(1, 5)", "isinstance(1, (int, 5))", "issubclass(1, int)", "issubclass(int, (str, int))", "callable(5)", "callable(len)", "chr('a')", "ord(5)", "hex(1.5)", "bin('a')", "oct([])",
 "abs('a')", "sum(5)", "sum([1, 'a'])", "sum(['a', 'b'], '')", "sum([[1]], start=[])", "max()", "max(5)", "max([], key=len)", "min(1, 2, default=0)", "max([3, 1], key=lambda x: -x)", "sorted(5)",
 "round('a')", "round(1.5, 'a')", "divmod(1, 'a')", "pow(1)", "pow('a', 2)", "pow(2, 3, 4.0)", "hash([])", "hash({})", "id(1) == id(1)", "type(1, 2)", "type('X', (), {})().__class__.__name__",
 "getattr(1, 'x')", "getattr(1, 'real')", "hasattr(1, 'x')", "setattr(1, 'x', 2)", "vars(1)", "dir(5)[:3]", "format(1, 5)", "format([], '')", "repr(repr)", "type(reversed({})).__name__", "ascii([1, 'é'])",
 "int('')", "int(None)", "float(None)", "float('')", "complex('x')", "bool(1, 2)", "str(1, 2, 3, 4)", "bytes(1.5)", "bytearray('a')", "list(1)", "tuple(1)", "dict(1)", "set(1)", "frozenset(1)",
 "range('a')", "slice()", "slice(1, 2, 3, 4)", "reversed(5)", "all(5)", "any(None)", "filter(None, 5)", "map(None)", "map(len, 5)", "list(map(len, ['ab', [1]]))", 
 "globals() is globals()", "type(locals()).__name__", "eval('1+1')", "eval('x', {'x': 5})", "exec('y=1') is None", "compile('1', 'f', 'q')", "eval(5)", "'%d' % '1'", "'%s %s' % (1,)", "'%(x)s' % 5",
 "object.__new__(int)", "int.__new__(str)", "int.__new__(bool, 5)", "bool.__new__(bool, 0)", "super()", "NotImplemented", "Ellipsis", "...", "__debug__",
]
for e in E:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '->', type(x).__name__, x)

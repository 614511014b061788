# match: compile-time errors of patterns (SyntaxError message and position, as CPython's compiler)
sources = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case (1 | y) as z:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case y | 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': a, **a}:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case [a, b] | [a]:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case {1: a, True: b}:\n        pass\n",
    "match x:\n    case {0: a, -0.0: b}:\n        pass\n",
    "match x:\n    case {b'k': a, b'k': b}:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case f'{x}':\n        pass\n",
    "match x:\n    case __debug__:\n        pass\n",
    "match x:\n    case [a, (b | a)]:\n        pass\n",
    "match x:\n    case [1, 2,\n          y | z]:\n        pass\n",
]
for src in sources:
    try:
        compile(src, "<match>", "exec")
        print("compiled!")
    except SyntaxError as e:
        print(f"{e.msg!r} line {e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset}")

# a guard makes an irrefutable case fine, and so does being last
compile("match x:\n    case y if y:\n        pass\n    case 1:\n        pass\n", "<ok>", "exec")
compile("match x:\n    case 1:\n        pass\n    case [*_] | y:\n        pass\n", "<ok>", "exec")
print("ok")

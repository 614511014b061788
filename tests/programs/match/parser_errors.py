# match: pattern syntax errors the parser reports (messages and positions as CPython's grammar)
sources = [
    "match x:\n    case 1 + 1:\n        pass\n",
    "match x:\n    case 1j + 2j:\n        pass\n",
    "match x:\n    case -1j - 2j:\n        pass\n",
    "match x:\n    case a + b:\n        pass\n",
    "match x:\n    case 1 + -2j:\n        pass\n",
    "match x:\n    case -x:\n        pass\n",
    "match x:\n    case 1 as _:\n        pass\n",
    "match x:\n    case 1 as 2:\n        pass\n",
    "match x:\n    case 1 as (a):\n        pass\n",
    "match x:\n    case 1 as [a]:\n        pass\n",
    "match x:\n    case C(a=1, 2):\n        pass\n",
    "match x:\n    case C(1, a=1, 2, 3):\n        pass\n",
    "match x:\n    case C(a=1, 2, b=3):\n        pass\n",
    "match x:\n    case *a:\n        pass\n",
    "match x:\n    case (*a):\n        pass\n",
    "match x:\n    case [1, (*a)]:\n        pass\n",
    "match x:\n    case [*a as b]:\n        pass\n",
    "match x:\n    case [1] | *b:\n        pass\n",
    "match x:\n    case {y: 1}:\n        pass\n",
    "match x:\n    case {y.z(): 1}:\n        pass\n",
    "match x:\n    case {(1, 2): 1}:\n        pass\n",
    "match x:\n    case {**_}:\n        pass\n",
    "match x:\n    case {**rest, 'k': 1}:\n        pass\n",
    "match x\n    case 1:\n        pass\n",
    "match x:\n    case 1\n        pass\n",
    "match x:\ncase 1:\n    pass\n",
]
for src in sources:
    try:
        compile(src, "<match>", "exec")
        print("compiled!")
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg!r} at {e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset} {e.text!r}")

# match and case stay soft keywords
match = [1, 2]
case = {"k": 3}
print(match, case, match[0], case["k"])
match match:
    case [case, *_]:
        print("case is now", case)

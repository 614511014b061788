# f-string errors as CPython 3.11 reports them (string_parser.c: fields, conversions, format specs, nesting).
srcs = ['f"{a b}"', 'x = f"{a b}"', 'f"{}"', 'f"{ }"', 'f"{x!}"', 'f"{x!r:}"', 'f"{x:{y:{z}}}"', 'f"{x:{y:{z:{w}}}}"', 'f"}"', 'f"{"', 'f"{x#}"', 'f"{\\n}"', 'f"{x)}"', 'f"{(x}"', 'f"{x[}"', 'f"{x=}"', 'f"{x=!r:>10}"', 'f"{lambda x: 1}"', 'f"{*a}"', 'f"{a:=1}"', 'f"{1 +}"', 'f"{\'a\'}" f"{"', 'print(f"{x" "abc")', 'f"{x!r"', 'f"{x:"', 'f"{\'a}"', 'f"{a}}"', 'f"{{}}"', 'rf"{\\}"', 'f"""{\n}"""', 'f"{x:{\'a\'}}"', 'f"{ x = }"', 'f"{x!r=}"', 'x = 1\ny = f"{x y}"\n',
 'f"{!r}"', 'f"{:>3}"', 'f"{=}"', 'f"{x!r!s}"', 'f"{x}}"', 'f"{x:{y}}}"', 'f"{x:}}"', 'f"{0:{3}}"', 'f"{x:{{}}}"', 'f"{x!r }"', 'f"{x:{y!z}}"', 'f"abc" "{x"', 'f"{a}" f"{b b}"', 'f"""\n{a b}"""', 'f"{{x}"', 'Rf"{x}" F"{x!}"', 'f"{"a"}"', "f'{x['a']}'", 'f"{x:%Y-%m}"', 'f"{x!r:^{w}.{p}f}"', 'f"{x}" + f"{y!a}"', "f'''{\n'a'\n}'''"]
for s in srcs:
    try:
        compile(s, '<s>', 'exec'); print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), '|', e.msg, '|', e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

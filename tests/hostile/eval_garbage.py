for src in ['', ' ', '1 +', '()', '(((', 'x', 'None()', '1/0', '[]*[]', '{**1}', '*a', 'a if b', 'lambda: ',
            '0' * 10000, '-' * 10000 + '1', 'not ' * 5000 + 'True', '~' * 10000 + '0', '"\\N{NOPE}"', 'b"\\u1234"',
            '1 if 2 else 3 if 4 else 5', '[x for x in ()]', '(yield)', 'await x', '__import__("sys").exit', '1;2']:
    try:
        r = eval(src, {})
        print('ok', type(r).__name__)
    except BaseException as e:
        print(type(e).__name__)

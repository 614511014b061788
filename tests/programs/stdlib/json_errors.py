# json errors: JSONDecodeError messages/positions, encoder TypeError/ValueError, circular refs
import json
import io

for s in ['', ' ', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '[', '[1', '[1,', '[1,]',
          '"abc', '"a\\x"', '"\\u12"', '"\\u12zz"', '"a\x01"', 'nul', 'tru', '01', '1.', '-', '1e',
          '[1 2]', '{"a" 1}', '{1:2}', '[1]x', '\ufeff[]', '"\\', '"\\u', '{"a":1 "b":2}',
          '\n\n  x', '[1,\n 2,\n x]', '["é", x]', '{"ключ": "значение", "b": }', '"日本語',
          '["😀", 1, tru]', '{"a":"\x01"}', '["a"]  ]', '[-]', '[--1]', '{"a":1}}']:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), e, e.pos, e.lineno, e.colno, repr(e.msg), e.doc == s)

try:
    json.loads(5)
except TypeError as e:
    print(e)
try:
    json.loads(b'\xff')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    json.JSONDecoder().raw_decode('  [1]')
except json.JSONDecodeError as e:
    print(e)
print(json.JSONDecodeError.__mro__, json.JSONDecodeError.__module__)
e = json.JSONDecodeError("m", "ab\ncd", 4)
print(e.args, e.__reduce__(), isinstance(e, ValueError))

for bad in [{(1, 2): 3}, object, [float('nan')], {"x": float('inf')}]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
lst = []
lst.append(lst)
dct = {}
dct['x'] = [dct]
for circ in [lst, dct]:
    for ind in [None, 2]:
        try:
            json.dumps(circ, indent=ind)
        except ValueError as e:
            print(type(e).__name__, e)
try:
    print(json.dumps({1: 2, "a": 1}, sort_keys=True))
except TypeError as e:
    print(type(e).__name__, e)
buf = io.StringIO()
try:
    json.dump([1, 2, object()], buf)
except TypeError as e:
    print(e)
try:
    json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e:
    print("RecursionError", e)
deep = []
for i in range(100000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as e:
    print("RecursionError", e)
try:
    json.loads('1' * 5000)
except ValueError as e:
    print(e)

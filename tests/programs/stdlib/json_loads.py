# json.loads: values, numbers, strings and escapes, whitespace, bytes input, hooks
import json
import collections

for s in ['  [  ]  ', '{ }', '{"a": 1, "b": [1.5, 2, null, true, false]}', '"x"', '0', '-0', '-0.0',
          '1.5e3', '1E+2', '-12.5E-3', '1e400', '123456789012345678901234567890', 'NaN', 'Infinity',
          '-Infinity', '"\\ud83d\\ude00 \\u00e9 \\n\\t\\/\\"\\\\\\b\\f\\r"', '["é", "日本語"]',
          '{"nested": {"deep": [[[]]]}}', '{"a": 1, "b": 2, "a": 3}', '\n\t[1,\r\n2]\n']:
    print(repr(s), repr(json.loads(s)))

for b in [b'[1]', '[1]'.encode('utf-16'), '[1]'.encode('utf-16-le'), '[1]'.encode('utf-16-be'),
          '[1]'.encode('utf-32'), '[1]'.encode('utf-32-be'), '[1]'.encode('utf-32-le'),
          b'\xef\xbb\xbf[2]', bytearray(b'"x"'), '"é"'.encode(), b'7']:
    print(b, json.loads(b))

print(json.loads('{"a": 1, "b": [1.5, 2]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2, "a": 3}', object_pairs_hook=collections.OrderedDict))
print(json.loads('{"x": {"y": 1}}', object_pairs_hook=list, object_hook=dict))
print(json.loads('[1.5, 2, 1e5]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda c: c.lower()))
print(json.loads('"a\tb"', strict=False), json.loads('{}', object_pairs_hook=list), json.loads('[]', object_hook=len))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": [1, 2.5]}xyz'), dec.decode(' [true] '), dec.raw_decode('[1] [2]', 4))
print(json.decoder.scanstring('"abc\\n" rest', 1))
v = json.loads('{"k": [1, {"z": "w"}]}')
print(v == json.loads(json.dumps(v)), type(v["k"][1]).__name__)

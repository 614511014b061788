# json.dump/json.load with files, JSONEncoder subclasses (default, encode), dump keywords
import json
import io
import os

path = 'json_files.tmp.json'
with open(path, 'w') as f:
    json.dump({"k": [1, 2, {"n": None}], "s": "é"}, f, indent=4, sort_keys=True)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(json.load(f))
with open(path, 'rb') as f:
    print(json.load(f, object_pairs_hook=list))
os.remove(path)


class ComplexEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


print(json.dumps([1j, {"z": 2 + 3j}], cls=ComplexEncoder))
print(ComplexEncoder(indent=1).encode({"a": 1j}))
try:
    ComplexEncoder().encode(object)
except TypeError as e:
    print(e)


class Upper(json.JSONEncoder):
    def encode(self, o):
        return super().encode(o).upper()


print(json.dumps({"a": "b"}, cls=Upper))
buf = io.StringIO()
json.dump({"a": [1, 2]}, buf, separators=(",", ":"))
print(buf.getvalue())
buf = io.StringIO()
json.dump("text", buf)
print(buf.getvalue())
enc = json.JSONEncoder(sort_keys=True, indent=2)
print(enc.encode({"b": 1, "a": 2}), enc.item_separator, repr(enc.key_separator))
print(''.join(enc.iterencode({"x": [True]})))
print(json.encoder.encode_basestring_ascii('a\u1234"'), json.encoder.encode_basestring('a\u1234"'))
print(sorted(json.__all__))

# json.dumps: types, indent, separators, sort_keys, ensure_ascii, floats, escapes, subclasses
import json
import collections

print(json.dumps([1, 2.5, "a\u00e9\n\x7f\x00\U0001f600", None, True, False, {"k": [], "j": {}}, (1, 2)]))
print(json.dumps({"b": 1, "a": [1, {"c": 2}], 3: 4, 1.5: 2, None: 1, True: 0, False: -1}, indent=2))
print(json.dumps({"b": 1, "a": [1, {"c": 2}]}, indent="\t", sort_keys=True, separators=(",", ":")))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=0))
print(json.dumps([1, [2, [3]]], indent=-1), json.dumps([1], indent=''))
print(json.dumps("é\U0001f600", ensure_ascii=False), json.dumps(float('nan')), json.dumps([float('inf'), -float('inf')]))
print(json.dumps({"ключ": "значение 😀"}), json.dumps({"ключ": "значение 😀"}, ensure_ascii=False))
print(json.dumps("\"\\\b\f\n\r\t/"), json.dumps('\u2028\x1f', ensure_ascii=False))
print(json.dumps("a\u2028b", ensure_ascii=True), json.dumps('\x7f'), json.dumps('\x7f', ensure_ascii=False))
print(json.dumps(1e100), json.dumps(-0.0), json.dumps(10**30), json.dumps(1.0), json.dumps(0.1 + 0.2))
print(json.dumps([1e16, 1e-5, 123456789.125, 2.5e-300, 5e-324]))
print(json.dumps({1: 2, "a": 1}), json.dumps({2: 'a', 1: 'b'}, sort_keys=True))
print(json.dumps({1.5: 1, float('inf'): 2}))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True), json.dumps({(1,): 1}, skipkeys=True, indent=2))
print(json.dumps([1, 2], separators=(' ,', ' : ')), json.dumps({'a': [1]}, separators=(',', ':'), indent=1))
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])))
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)]), sort_keys=True))
print(json.dumps("plain"), json.dumps(None), json.dumps(True), json.dumps(7))


class IntS(int):
    def __repr__(self):
        return "IntS!"


class FloatS(float):
    def __repr__(self):
        return "FloatS!"


class StrS(str):
    pass


class MyDict(dict):
    def items(self):
        return [("override", 1)]


print(json.dumps([IntS(5), FloatS(1.5), StrS("s"), True]), json.dumps({IntS(3): FloatS(2.5)}))
print(json.dumps(MyDict(a=1)), json.dumps(MyDict(a=1), indent=1))
print(json.dumps(set([1]), default=list), json.dumps({"s": {3}}, default=sorted))
print(json.dumps({"a": 1, "b": [1, 2]}, indent=4).splitlines())

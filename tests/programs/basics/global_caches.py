# Global and builtin name loads whose binding changes between executions of the same
# instruction (the interpreter may cache them per instruction).
import builtins


def use_len():
    return len("abc")


def use_g():
    return g


print(use_len())
len = lambda x: "module len"
print(use_len())
del len
print(use_len())
builtins.len = lambda x: "patched builtin"
print(use_len())
del builtins.len
try:
    use_len()
except NameError as e:
    print("NameError", e)
builtins.len = lambda x: 3
print(use_len())

g = 1
for i in range(3):
    print(use_g())
    g += 1
del g
try:
    use_g()
except NameError as e:
    print("NameError", e)
globals()["g"] = "via globals()"
print(use_g())
for i in range(50):
    globals()["filler%d" % i] = i
print(use_g())

# One code object run with different globals.
code = compile("result = value * 2", "<string>", "exec")
for v in range(3):
    ns = {"value": v}
    exec(code, ns)
    print(ns["result"])
ns = {"value": "x"}
exec(code, ns)
print(ns["result"])
ns2 = {}
try:
    exec(code, ns2)
except NameError as e:
    print("NameError", e)

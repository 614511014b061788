# Default argument values, evaluated once at definition time.
def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
print(greet('Ann'))
print(greet('Bob', 'Hi'))
print(greet('Cy', punct='?'))
print(greet(greeting='Yo', name='Di'))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
def append_safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(append_safe(1), append_safe(2))
base = 10
def uses_default(x=base):
    return x
base = 20
print(uses_default())
print(greet.__defaults__, uses_default.__defaults__)
try:
    greet()
except TypeError as e:
    print(e)
try:
    greet('a', 'b', 'c', 'd')
except TypeError as e:
    print(e)
try:
    greet('a', name='b')
except TypeError as e:
    print(e)
try:
    greet('a', colour='red')
except TypeError as e:
    print(e)

# Generator state inspection and behaviour after exceptions.
import inspect
def g():
    yield 1
    yield 2
gen = g()
print(inspect.getgeneratorstate(gen))
next(gen)
print(inspect.getgeneratorstate(gen))
list(gen)
print(inspect.getgeneratorstate(gen))
def failing():
    yield 1
    raise ValueError('inside gen')
    yield 2
f = failing()
print(next(f))
try:
    next(f)
except ValueError as e:
    print('ValueError:', e)
print(list(f))
def recursive_ok():
    yield 'x'
r = recursive_ok()
print(r.gi_running, r.gi_frame is not None)
list(r)
print(r.gi_frame)
def stop_in_gen():
    yield 1
    raise StopIteration('bad')
try:
    list(stop_in_gen())
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print('ValueError:', e)

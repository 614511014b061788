"""Compare lib/types with CPython's types."""

import sys
import types as T
from _support import load, outcome

S = load('types')


def test_type_names():
    for name in ['FunctionType', 'LambdaType', 'MethodType', 'GeneratorType', 'ModuleType',
                 'BuiltinFunctionType', 'BuiltinMethodType', 'CodeType', 'MappingProxyType',
                 'NoneType', 'EllipsisType', 'NotImplementedType', 'CellType', 'TracebackType',
                 'FrameType', 'GenericAlias', 'UnionType', 'WrapperDescriptorType',
                 'MethodWrapperType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
                 'GetSetDescriptorType', 'MemberDescriptorType']:
        assert getattr(S, name) is getattr(T, name), name


def test_simplenamespace():
    def s(m):
        n = m.SimpleNamespace(a=1, b='x')
        n.c = [1]
        r = [repr(n), n.a, n == m.SimpleNamespace(a=1, b='x', c=[1]), n != m.SimpleNamespace(),
             repr(m.SimpleNamespace()), vars(n)]
        del n.a
        r.append(repr(n))
        rec = m.SimpleNamespace(a=1)
        rec.me = rec
        r.append(repr(rec))
        class Sub(m.SimpleNamespace):
            pass
        r.append(repr(Sub(z=3)))
        return r
    assert outcome(s, S) == outcome(s, T)
    for f in [lambda m: m.SimpleNamespace(1), lambda m: m.SimpleNamespace({'a': 1})]:
        assert outcome(f, S) == outcome(f, T)
    # CPython's messages here name the C type 'types.SimpleNamespace'.
    for f in [lambda m: m.SimpleNamespace().missing, lambda m: hash(m.SimpleNamespace())]:
        assert outcome(f, S)[:2] == outcome(f, T)[:2]


def test_new_class():
    def s(m):
        C = m.new_class('C', (object,), {}, lambda ns: ns.update({'x': 1}))
        return C.__name__, C.x, m.prepare_class('D')[0], m.resolve_bases((int,))
    assert outcome(s, S) == outcome(s, T)

"""Shared and recursive references survive, in both directions and at every protocol."""
import pickle

import pobjs
from harness import check, run


def structures():
    a = [1, 2]
    shared = [a, a, (a,), {'k': a}]
    rec_list = []
    rec_list.append(rec_list)
    rec_dict = {}
    rec_dict['self'] = rec_dict
    rec_tuple_holder = []
    t = (rec_tuple_holder, 1)
    rec_tuple_holder.append(t)
    root = pobjs.Node('root')
    child = pobjs.Node('child')
    child.parent = root
    root.children.append(child)
    s = 'shared string'
    b = b'shared bytes'
    strs = [s, s, b, b]
    inst = pobjs.Plain()
    inst.me = inst
    fs = frozenset([1, 2])
    sets = [fs, fs, {fs}]
    return [('shared', shared), ('rec_list', rec_list), ('rec_dict', rec_dict),
            ('rec_tuple', t), ('tree', root), ('strs', strs), ('self_instance', inst),
            ('sets', sets)]


def verify(name, got):
    if name == 'shared':
        a = got[0]
        return got[1] is a and got[2][0] is a and got[3]['k'] is a and a == [1, 2]
    if name == 'rec_list':
        return got[0] is got
    if name == 'rec_dict':
        return got['self'] is got
    if name == 'rec_tuple':
        return got[0][0] is got and got[1] == 1
    if name == 'tree':
        return got.children[0].parent is got and got.children[0].name == 'child'
    if name == 'strs':
        return got[0] is got[1] and got[2] is got[3] and got[0] == 'shared string'
    if name == 'self_instance':
        return got.me is got and got.a == 1
    if name == 'sets':
        return got[0] is got[1] and next(iter(got[2])) is got[0]
    return False


def test_one(sp, name, value):
    for proto in range(6):
        ours = sp.dumps(value, proto)
        theirs = pickle.dumps(value, proto)
        check('identity %s/p%d cpython-loads-ours' % (name, proto), verify(name, pickle.loads(ours)))
        check('identity %s/p%d ours-loads-cpython' % (name, proto), verify(name, sp.loads(theirs)))
        check('identity %s/p%d roundtrip' % (name, proto), verify(name, sp.loads(ours)))
        check('identity %s/p%d bytes' % (name, proto), ours == theirs)


def main(sp):
    for name, value in structures():
        run('identity ' + name, test_one, sp, name, value)

"""Pickle across runtimes (crates/spindle/tests/pickle_compat.rs runs this with both).

`cross.py dump` prints one line per (case, protocol): `NAME PROTO HEX` of
pickle.dumps(value, PROTO) (protocols 2-5, and -1 meaning the default protocol);
`cross.py load` reads such lines on stdin, loads each and checks it against the same case
built here, printing `FAIL ...` lines and a final `N ok, M failed, K skipped`;
`cross.py compare A B` checks that two dump files hold the same bytes, except for the cases
corpus.BYTES_MAY_DIFFER explains."""
import pickle
import sys

import corpus

PROTOCOLS = [2, 3, 4, 5, -1]


def dump():
    for name, value in corpus.cases():
        for proto in PROTOCOLS:
            data = pickle.dumps(value) if proto == -1 else pickle.dumps(value, proto)
            print(name, proto, data.hex())


def load():
    expected = dict(corpus.expected_cases())
    ok = failed = skipped = 0
    for line in sys.stdin:
        name, proto, hexdata = line.split()
        if name in corpus.KNOWN_GAPS:
            skipped += 1
            print('SKIP', name, proto, corpus.KNOWN_GAPS[name])
            continue
        try:
            got = pickle.loads(bytes.fromhex(hexdata))
            good = corpus.same(expected[name], got) and corpus.structure_ok(name, got)
            detail = '' if good else repr(got)[:200]
        except Exception as exc:
            good = False
            detail = '%s: %s' % (type(exc).__name__, exc)
        if good:
            ok += 1
        else:
            failed += 1
            print('FAIL', name, proto, detail)
    print('%d ok, %d failed, %d skipped' % (ok, failed, skipped))
    return 1 if failed or not ok else 0


def read_dump(path):
    with open(path) as f:
        return [tuple(line.split()) for line in f if line.strip()]


def compare(path_a, path_b):
    a, b = read_dump(path_a), read_dump(path_b)
    if [x[:2] for x in a] != [x[:2] for x in b]:
        print('FAIL the two dumps list different cases')
        return 1
    same = differ = 0
    for (name, proto, ha), (_, _, hb) in zip(a, b):
        if ha == hb:
            same += 1
        elif name in corpus.BYTES_MAY_DIFFER or name in corpus.KNOWN_GAPS:
            pass
        else:
            differ += 1
            print('FAIL bytes differ:', name, proto)
    print('%d byte-identical, %d differ' % (same, differ))
    return 1 if differ else 0


if __name__ == '__main__':
    if sys.argv[1:] == ['dump']:
        dump()
    elif sys.argv[1:] == ['load']:
        sys.exit(load())
    elif len(sys.argv) == 4 and sys.argv[1] == 'compare':
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit('usage: cross.py dump | load | compare A B')

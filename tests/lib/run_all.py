"""Run every tests/lib/test_*.py check under python3.

Each test file defines functions named test_*; each function is one check.
Prints the failures with their tracebacks, then `N passed, M failed`, and
exits non-zero when anything failed.
"""

import importlib.util
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def main(argv):
    only = set(argv[1:])
    passed = failed = 0
    for fname in sorted(os.listdir(HERE)):
        if not (fname.startswith('test_') and fname.endswith('.py')):
            continue
        if only and fname[5:-3] not in only:
            continue
        spec = importlib.util.spec_from_file_location(fname[:-3], os.path.join(HERE, fname))
        mod = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(mod)
        except Exception:
            failed += 1
            print('FAIL (import) %s' % fname)
            traceback.print_exc()
            continue
        for name in sorted(vars(mod)):
            f = getattr(mod, name)
            if name.startswith('test_') and callable(f):
                try:
                    f()
                except Exception:
                    failed += 1
                    print('FAIL %s::%s' % (fname, name))
                    traceback.print_exc()
                else:
                    passed += 1
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

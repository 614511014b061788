"""Run every pickle test under python3 and print `N passed, M failed`.

    python3 tests/lib/pickle/run_all.py            # CPython's copyreg under Spindle's pickle
    SPINDLE_OWN_COPYREG=1 python3 tests/lib/pickle/run_all.py   # Spindle's copyreg too
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import _load  # noqa: E402
import harness  # noqa: E402

sp = _load.load_spickle()

import test_differential  # noqa: E402

MODULES = ['test_differential', 'test_identity', 'test_errors', 'test_io', 'test_copyreg',
           'test_default_reduce',
           'test_subprocess']


def main():
    stats = None
    for name in MODULES:
        if not os.path.exists(os.path.join(HERE, name + '.py')):
            continue
        module = __import__(name)
        result = module.main(sp)
        if name == 'test_differential':
            stats = result
    for failure in harness.RESULTS['failures']:
        print('FAIL', failure)
    if stats:
        print('byte-identical with CPython pickle.dumps: %d of %d (protocols 0-5)'
              % (stats['identical'], stats['total']))
        if stats['different']:
            print('  differing:', ', '.join(stats['different']))
    passed, failed = harness.RESULTS['passed'], harness.RESULTS['failed']
    if os.environ.get('SPINDLE_OWN_COPYREG') == '1':
        print('own-copyreg: %d passed, %d failed' % (passed, failed))
        return 1 if failed else 0
    # the same suite again with Spindle's copyreg in place of CPython's
    import subprocess
    env = dict(os.environ, SPINDLE_OWN_COPYREG='1')
    out = subprocess.run([sys.executable, os.path.abspath(__file__)], env=env,
                         capture_output=True, text=True)
    print('with lib/copyreg.py:')
    for line in out.stdout.splitlines():
        if line.startswith('FAIL'):
            print('  ' + line)
        if line.startswith('own-copyreg:'):
            counts = line.split(':')[1].split()
            passed += int(counts[0])
            failed += int(counts[2])
            print('  ' + line)
    if out.returncode not in (0, 1) or 'own-copyreg:' not in out.stdout:
        failed += 1
        print('FAIL own-copyreg run crashed:\n' + out.stderr)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

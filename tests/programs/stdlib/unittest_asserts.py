# unittest: the failure messages of the assert methods (caught directly)
import unittest, warnings, logging

class T(unittest.TestCase):
    def runTest(self):
        pass

t = T()
def check(name, *args, **kw):
    try:
        getattr(t, name)(*args, **kw)
    except AssertionError as e:
        print('%s: %s' % (name, e))
    except Exception as e:
        print('%s raised %s: %s' % (name, type(e).__name__, e))
    else:
        print('%s: passed' % name)

check('assertEqual', 1, 1)
check('assertEqual', 'a' * 100, 'a' * 99 + 'b')
check('assertEqual', 'x' * 50 + 'abc' + 'y' * 60, 'x' * 50 + 'abd' + 'y' * 60)
check('assertEqual', (1, 2), (1, 3), msg='custom')
check('assertEqual', [1, 2], [1, 2, 3])
check('assertEqual', [1, 2, 3], [1])
check('assertEqual', {1, 2}, {2, 3})
check('assertEqual', frozenset([1]), frozenset())
check('assertEqual', list(range(100)), list(range(1, 101)))
check('assertEqual', {'k%d' % i: i for i in range(30)}, {'k%d' % i: i + (i == 7) for i in range(30)})
check('assertEqual', 'single line', 'single lime')
check('assertEqual', 'a\nb\n', 'a\nc')
check('assertNotEqual', 2, 2)
check('assertTrue', 0)
check('assertFalse', [1], 'with msg')
check('assertIs', 1, None)
check('assertIsNot', None, None)
check('assertIsNone', 5)
check('assertIsNotNone', None)
check('assertIn', 3, [1, 2])
check('assertNotIn', 1, {1: 2})
check('assertIsInstance', 1, str)
check('assertNotIsInstance', 1, int)
check('assertAlmostEqual', 1.0, 1.1)
check('assertAlmostEqual', 1.0, 1.00000001)
check('assertAlmostEqual', 1.0, 1.5, delta=0.1)
check('assertAlmostEqual', 1.0, 1.5, places=2, delta=0.1)
check('assertNotAlmostEqual', 1.0, 1.0)
check('assertNotAlmostEqual', 1.0, 1.05, delta=0.1)
check('assertLess', 2, 1)
check('assertLessEqual', 2, 1)
check('assertGreater', 1, 2)
check('assertGreaterEqual', 1, 2)
check('assertRegex', 'hello', r'\d+')
check('assertNotRegex', 'abc123', r'\d+')
check('assertCountEqual', [1, 1, 2], [1, 2, 2])
check('assertCountEqual', [[1], [2]], [[2], [1], [1]])
check('assertCountEqual', 'abc', 'cab')
check('assertSequenceEqual', [1, 2], (1, 2))
check('assertSequenceEqual', 'abc', 'abd')
check('assertListEqual', (1,), [1])
check('assertTupleEqual', (1,), [1])
check('assertDictEqual', [], {})
check('assertSetEqual', {1}, [1])
check('assertSetEqual', 1, {1})
check('assertMultiLineEqual', 1, 'a')
check('assertRaises', ValueError, int, '3')
check('assertRaises', ValueError, int, 'x')
check('assertRaises', 5, int, 'x')
check('assertRaises', (KeyError, ValueError))
check('assertRaisesRegex', ValueError, 'foo', int, 'x')
check('assertWarns', UserWarning, lambda: None)
check('assertWarns', UserWarning, warnings.warn, 'hi')
check('assertWarnsRegex', UserWarning, 'bye', warnings.warn, 'hi')
check('fail', 'boom')
check('assertRaises', KeyError, foo=1)

with t.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print(type(cm.exception).__name__, cm.exception.args, cm.exception.__traceback__)
with t.assertRaisesRegex(KeyError, "mis+ing"):
    {}['missing']
try:
    with t.assertRaises(KeyError, msg='extra'):
        pass
except AssertionError as e:
    print(e)
try:
    with t.assertRaises(KeyError):
        raise TypeError('passes through')
except TypeError as e:
    print('TypeError', e)
with t.assertWarns(DeprecationWarning) as w:
    warnings.warn('old', DeprecationWarning)
print(w.warning, w.lineno)
with t.assertLogs('demo', level='WARNING') as logs:
    logging.getLogger('demo').warning('careful %d', 3)
    logging.getLogger('demo.sub').error('bad')
print(logs.output, [r.levelname for r in logs.records])
try:
    with t.assertLogs('quiet'):
        pass
except AssertionError as e:
    print(e)
try:
    with t.assertNoLogs('noisy'):
        logging.getLogger('noisy').info('x')
except AssertionError as e:
    print(e)
t.maxDiff = None
check('assertEqual', list(range(100)), list(range(1, 101)))
t.longMessage = False
check('assertEqual', 1, 2, 'only mine')
check('assertEqual', 1, 2)
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('always')
    t.assertEquals(1, 1)
    t.failUnless(True)
print([str(x.message) for x in ws])

# unittest: fixtures and cleanups, loaders, unittest.main(argv, exit=False), failfast, buffer
import io, re, sys, unittest

log = []
def setUpModule():
    log.append('setUpModule')
def tearDownModule():
    log.append('tearDownModule')

class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')
        cls.addClassCleanup(log.append, 'classCleanup')
    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')
    def setUp(self):
        log.append('setUp ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup ' + self._testMethodName)
    def tearDown(self):
        log.append('tearDown')
    def test_b(self):
        log.append('b')
        print('output of b')
    def test_a(self):
        log.append('a')
        print('output of a')
        self.fail('a fails')

class BadSetUp(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError('class set-up broke')
    def test_never(self):
        log.append('never')

class SkippedClass(unittest.TestCase):
    def test_one(self):
        pass
SkippedClass = unittest.skip('whole class')(SkippedClass)

class Cond(unittest.TestCase):
    @unittest.skipIf(True, 'cond true')
    def test_if(self): pass
    @unittest.skipUnless(False, 'cond false')
    def test_unless(self): pass
    def test_skiptest(self):
        self.skipTest('from inside')
    def test_cleanup_error(self):
        self.addCleanup(lambda: 1 / 0)

def clean(text):
    return re.sub(r'in \d+\.\d+s', 'in X.XXXs', text)

buf = io.StringIO()
prog = unittest.main(argv=['prog', '-v', '-b'], exit=False, testRunner=unittest.TextTestRunner(stream=buf, verbosity=2, buffer=True))
print(clean(buf.getvalue()))
print(log)
r = prog.result
print(r.testsRun, len(r.failures), len(r.errors), [(str(t), why) for t, why in r.skipped])

buf = io.StringIO()
unittest.main(argv=['prog', 'Fixtures.test_b', 'Cond'], exit=False, testRunner=unittest.TextTestRunner(stream=buf))
print(clean(buf.getvalue()))
buf = io.StringIO()
unittest.main(argv=['prog', '-k', 'test_a', '-k', '*unless'], exit=False, testRunner=unittest.TextTestRunner(stream=buf, verbosity=2))
print(clean(buf.getvalue()))

loader = unittest.TestLoader()
print(loader.getTestCaseNames(Fixtures), loader.loadTestsFromTestCase(Cond).countTestCases())
s = loader.loadTestsFromName('__main__.Fixtures.test_a')
print(s, s.countTestCases())
s = loader.loadTestsFromNames(['Cond.test_if', 'Nope'], sys.modules['__main__'])
print(s.countTestCases(), len(loader.errors))
print(loader.errors[0].splitlines()[0])
r = unittest.TestResult()
s.run(r)
print(r, r.errors[0][0], r.errors[0][1].splitlines()[-1])

r = unittest.TestResult()
r.failfast = True
loader.loadTestsFromTestCase(Fixtures).run(r)
print(r.testsRun, r.shouldStop)

ft = unittest.FunctionTestCase(lambda: None, description='a function test')
print(ft, ft.shortDescription(), ft.countTestCases())
r = unittest.TestResult(); ft.run(r); print(r.wasSuccessful())
print(repr(Cond('test_if')), Cond('test_if') == Cond('test_if'), Cond('test_if').id())
try:
    Cond('test_missing')
except ValueError as e:
    print(e)
suite = unittest.TestSuite()
try:
    suite.addTest(Cond)
except TypeError as e:
    print(e)
try:
    suite.addTests('abc')
except TypeError as e:
    print(e)
print(unittest.TestSuite([Cond('test_if')]))
try:
    unittest.main(argv=['prog', 'Cond.test_if'], testRunner=unittest.TextTestRunner(stream=io.StringIO()))
except SystemExit as e:
    print('exit', e.code)
try:
    unittest.main(argv=['prog', 'Fixtures'], testRunner=unittest.TextTestRunner(stream=io.StringIO()))
except SystemExit as e:
    print('exit', e.code)

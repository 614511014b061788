# unittest: TextTestRunner report (dots, verbose, FAIL/ERROR sections) with the time hidden
import io, re, unittest

def run(*classes, verbosity=1, **kw):
    loader = unittest.TestLoader()
    suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in classes)
    buf = io.StringIO()
    result = unittest.TextTestRunner(stream=buf, verbosity=verbosity, **kw).run(suite)
    print(re.sub(r'in \d+\.\d+s', 'in X.XXXs', buf.getvalue()), end='')
    print(result, result.wasSuccessful())
    return result

class Basic(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)
    def test_fail(self):
        """Docstring first line.

        more"""
        self.assertEqual(1, 2)
    def test_error(self):
        x = {}
        x['missing']
    @unittest.skip("not today")
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)
    @unittest.expectedFailure
    def test_xpass(self):
        pass
    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertNotEqual(i % 2, 1)
    def test_list(self):
        self.assertEqual([1, 2, 3, 4], [1, 2, 5, 4])
    def test_dict(self):
        self.assertEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3})
    def test_text(self):
        self.assertEqual("one\ntwo\nthree\n", "one\ntoo\nthree\n")
    def test_raises(self):
        with self.assertRaises(ValueError):
            int('5')
    def test_chain(self):
        try:
            1 / 0
        except ZeroDivisionError:
            raise KeyError('k')

run(Basic)
run(Basic, verbosity=2)
run(Basic, verbosity=0)

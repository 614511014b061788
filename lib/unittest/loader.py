"""unittest.loader: TestLoader, which collects tests from classes, modules and names."""

import functools
import os
import sys
import traceback
import types
import warnings
from fnmatch import fnmatchcase

from . import case, suite, util

__unittest = True


class _FailedTest(case.TestCase):
    """A test standing for a name that could not be loaded: running it raises the error."""

    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super(_FailedTest, self).__getattribute__(name)

        def testFailure():
            raise self._exception
        return testFailure


def _make_failed_import_test(name, suiteClass):
    message = 'Failed to import test module: %s\n%s' % (name, traceback.format_exc())
    return _make_failed_test(name, ImportError(message), suiteClass, message)


def _make_failed_load_tests(name, exception, suiteClass):
    message = 'Failed to call load_tests:\n%s' % (traceback.format_exc(),)
    return _make_failed_test(name, exception, suiteClass, message)


def _make_failed_test(methodname, exception, suiteClass, message):
    test = _FailedTest(methodname, exception)
    return suiteClass((test,)), message


def _make_skipped_test(methodname, exception, suiteClass):
    @case.skip(str(exception))
    def testSkipped(self):
        pass
    attrs = {methodname: testSkipped}
    TestClass = type("ModuleSkipped", (case.TestCase,), attrs)
    return suiteClass((TestClass(methodname),))


class TestLoader(object):
    """Makes suites of the test methods (names starting with 'test') of TestCase classes."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(util.three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        testCaseNames = self.getTestCaseNames(testCaseClass)
        if not testCaseNames and hasattr(testCaseClass, 'runTest'):
            testCaseNames = ['runTest']
        return self.suiteClass(map(testCaseClass, testCaseNames))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        if len(args) > 0 or 'use_load_tests' in kws:
            warnings.warn('use_load_tests is deprecated and ignored', DeprecationWarning)
            kws.pop('use_load_tests', None)
        if len(args) > 1:
            raise TypeError('loadTestsFromModule() takes 1 positional argument but {} were '
                            'given'.format(len(args) + 1))
        if len(kws) != 0:
            raise TypeError("loadTestsFromModule() got an unexpected keyword argument "
                            "'{}'".format(sorted(kws)[0]))
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, case.TestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is not None:
            try:
                return load_tests(self, tests, pattern)
            except Exception as e:
                error_case, error_message = _make_failed_load_tests(module.__name__, e,
                                                                    self.suiteClass)
                self.errors.append(error_message)
                return error_case
        return tests

    def loadTestsFromName(self, name, module=None):
        """The tests a dotted name designates: a module, class, method, suite or callable."""
        parts = name.split('.')
        error_case, error_message = None, None
        if module is None:
            parts_copy = parts[:]
            while parts_copy:
                try:
                    module_name = '.'.join(parts_copy)
                    module = __import__(module_name)
                    break
                except ImportError:
                    next_attribute = parts_copy.pop()
                    error_case, error_message = _make_failed_import_test(next_attribute,
                                                                         self.suiteClass)
                    if not parts_copy:
                        self.errors.append(error_message)
                        return error_case
            parts = parts[1:]
        obj = module
        parent = None
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if getattr(obj, '__path__', None) is not None and error_case is not None:
                    self.errors.append(error_message)
                    return error_case
                error_case, error_message = _make_failed_test(
                    part, e, self.suiteClass,
                    'Failed to access attribute:\n%s' % (traceback.format_exc(),))
                self.errors.append(error_message)
                return error_case
        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        elif isinstance(obj, type) and issubclass(obj, case.TestCase):
            return self.loadTestsFromTestCase(obj)
        elif (isinstance(obj, types.FunctionType) and isinstance(parent, type) and
              issubclass(parent, case.TestCase)):
            name = parts[-1]
            inst = parent(name)
            if not isinstance(getattr(inst, name), types.FunctionType):
                return self.suiteClass([inst])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, suite.TestSuite):
                return test
            elif isinstance(test, case.TestCase):
                return self.suiteClass([test])
            raise TypeError("calling %s returned %s, not a test" % (obj, test))
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(name, module) for name in names])

    def getTestCaseNames(self, testCaseClass):
        """The sorted names of the test methods of a TestCase class."""
        def shouldIncludeMethod(attrname):
            if not attrname.startswith(self.testMethodPrefix):
                return False
            testFunc = getattr(testCaseClass, attrname)
            if not callable(testFunc):
                return False
            fullName = '%s.%s.%s' % (testCaseClass.__module__, testCaseClass.__qualname__,
                                     attrname)
            return self.testNamePatterns is None or any(
                fnmatchcase(fullName, pattern) for pattern in self.testNamePatterns)
        names = list(filter(shouldIncludeMethod, dir(testCaseClass)))
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """The tests of the modules matching pattern under start_dir (a directory path)."""
        set_implicit_top = False
        if top_level_dir is None and self._top_level_dir is not None:
            top_level_dir = self._top_level_dir
        elif top_level_dir is None:
            set_implicit_top = True
            top_level_dir = start_dir
        top_level_dir = os.path.abspath(top_level_dir)
        if top_level_dir not in sys.path:
            sys.path.insert(0, top_level_dir)
        self._top_level_dir = top_level_dir
        start_dir = os.path.abspath(start_dir)
        if not os.path.isdir(start_dir):
            raise ImportError('Start directory is not importable: %r' % start_dir)
        if start_dir != top_level_dir and not os.path.isfile(
                os.path.join(start_dir, '__init__.py')):
            raise ImportError('Start directory is not importable: %r' % start_dir)
        tests = list(self._find_tests(start_dir, pattern))
        if set_implicit_top:
            self._top_level_dir = None
        return self.suiteClass(tests)

    def _module_name(self, path):
        rel = os.path.relpath(os.path.splitext(os.path.normpath(path))[0], self._top_level_dir)
        if os.path.isabs(rel) or rel.startswith('..'):
            raise ImportError('Path must be within the project')
        return rel.replace(os.path.sep, '.')

    def _find_tests(self, start_dir, pattern):
        for name in sorted(os.listdir(start_dir)):
            full = os.path.join(start_dir, name)
            if os.path.isfile(full):
                base, ext = os.path.splitext(name)
                if ext != '.py' or not base.isidentifier() or not fnmatchcase(name, pattern):
                    continue
                modname = self._module_name(full)
                try:
                    __import__(modname)
                except case.SkipTest as e:
                    yield _make_skipped_test(modname, e, self.suiteClass)
                except Exception:
                    error_case, error_message = _make_failed_import_test(modname,
                                                                         self.suiteClass)
                    self.errors.append(error_message)
                    yield error_case
                else:
                    yield self.loadTestsFromModule(sys.modules[modname], pattern=pattern)
            elif os.path.isdir(full) and os.path.isfile(os.path.join(full, '__init__.py')):
                modname = self._module_name(full)
                try:
                    __import__(modname)
                except Exception:
                    error_case, error_message = _make_failed_import_test(modname,
                                                                         self.suiteClass)
                    self.errors.append(error_message)
                    yield error_case
                    continue
                package = sys.modules[modname]
                load_tests = getattr(package, 'load_tests', None)
                if load_tests is not None:
                    if modname in self._loading_packages:
                        continue
                    self._loading_packages.add(modname)
                    try:
                        tests = self.loadTestsFromModule(package, pattern=pattern)
                    finally:
                        self._loading_packages.discard(modname)
                    yield tests
                    continue
                yield self.loadTestsFromModule(package, pattern=pattern)
                yield from self._find_tests(full, pattern)


defaultTestLoader = TestLoader()


def _makeLoader(prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    loader = TestLoader()
    loader.sortTestMethodsUsing = sortUsing
    loader.testMethodPrefix = prefix
    loader.testNamePatterns = testNamePatterns
    if suiteClass:
        loader.suiteClass = suiteClass
    return loader


def getTestCaseNames(testCaseClass, prefix, sortUsing=util.three_way_cmp,
                     testNamePatterns=None):
    warnings.warn("unittest.getTestCaseNames() is deprecated and will be removed in Python "
                  "3.13. Please use unittest.TestLoader.getTestCaseNames() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing,
                       testNamePatterns=testNamePatterns).getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=util.three_way_cmp,
              suiteClass=suite.TestSuite):
    warnings.warn("unittest.makeSuite() is deprecated and will be removed in Python 3.13. "
                  "Please use unittest.TestLoader.loadTestsFromTestCase() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=util.three_way_cmp,
                  suiteClass=suite.TestSuite):
    warnings.warn("unittest.findTestCases() is deprecated and will be removed in Python 3.13. "
                  "Please use unittest.TestLoader.loadTestsFromModule() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromModule(module)

# python -m unittest (discovery, -v, a named test) and python -m timeit run the library's __main__
import os, re, shutil, subprocess, sys
d = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'unittest_cli.tmp.dir')
os.makedirs(d, exist_ok=True)
with open(os.path.join(d, 'test_sample.py'), 'w') as f:
    f.write("import unittest\n"
            "class Sample(unittest.TestCase):\n"
            "    def test_ok(self):\n        self.assertEqual(2 + 2, 4)\n"
            "    def test_bad(self):\n        self.assertIn(3, [1, 2])\n"
            "    @unittest.skip('later')\n    def test_skip(self):\n        pass\n")
def run(*args):
    p = subprocess.run([sys.executable, '-m'] + list(args), cwd=d, capture_output=True, text=True)
    err = re.sub(r'in \d+\.\d+s', 'in X.XXXs', p.stderr).replace(d, '<dir>')
    print('exit', p.returncode)
    print(p.stdout + err)
try:
    run('unittest')
    run('unittest', '-v')
    run('unittest', 'test_sample.Sample.test_ok')
    run('unittest', '-k', 'skip', '-v')
    p = subprocess.run([sys.executable, '-m', 'timeit', '-n', '10', '-r', '2', 'x = 1'], capture_output=True, text=True)
    print(p.returncode, p.stdout.split(':')[0])
finally:
    shutil.rmtree(d)

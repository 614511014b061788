# getopt: short and long options, GNU-style mixing, the errors
import getopt
print(getopt.getopt(['-a', '-c', 'x', 'rest', '-d'], 'abc:d'))
print(getopt.getopt(['-abfoo', 'arg'], 'ab:'))
print(getopt.getopt(['--verbose', '--out=f.txt', '--lev', '3', '--', '-a'], 'a', ['verbose', 'output=', 'level=']))
print(getopt.getopt(['--verb', 'x'], '', 'verbose'))
print(getopt.getopt(['-', '-a'], 'a'), getopt.getopt([], 'a'))
print(getopt.gnu_getopt(['x', '-a', 'y', '--long', 'z', '--', '-b'], 'ab', ['long']))
print(getopt.gnu_getopt(['x', '-a'], '+a'))
cases = [(['-z'], 'a', []), (['-c'], 'c:', []), (['--nope'], '', ['yes']), (['--ver'], '', ['verbose', 'version']),
         (['--out'], '', ['output=']), (['--quiet=1'], '', ['quiet']), (['-:'], 'a:', [])]
for args, s, l in cases:
    try:
        getopt.getopt(args, s, l)
    except getopt.GetoptError as e:
        print(type(e).__name__, str(e), repr(e.opt), e.msg, e.args)
print(getopt.error is getopt.GetoptError, issubclass(getopt.GetoptError, Exception))

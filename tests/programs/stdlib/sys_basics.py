# sys: argv, path, modules, version_info, maxsize, byteorder-independent facts.
import sys, os
print(sys.argv, len(sys.argv), sys.argv[0])
print(sys.path[0] == os.getcwd(), isinstance(sys.path, list))
print('sys' in sys.modules, '__main__' in sys.modules, sys.modules['sys'] is sys)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), type(sys.version_info.minor).__name__)
print(sys.maxsize == 2 ** 63 - 1, sys.platform.startswith('linux'), isinstance(sys.version, str))
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(type(sys.stdin).__name__ == type(sys.stdout).__name__, sys.stdout.encoding.lower().replace('-', ''))
print(sys.byteorder in ('little', 'big'), sys.executable != '', sys.float_info.max, sys.float_info.epsilon)
print(sys.int_info.bits_per_digit in (15, 30), sys.hash_info.modulus == 2 ** 61 - 1)

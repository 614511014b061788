# struct: pack/unpack/calcsize/iter_unpack/pack_into/unpack_from/Struct, byte orders, alignment, every format char, struct.error messages
import struct
def t(f, *a):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: struct.pack('b', 200)); t(lambda: struct.pack('B', -1)); t(lambda: struct.pack('h', 40000)); t(lambda: struct.pack('H', -1))
t(lambda: struct.pack('i', 2**31)); t(lambda: struct.pack('I', -1)); t(lambda: struct.pack('l', 2**63)); t(lambda: struct.pack('L', -1)); t(lambda: struct.pack('q', 2**63)); t(lambda: struct.pack('Q', -1))
t(lambda: struct.pack('<b', 200)); t(lambda: struct.pack('<B', 300)); t(lambda: struct.pack('<h', 40000)); t(lambda: struct.pack('<H', 70000)); t(lambda: struct.pack('<i', 2**31)); t(lambda: struct.pack('<I', -1)); t(lambda: struct.pack('<l', 2**31)); t(lambda: struct.pack('<L', 2**32)); t(lambda: struct.pack('<q', 2**63)); t(lambda: struct.pack('<Q', -1)); t(lambda: struct.pack('n', 2**63)); t(lambda: struct.pack('N', -1))
t(lambda: struct.pack('i', 1.5)); t(lambda: struct.pack('i', 'x')); t(lambda: struct.pack('f', 'x')); t(lambda: struct.pack('c', b'ab')); t(lambda: struct.pack('c', 'a')); t(lambda: struct.pack('s', 'a')); t(lambda: struct.pack('ii', 1)); t(lambda: struct.pack('i', 1, 2))
t(lambda: struct.pack('f', 1e300)); t(lambda: struct.pack('e', 1e10)); t(lambda: struct.pack('<f', float('inf'))); t(lambda: struct.pack('d', 10**400))
t(lambda: struct.unpack('i', b'abc')); t(lambda: struct.unpack('i', b'abcde')); t(lambda: struct.calcsize('z')); t(lambda: struct.calcsize('4')); t(lambda: struct.calcsize('<n')); t(lambda: struct.calcsize('<P')); t(lambda: struct.calcsize('4 h')); t(lambda: struct.calcsize(' 4h i '))
t(lambda: struct.calcsize('ci')); t(lambda: struct.calcsize('ic')); t(lambda: struct.calcsize('@bhiqd')); t(lambda: struct.calcsize('=bhiqd')); t(lambda: struct.calcsize('llh0l')); t(lambda: struct.calcsize('3s2p?e'))
t(lambda: list(struct.iter_unpack('i', b'123'))); t(lambda: list(struct.iter_unpack('', b''))); t(lambda: list(struct.iter_unpack('<hh', b'abcdefgh')))
t(lambda: struct.unpack_from('i', b'abcd', 1)); t(lambda: struct.pack_into('i', bytearray(4), 2, 1)); t(lambda: struct.pack_into('i', b'1234', 0, 1)); t(lambda: struct.unpack_from('<h', b'\x01\x02\x03', offset=-2))
b = bytearray(8); struct.pack_into('<hh', b, 2, 1, -1); print(b)
t(lambda: struct.pack('<e', 1.5)); t(lambda: struct.unpack('<e', b'\x00\x3e')); t(lambda: struct.pack('>e', 65504.0)); t(lambda: struct.pack('<e', 0.1)); t(lambda: struct.pack('<e', 1e-8))
t(lambda: struct.pack('5p', b'abcdefg')); t(lambda: struct.unpack('5p', b'\x09abcd')); t(lambda: struct.pack('3s', b'a')); t(lambda: struct.pack('?', [])); t(lambda: struct.unpack('??', b'\x00\x05'))
t(lambda: struct.pack('<qQ', -1, 2**64-1)); t(lambda: struct.unpack('>iHb', b'\xff\xff\xff\xfe\x00\x01\x80')); t(lambda: struct.pack('!d', 1.5)); t(lambda: struct.unpack('<f', struct.pack('<f', 0.1)))
s = struct.Struct('<ih'); print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), type(s).__name__, struct.Struct(b'>I').format)
t(lambda: struct.Struct(5)); t(lambda: struct.pack(b'<h', 1)); t(lambda: struct.pack()); t(lambda: struct.unpack('i')); t(lambda: struct.pack('x', 1)); t(lambda: struct.pack('2x')); t(lambda: struct.unpack('2xh', b'abcd'))
class I:
    def __index__(self): return 7
t(lambda: struct.pack('i', I())); t(lambda: struct.pack('P', 5)); t(lambda: struct.unpack('c', b'a')); t(lambda: struct.pack('i', True)); t(lambda: struct.pack('0s')); t(lambda: struct.unpack('0s', b''))
print(struct.error.__module__, struct.error.__mro__, struct.__all__ if hasattr(struct,'__all__') else '')
t(lambda: struct.unpack('i', bytearray(b'abcd'))); t(lambda: struct.unpack('i', 'abcd'))
t(lambda: struct.pack('<i', -2**31)); t(lambda: struct.pack('<f', float('nan'))); t(lambda: struct.unpack('<d', b'\x00'*7 + b'\xf0'))

"""uuid: UUID objects and uuid1/3/4/5 as RFC 4122 defines them (Spindle's own implementation
of CPython 3.11's module).

getnode() reads the hardware address of a network interface from /sys/class/net (Linux);
without one it returns a random 48-bit number with the multicast bit set, as CPython's
fallback does."""

import os
import sys
from enum import Enum

__author__ = 'Ka-Ping Yee <ping@zesty.ca>'

RESERVED_NCS, RFC_4122, RESERVED_MICROSOFT, RESERVED_FUTURE = [
    'reserved for NCS compatibility', 'specified in RFC 4122',
    'reserved for Microsoft compatibility', 'reserved for future definition']

int_ = int
bytes_ = bytes


class SafeUUID(Enum):
    safe = 0
    unsafe = -1
    unknown = None


_FIELD_LIMITS = ((32, 'field 1 out of range (need a 32-bit value)'),
                 (16, 'field 2 out of range (need a 16-bit value)'),
                 (16, 'field 3 out of range (need a 16-bit value)'),
                 (8, 'field 4 out of range (need an 8-bit value)'),
                 (8, 'field 5 out of range (need an 8-bit value)'),
                 (48, 'field 6 out of range (need a 48-bit value)'))


class UUID:
    """An immutable 128-bit UUID, made from exactly one of hex, bytes, bytes_le, fields
    or int (and optionally a version, which sets the RFC 4122 variant and version bits)."""

    __slots__ = ('int', 'is_safe', '__weakref__')

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None,
                 version=None, *, is_safe=SafeUUID.unknown):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, '
                            'or int arguments must be given')
        if hex is not None:
            hex = hex.replace('urn:', '').replace('uuid:', '')
            hex = hex.strip('{}').replace('-', '')
            if len(hex) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            int = int_(hex, 16)
        if bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            bytes = (bytes_le[3::-1] + bytes_le[5:3:-1] + bytes_le[7:5:-1] + bytes_le[8:])
        if bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            assert isinstance(bytes, bytes_), repr(bytes)
            int = int_.from_bytes(bytes, 'big')
        if fields is not None:
            if len(fields) != 6:
                raise ValueError('fields is not a 6-tuple')
            for value, (bits, message) in zip(fields, _FIELD_LIMITS):
                if not 0 <= value < 1 << bits:
                    raise ValueError(message)
            time_low, time_mid, time_hi_version, seq_hi, seq_low, node = fields
            int = ((time_low << 96) | (time_mid << 80) | (time_hi_version << 64)
                   | (((seq_hi << 8) | seq_low) << 48) | node)
        if int is not None and not 0 <= int < 1 << 128:
            raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            int = (int & ~(0xc000 << 48)) | 0x8000 << 48
            int = (int & ~(0xf000 << 64)) | version << 76
        object.__setattr__(self, 'int', int)
        object.__setattr__(self, 'is_safe', is_safe)

    def __getstate__(self):
        d = {'int': self.int}
        if self.is_safe != SafeUUID.unknown:
            d['is_safe'] = self.is_safe.value
        return d

    def __setstate__(self, state):
        object.__setattr__(self, 'int', state['int'])
        object.__setattr__(self, 'is_safe', SafeUUID(state['is_safe'])
                           if 'is_safe' in state else SafeUUID.unknown)

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self.int == other.int
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self.int < other.int
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self.int > other.int
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, UUID):
            return self.int <= other.int
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, UUID):
            return self.int >= other.int
        return NotImplemented

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, str(self))

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __str__(self):
        h = '%032x' % self.int
        return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        b = self.bytes
        return b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:]

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version,
                self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    @property
    def time_low(self):
        return self.int >> 96

    @property
    def time_mid(self):
        return (self.int >> 80) & 0xffff

    @property
    def time_hi_version(self):
        return (self.int >> 64) & 0xffff

    @property
    def clock_seq_hi_variant(self):
        return (self.int >> 56) & 0xff

    @property
    def clock_seq_low(self):
        return (self.int >> 48) & 0xff

    @property
    def time(self):
        return (((self.time_hi_version & 0x0fff) << 48) | (self.time_mid << 32)
                | self.time_low)

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low

    @property
    def node(self):
        return self.int & 0xffffffffffff

    @property
    def hex(self):
        return '%032x' % self.int

    @property
    def urn(self):
        return 'urn:uuid:' + str(self)

    @property
    def variant(self):
        if not self.int & (0x8000 << 48):
            return RESERVED_NCS
        if not self.int & (0x4000 << 48):
            return RFC_4122
        if not self.int & (0x2000 << 48):
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return int((self.int >> 76) & 0xf)
        return None


def _sysfs_getnode():
    """The hardware address of a network interface (not loopback), from /sys/class/net."""
    base = '/sys/class/net'
    try:
        names = sorted(os.listdir(base))
    except OSError:
        return None
    for name in names:
        try:
            with open(os.path.join(base, name, 'address')) as f:
                text = f.read().strip()
        except OSError:
            continue
        parts = text.split(':')
        if len(parts) != 6 or not all(len(p) == 2 for p in parts):
            continue
        try:
            mac = int(''.join(parts), 16)
        except ValueError:
            continue
        # skip all-zero addresses and locally administered / multicast ones
        if mac and not mac & (1 << 40) and not mac & (1 << 41):
            return mac
    return None


def _random_getnode():
    import random
    return random.getrandbits(48) | (1 << 40)


_node = None


def getnode():
    """The hardware address as a 48-bit int (random, with the multicast bit, if none)."""
    global _node
    if _node is None:
        _node = _sysfs_getnode() if sys.platform.startswith('linux') else None
        if _node is None:
            _node = _random_getnode()
    return _node


_last_timestamp = None


def uuid1(node=None, clock_seq=None):
    """A UUID from a host ID, sequence number and the current time."""
    global _last_timestamp
    import time
    # 100-ns intervals since the UUID epoch (1582-10-15)
    timestamp = time.time_ns() // 100 + 0x01b21dd213814000
    if _last_timestamp is not None and timestamp <= _last_timestamp:
        timestamp = _last_timestamp + 1
    _last_timestamp = timestamp
    if clock_seq is None:
        import random
        clock_seq = random.getrandbits(14)
    if node is None:
        node = getnode()
    return UUID(fields=(timestamp & 0xffffffff, (timestamp >> 32) & 0xffff,
                        (timestamp >> 48) & 0x0fff, (clock_seq >> 8) & 0x3f,
                        clock_seq & 0xff, node), version=1)


def uuid3(namespace, name):
    """A UUID from the MD5 hash of a namespace UUID and a name."""
    from hashlib import md5
    # (CPython 3.11 encodes name unconditionally: a bytes name is a TypeError)
    return UUID(bytes=md5(namespace.bytes + bytes(name, "utf-8")).digest()[:16], version=3)


def uuid4():
    """A random UUID."""
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    """A UUID from the SHA-1 hash of a namespace UUID and a name."""
    from hashlib import sha1
    # (CPython 3.11 encodes name unconditionally: a bytes name is a TypeError)
    return UUID(bytes=sha1(namespace.bytes + bytes(name, "utf-8")).digest()[:16], version=5)


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')

# uuid: UUID construction from every form, attributes, uuid1/3/4/5, errors, ordering, pickling
import uuid, pickle, copy
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.int, u.urn, u.version, u.variant)
print(u.bytes, u.bytes_le, u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node, u.time, u.clock_seq)
for kw in [dict(bytes=u.bytes), dict(bytes_le=u.bytes_le), dict(fields=u.fields), dict(int=u.int), dict(hex='urn:uuid:12345678123456781234567812345678')]:
    print(uuid.UUID(**kw) == u, end=' ')
print()
v = uuid.UUID(int=0, version=4)
print(v, v.version, v.variant, uuid.UUID(int=(1 << 128) - 1).variant, uuid.UUID(int=0).variant, uuid.UUID(int=0xc000 << 48).variant)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid3(uuid.NAMESPACE_URL, 'http://x'))
try:
    uuid.uuid5(uuid.NAMESPACE_URL, b'x')
except TypeError as e:
    print('TypeError', e)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), r != uuid.uuid4())
t = uuid.uuid1()
t2 = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(t.version, t2.node == 0x123456789abc, t2.clock_seq, t2 > t or t2.time >= t.time, uuid.uuid1().time > t.time)
print(0 < uuid.getnode() < 1 << 48, uuid.getnode() == uuid.getnode())
cases = [dict(), dict(hex='x', int=1), dict(hex='123'), dict(bytes=b'x'), dict(bytes_le=b'abc'), dict(fields=(1, 2)),
         dict(fields=(1 << 32, 0, 0, 0, 0, 0)), dict(fields=(0, 0, 0, 0, 256, 0)), dict(fields=(0, 0, 0, 0, 0, 1 << 48)), dict(int=-1), dict(int=0, version=6)]
for kw in cases:
    try:
        uuid.UUID(**kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    u.int = 5
except TypeError as e:
    print('TypeError', e)
a, b = uuid.UUID(int=1), uuid.UUID(int=2)
print(a < b, a <= b, b > a, a == uuid.UUID(int=1), a == 1, sorted([b, a]), int(b), hash(a) == hash(1))
print(pickle.loads(pickle.dumps(u)) == u, copy.copy(u) == u, u.is_safe, uuid.SafeUUID.safe.value, {a: 1}[uuid.UUID(int=1)])
try:
    a < 1
except TypeError as e:
    print('TypeError', e)

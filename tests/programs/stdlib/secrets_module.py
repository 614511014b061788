# secrets: token sizes and alphabets, randbelow/randbits/choice ranges, compare_digest
import secrets, string
print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), type(secrets.token_bytes(1)).__name__)
h = secrets.token_hex(8)
print(len(h), all(c in string.hexdigits for c in h), len(secrets.token_hex()))
u = secrets.token_urlsafe(16)
print(len(u), all(c in string.ascii_letters + string.digits + '-_' for c in u), len(secrets.token_urlsafe()))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(200)), secrets.randbelow(1))
print(all(0 <= secrets.randbits(5) < 32 for _ in range(200)), secrets.randbits(0))
print(secrets.choice('aaa'), secrets.choice([7]))
for bad in (0, -3):
    try:
        secrets.randbelow(bad)
    except ValueError as e:
        print('ValueError', e)
print(secrets.compare_digest('abc', 'abc'), secrets.compare_digest(b'abc', b'abd'), secrets.DEFAULT_ENTROPY)
print(isinstance(secrets.SystemRandom().random(), float), len({secrets.token_hex(16) for _ in range(20)}))

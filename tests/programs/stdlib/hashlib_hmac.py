# hashlib/hmac: md5/sha1/sha224/sha256/sha384/sha512 at block boundaries, incremental update/copy, pbkdf2_hmac, hmac, file_digest, errors
import hashlib, hmac
msgs = [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 111, b'a' * 112, b'a' * 127, b'a' * 128, b'The quick brown fox jumps over the lazy dog', bytes(range(256)) * 5]
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    print(name, [hashlib.new(name, m).hexdigest()[:16] for m in msgs])
    h = getattr(hashlib, name)(); 
    for chunk in [b'ab', b'c' * 100, b'', b'xyz' * 50]: h.update(chunk)
    c = h.copy(); c.update(b'more')
    print(h.hexdigest(), c.hexdigest()[:20], h.digest()[:4], h.name, h.digest_size, h.block_size)
print(hashlib.sha256(b'hello').hexdigest(), hashlib.md5('é'.encode()).hexdigest())
for bad in [lambda: hashlib.sha256('str'), lambda: hashlib.new('nope'), lambda: hashlib.md5().update(5)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex(), hashlib.pbkdf2_hmac('sha1', b'pw', b'salt', 2, dklen=10).hex())
print(hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', 'md5').hexdigest(), hmac.new(b'key', b'msg', hashlib.sha256).hexdigest(), hmac.digest(b'k' * 100, b'm', 'sha512').hex()[:32], hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('a', 'b'))
import io; print(hashlib.file_digest(io.BytesIO(b'data' * 1000), 'sha1').hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha256'}))

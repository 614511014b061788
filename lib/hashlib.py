"""Secure hashes and message digests (Spindle's own implementation of part of CPython
3.11's `hashlib`): md5, sha1, sha224, sha256, sha384 and sha512 computed natively in
`_hashlib`, new(name), pbkdf2_hmac and file_digest. The BLAKE2 and SHA-3 families are not
provided yet (new() reports them as unsupported)."""

from _hashlib import new as _new, HASH

__always_supported = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512')

algorithms_guaranteed = set(__always_supported)
algorithms_available = set(__always_supported)

__all__ = __always_supported + ('new', 'algorithms_guaranteed',
                                'algorithms_available', 'pbkdf2_hmac', 'file_digest')


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm;
    optionally initialized with data (which must be a bytes-like object)."""
    return _new(name, data)


def md5(string=b'', *, usedforsecurity=True):
    """Returns a md5 hash object; optionally initialized with a string"""
    return _new('md5', string)


def sha1(string=b'', *, usedforsecurity=True):
    """Returns a sha1 hash object; optionally initialized with a string"""
    return _new('sha1', string)


def sha224(string=b'', *, usedforsecurity=True):
    """Returns a sha224 hash object; optionally initialized with a string"""
    return _new('sha224', string)


def sha256(string=b'', *, usedforsecurity=True):
    """Returns a sha256 hash object; optionally initialized with a string"""
    return _new('sha256', string)


def sha384(string=b'', *, usedforsecurity=True):
    """Returns a sha384 hash object; optionally initialized with a string"""
    return _new('sha384', string)


def sha512(string=b'', *, usedforsecurity=True):
    """Returns a sha512 hash object; optionally initialized with a string"""
    return _new('sha512', string)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as
    pseudorandom function."""
    if not isinstance(hash_name, str):
        raise TypeError(hash_name)
    if not isinstance(password, (bytes, bytearray)):
        password = bytes(memoryview(password))
    if not isinstance(salt, (bytes, bytearray)):
        salt = bytes(memoryview(salt))
    inner = new(hash_name)
    outer = new(hash_name)
    blocksize = getattr(inner, 'block_size', 64)
    if len(password) > blocksize:
        password = new(hash_name, password).digest()
    password = password + b'\x00' * (blocksize - len(password))
    inner.update(bytes(x ^ 0x36 for x in password))
    outer.update(bytes(x ^ 0x5C for x in password))

    def prf(msg, inner=inner, outer=outer):
        icpy = inner.copy()
        ocpy = outer.copy()
        icpy.update(msg)
        ocpy.update(icpy.digest())
        return ocpy.digest()

    if iterations < 1:
        raise ValueError(iterations)
    if dklen is None:
        dklen = outer.digest_size
    if dklen < 1:
        raise ValueError(dklen)
    dkey = b''
    loop = 1
    from_bytes = int.from_bytes
    while len(dkey) < dklen:
        prev = prf(salt + loop.to_bytes(4, 'big'))
        rkey = from_bytes(prev, 'big')
        for i in range(iterations - 1):
            prev = prf(prev)
            rkey ^= from_bytes(prev, 'big')
        loop += 1
        dkey += rkey.to_bytes(inner.digest_size, 'big')
    return dkey[:dklen]


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object (opened in binary mode); digest is a hash
    name or a constructor."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if hasattr(fileobj, "getbuffer"):
        try:
            buf = fileobj.getbuffer()
        except NotImplementedError:
            # No memoryview yet: a BytesIO's value instead.
            buf = fileobj.getvalue()
        digestobj.update(buf)
        return digestobj
    if not (hasattr(fileobj, "readinto") and hasattr(fileobj, "readable")
            and fileobj.readable()):
        raise ValueError(
            f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj

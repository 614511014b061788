"""_codecs: the text codecs as functions (what pickle's protocol 0-2 byte strings refer to).

Only the text encodings that str.encode / bytes.decode implement are known here; the
bytes-to-bytes codecs of CPython (hex, base64, zlib ...) raise LookupError."""


def encode(obj, encoding='utf-8', errors='strict'):
    if not isinstance(encoding, str):
        raise TypeError("encode() argument 'encoding' must be str, not %s" % type(encoding).__name__)
    if isinstance(obj, str):
        return obj.encode(encoding, errors)
    raise LookupError("unknown encoding: %s (only text encodings of str objects are supported)"
                      % encoding)


def decode(obj, encoding='utf-8', errors='strict'):
    if not isinstance(encoding, str):
        raise TypeError("decode() argument 'encoding' must be str, not %s" % type(encoding).__name__)
    if isinstance(obj, (bytes, bytearray)):
        return bytes(obj).decode(encoding, errors)
    raise LookupError("unknown encoding: %s (only text encodings of bytes objects are supported)"
                      % encoding)

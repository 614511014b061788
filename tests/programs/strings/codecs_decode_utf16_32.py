# bytes.decode with utf-16/utf-32 (BOMs, surrogates, truncation) and cp1252.
for d in [b'a\x00b\x00', b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00b', b'\x00\xd8a\x00', b'\x00\xdca\x00', b'\x3d\xd8\x00\xde', b'\x3d\xd8', b'\x3d\xd8\x00']:
    for enc in ['utf-16', 'utf-16-le', 'utf-16-be']:
        for errors in ['strict', 'replace', 'backslashreplace']:
            try:
                print(d, enc, errors, repr(d.decode(enc, errors)))
            except Exception as e:
                print(d, enc, errors, type(e).__name__, e)
for d in [b'a\x00\x00\x00', b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00', b'a\x00\x00']:
    for enc in ['utf-32', 'utf-32-le', 'utf-32-be']:
        try:
            print(d, enc, repr(d.decode(enc)))
        except Exception as e:
            print(d, enc, type(e).__name__, e)
for d in [b'\x80\x81\x9f\xa0\xff', b'\x8d']:
    for errors in ['strict', 'replace', 'ignore']:
        try:
            print(d, repr(d.decode('cp1252', errors)))
        except Exception as e:
            print(d, type(e).__name__, e)

# bytes.decode with utf-8, ascii, utf-8-sig: invalid sequences, error ranges and handlers.
datas = [b'ok \xff\xfe end', b'\xe2\x82', b'\xe2\x82x', b'\xf0\x9f\x98x', b'\xed\xa0\x80', b'\xc0\xaf', b'a\x80b', b'\xf4\x90\x80\x80', b'\xef\xbb\xbfhi']
for d in datas:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace']:
        for enc in ['utf-8', 'ascii', 'utf-8-sig']:
            try:
                print(d, enc, errors, repr(d.decode(enc, errors)))
            except Exception as e:
                print(d, enc, errors, type(e).__name__, e)

# json_roundtrip: a JSON-like serializer and recursive-descent parser in pure Python.
# Exercises: isinstance dispatch, recursion, string escaping char by char, str slicing and
# indexing, list/dict building, exceptions for error handling, a tokenizer class with state.
import sys

SCALES = {"default": 6000, "quick": 800, "check": 5}

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
UNESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "/": "/"}


class ParseError(Exception):
    pass


def dump_string(s, out):
    out.append('"')
    for ch in s:
        esc = ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ord(ch) < 32:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')


def dump(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value))
    elif isinstance(value, str):
        dump_string(value, out)
    elif isinstance(value, list):
        out.append("[")
        first = True
        for item in value:
            if not first:
                out.append(",")
            first = False
            dump(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        first = True
        for key, item in value.items():
            if not first:
                out.append(",")
            first = False
            dump_string(key, out)
            out.append(":")
            dump(item, out)
        out.append("}")
    else:
        raise TypeError("cannot serialize " + type(value).__name__)


def dumps(value):
    out = []
    dump(value, out)
    return "".join(out)


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_ws(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        self.pos = pos

    def expect(self, ch):
        if self.text[self.pos] != ch:
            raise ParseError(f"expected {ch!r} at {self.pos}")
        self.pos += 1

    def parse(self):
        value = self.value()
        self.skip_ws()
        if self.pos != len(self.text):
            raise ParseError("trailing data at " + str(self.pos))
        return value

    def value(self):
        self.skip_ws()
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if ch == "n" and self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        if ch == "t" and self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if ch == "f" and self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        return self.number()

    def obj(self):
        self.expect("{")
        result = {}
        self.skip_ws()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_ws()
            key = self.string()
            self.skip_ws()
            self.expect(":")
            result[key] = self.value()
            self.skip_ws()
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.expect("}")
            return result

    def arr(self):
        self.expect("[")
        result = []
        self.skip_ws()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_ws()
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.expect("]")
            return result

    def string(self):
        self.expect('"')
        text = self.text
        parts = []
        start = self.pos
        while True:
            ch = text[self.pos]
            if ch == '"':
                parts.append(text[start:self.pos])
                self.pos += 1
                return "".join(parts)
            if ch == "\\":
                parts.append(text[start:self.pos])
                esc = text[self.pos + 1]
                if esc == "u":
                    parts.append(chr(int(text[self.pos + 2:self.pos + 6], 16)))
                    self.pos += 6
                else:
                    parts.append(UNESCAPES[esc])
                    self.pos += 2
                start = self.pos
            else:
                self.pos += 1

    def number(self):
        text = self.text
        start = self.pos
        pos = start
        is_float = False
        while pos < len(text) and text[pos] in "0123456789+-.eE":
            if text[pos] in ".eE":
                is_float = True
            pos += 1
        if pos == start:
            raise ParseError("unexpected character at " + str(start))
        self.pos = pos
        if is_float:
            return float(text[start:pos])
        return int(text[start:pos])


def make_document(seed, depth):
    state = [seed]

    def rnd(bound):
        state[0] = (state[0] * 1103515245 + 12345) & 0x7FFFFFFF
        return (state[0] >> 8) % bound

    def build(level):
        kind = rnd(8) if level < depth else rnd(5)
        if kind == 0:
            return rnd(100000) - 50000
        if kind == 1:
            return (rnd(2000000) - 1000000) / 64.0
        if kind == 2:
            return "item-" + str(rnd(1000)) + ["", "\n", "\t\"q\"", "\\path", "\x01"][rnd(5)]
        if kind == 3:
            return [None, True, False][rnd(3)]
        if kind == 4:
            return "".join(chr(97 + rnd(26)) for _ in range(rnd(12)))
        if kind < 7:
            return [build(level + 1) for _ in range(rnd(6))]
        return {"k" + str(i) + "_" + str(rnd(50)): build(level + 1) for i in range(rnd(6))}

    return {"id": seed, "payload": [build(0) for _ in range(20)], "meta": {"name": "doc" + str(seed)}}


def fingerprint(value):
    if isinstance(value, dict):
        h = 7
        for k, v in value.items():
            h = (h * 31 + len(k) * 17 + fingerprint(v)) % 1000000007
        return h
    if isinstance(value, list):
        h = 3
        for v in value:
            h = (h * 37 + fingerprint(v)) % 1000000007
        return h
    if isinstance(value, str):
        h = 5
        for ch in value:
            h = (h * 41 + ord(ch)) % 1000000007
        return h
    if value is None:
        return 11
    if value is True:
        return 13
    if value is False:
        return 17
    if isinstance(value, float):
        return int(value * 64) % 1000000007
    return value % 1000000007


def main(scale):
    checksum = 0
    total_len = 0
    errors = 0
    for i in range(scale):
        doc = make_document(i + 1, 4)
        text = dumps(doc)
        back = Parser(text).parse()
        if back != doc:
            raise ParseError("round trip mismatch for document " + str(i))
        again = dumps(back)
        if again != text:
            raise ParseError("re-serialization differs for document " + str(i))
        total_len += len(text)
        checksum = (checksum * 3 + fingerprint(back)) % 1000000007
        # Malformed input must raise and be caught.
        try:
            Parser(text[: len(text) // 2]).parse()
        except (ParseError, IndexError, KeyError, ValueError):
            errors += 1
    print("total json length", total_len)
    print(f"checksum {checksum} {total_len} {errors}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])

# wordcount: generate pseudo-random text, then count, rank and report words.
# Exercises: str concatenation, str.join/split/lower/upper/strip/replace/startswith/endswith,
# str % and f-string formatting, dict get/setdefault/items, sorted with a key, list of tuples.
import sys

SCALES = {"default": 200, "quick": 40, "check": 1}

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "qua", "th", "an", "er", "ol", "ix"]
PUNCT = [".", ",", ";", "!", "?", ""]


class Rng:
    """A tiny linear congruential generator: deterministic on every runtime."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def make_vocabulary(rng, size):
    words = []
    seen = {}
    while len(words) < size:
        parts = []
        for _ in range(1 + rng.next(3)):
            parts.append(SYLLABLES[rng.next(len(SYLLABLES))])
        w = "".join(parts)
        if w not in seen:
            seen[w] = True
            words.append(w)
    return words


def make_text(rng, vocab, n_lines):
    lines = []
    for _ in range(n_lines):
        line = ""
        for j in range(8 + rng.next(8)):
            # Zipf-ish: square the random draw so low indices are common.
            r = rng.next(1000)
            w = vocab[(r * r) // (1000000 // len(vocab) + 1) % len(vocab)]
            if rng.next(10) == 0:
                w = w.capitalize()
            if j:
                line += " "
            line += w + PUNCT[rng.next(len(PUNCT))]
        lines.append(line)
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for raw in line.split():
            word = raw.strip(".,;!?").lower()
            if not word:
                continue
            counts[word] = counts.get(word, 0) + 1
    return counts


def bigrams(text):
    pairs = {}
    words = text.replace(".", " ").replace(",", " ").replace(";", " ").split()
    for i in range(len(words) - 1):
        key = words[i].lower() + "+" + words[i + 1].lower()
        pairs.setdefault(key, []).append(i)
    return pairs


def report(counts, top):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    out = []
    for rank, (word, n) in enumerate(ranked[:top]):
        out.append("%3d. %-12s %6d" % (rank + 1, word, n))
        out.append(f"{word.upper():>14}|{n:08d}|{len(word):2d}")
    initials = {}
    for word, n in ranked:
        initials[word[0]] = initials.get(word[0], 0) + n
    for letter in sorted(initials):
        out.append(letter + "=" + str(initials[letter]))
    return "\n".join(out)


def main(scale):
    checksum = 0
    for block in range(scale):
        rng = Rng(12345 + block)
        vocab = make_vocabulary(rng, 400)
        text = make_text(rng, vocab, 500)
        counts = count_words(text)
        pairs = bigrams(text)
        rep = report(counts, 25)
        common = [k for k, v in pairs.items() if len(v) > 3]
        ends = sum(1 for w in counts if w.endswith("a") or w.startswith("th"))
        h = 0
        for ch in rep:
            h = (h * 131 + ord(ch)) % 1000000007
        checksum = (checksum + h + len(text) * 7 + len(common) * 13 + ends) % 1000000007
        if block == 0:
            print(rep.split("\n")[0])
            print(len(counts), "distinct words,", len(pairs), "distinct bigrams")
    print("checksum", checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])

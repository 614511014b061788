# re: str subjects with non-ASCII text: positions in code points, Unicode classes and case folding
import re

s = 'naïve café — 日本語 and 𝔘𝔫𝔦'
print(re.findall(r'\w+', s), [m.span() for m in re.finditer(r'\w+', s)])
print(re.search('日本', s), re.search('𝔫', s).span(), re.sub(r'\s+', '_', s))
print(re.split(r'\W+', s), re.match(r'.{6}', s), re.findall(r'[à-ÿ]', s))
print(re.match(r'(?i)ÄÖÜ', 'äöü'), re.match(r'(?i)[à-ÿ]+', 'ÀÉÎ'), re.match(r'(?i)Ω', 'ω'))
print(re.match(r'(?i)\u212a', 'k'), re.match(r'(?i)k', '\u212a'), re.match(r'(?i)µ', 'μ'), re.match(r'(?i)[µ]', 'Μ'))
print(re.match(r'(?i)(.)\1', 'aA'), re.match(r'(?i)(.)\1', 'sſ'), re.match(r'(?i)ǅ', 'ǆ'), re.match(r'(?i)ǅ', 'Ǆ'))
print(re.findall(r'\d', '1٢३໔'), re.findall(r'\s', ' \u00a0\u2028\u3000x'), re.findall(r'\W', 'a_b-c'))
print(re.findall(r'[^\x00-\x7f]', 'aé€𝔘'), re.match('[\U0001d518-\U0001d52b]+', '𝔘𝔫𝔦x'))
print(re.match(r'\u00e9', 'é'), re.match('\\N', 'N') if False else None, re.match(r'\U0001F600', '😀'))
print(re.sub('é', 'e', 'éèé'), re.subn('(?i)É', 'E', 'éÉ'), re.sub('(.)', r'[\1]', '日本'))
print(re.match(r'(\w+)\s(\w+)', 'Grüße Welt').groups(), re.match(r'\bÉ', 'É'), re.search(r'é\b', 'café!'))
m = re.search(r'(?P<word>\w+)$', 'añejo ñu')
print(m, m.span(), m.start('word'), m.groupdict())
print(re.escape('日本.語'), re.fullmatch(r'[\u3040-\u30ff]+', 'ひらがなカタカナ'))
print(re.findall(r'(?i)[ǅ]', 'ǄǅǆDž'), re.findall(r'(?i)σ', 'Σσς'), re.findall(r'(?i)[ς]', 'Σσς'))
print(re.match(r'(?i)[^ǅ]', 'ǆ'), re.match(r'(?i)ﬀ', 'FF'), re.match(r'(?i)ẞ', 'ß'))

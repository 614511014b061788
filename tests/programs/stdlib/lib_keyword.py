# keyword: kwlist, softkwlist, iskeyword, issoftkeyword.
import keyword
print(keyword.kwlist)
print(keyword.softkwlist)
print([keyword.iskeyword(w) for w in ['if', 'match', 'None', 'print', 'async', '', 'IF']])
print([keyword.issoftkeyword(w) for w in ['match', 'case', '_', 'if', 'type']])
print(sorted(keyword.__all__), len(keyword.kwlist))

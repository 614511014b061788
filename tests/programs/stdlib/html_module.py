# html: escape and unescape (named, numeric, invalid and partial character references)
import html, html.entities
print(html.escape('<a href="x">Tom & \'Jerry\'</a>'), html.escape('<"\'>', quote=False))
tests = ['&lt;p&gt; &amp;amp; &quot;q&quot; &#39;s&#x27;', '&copy;2024 &euro; &hearts; &notin; &notit;',
         '&#0; &#13; &#128; &#x81; &#150; &#xD800; &#1114112; &#1; &#xFFFE; &#65;&#x42;&#X43;',
         '&ampx &amp &lt3 &unknown; & &; &#; &#x; &#12345678901234567890;', 'no refs', '&AElig &aacute',
         '&NotEqualTilde; &nbsp;x &ThickSpace;']
for t in tests:
    print(repr(html.unescape(t)))
print(len(html.entities.html5), html.entities.name2codepoint['eacute'], html.entities.codepoint2name[233], html.entities.entitydefs['amp'])

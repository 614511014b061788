# configparser: parsing, interpolation, mapping protocol, writing, converters, the errors
import configparser, io, sys
text = """
[DEFAULT]
base = /srv
debug = no

[paths]
home = %(base)s/home
data: %(home)s/data   ; not a comment without inline prefixes
pct = 100%%
multi = first line
   second line

   third after blank
# a comment
[server]
Port = 8080
ratio = 0.5
enabled = Yes
"""
cp = configparser.ConfigParser()
cp.read_string(text)
print(cp.sections(), cp.options('server'), cp.defaults())
print(cp.get('paths', 'home'), '|', cp.get('paths', 'data'), '|', cp.get('paths', 'pct'), '|', repr(cp.get('paths', 'multi')))
print(cp.getint('server', 'port'), cp.getfloat('server', 'ratio'), cp.getboolean('server', 'enabled'), cp.getboolean('server', 'debug'))
print(cp.get('paths', 'home', raw=True), cp.get('paths', 'home', vars={'base': '/opt'}), cp.get('server', 'nope', fallback='fb'), cp.getint('x', 'y', fallback=-1))
print(cp['server']['port'], cp['paths'].get('missing', 'dflt'), 'port' in cp['server'], 'server' in cp, len(cp), list(cp), list(cp['server']))
print(cp.items('server'), cp.has_option('server', 'base'), cp.has_section('DEFAULT'), cp['server'].getint('port'), cp['server'].name)
print(repr(cp['server']), dict(cp['DEFAULT']))
cp['new'] = {'a': 1, 'b': 'two'}
cp.set('new', 'c', 'x%%y')
cp['server']['port'] = '9090'
del cp['paths']
print(cp.remove_option('new', 'b'), cp.remove_option('new', 'zz'), cp.remove_section('nope'))
out = io.StringIO()
cp.write(out)
print(out.getvalue())
out = io.StringIO()
cp.write(out, space_around_delimiters=False)
print(out.getvalue()[:40])
def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__, '|', e, '|', e.args if not isinstance(e, (TypeError, ValueError, KeyError)) or isinstance(e, configparser.Error) else '')
err(cp.get, 'nosect', 'x')
err(cp.get, 'server', 'nooption')
err(cp.add_section, 'server')
err(cp.add_section, 'DEFAULT')
err(cp.add_section, 5)
err(cp.set, 'server', 'k', 5)
err(cp.set, 'nosect', 'k', 'v')
err(cp.set, 'server', 'k', 'bad % sign')
err(cp.getboolean, 'server', 'port')
err(cp.__getitem__, 'nosect')
err(cp.__delitem__, 'DEFAULT')
c2 = configparser.ConfigParser()
err(c2.read_string, "[a]\nx = 1\n[a]\n")
err(c2.read_string, "[b]\nx = 1\nx = 2\n", source='f.ini')
err(configparser.ConfigParser().read_string, "no header\n")
err(configparser.ConfigParser().read_string, "[s]\n= novalue\nbad line\n")
c3 = configparser.ConfigParser()
c3.read_string("[s]\na = %(b)s\nb = %(a)s\nc = %(zz)s\nd = %z\ne = %(q\n")
for o in 'acde':
    err(c3.get, 's', o)
x = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
x.read_string("[common]\nroot = /r\n[app]\npath = ${common:root}/app\nself = ${path}/x\ncost = $$5\nbad = ${nope:x}\n")
print(x.get('app', 'path'), x.get('app', 'self'), x.get('app', 'cost'))
err(x.get, 'app', 'bad')
raw = configparser.RawConfigParser()
raw.read_string("[r]\nv = %(x)s\n")
print(raw.get('r', 'v'), raw.items('r'))
nv = configparser.ConfigParser(allow_no_value=True, delimiters=('=',), inline_comment_prefixes=(';',), comment_prefixes=('#',), empty_lines_in_values=False, default_section='common')
nv.read_string("[s]\nflag\nkey = value ; comment\nother:thing = 1\n[common]\nz = 0\n")
print(nv.items('s'), nv.get('s', 'flag'), nv.defaults())
s = io.StringIO(); nv.write(s); print(s.getvalue())
cv = configparser.ConfigParser(converters={'list': lambda v: v.split(',')})
cv.read_dict({'s': {'items': 'a,b,c', 'n': 3}})
print(cv.getlist('s', 'items'), cv['s'].getlist('items'), sorted(cv.converters), cv.get('s', 'n'))
d = configparser.ConfigParser(defaults={'k': 'v'}, strict=False)
d.read_string("[a]\nx=1\n[a]\nx=2\n")
print(d.get('a', 'x'), d.get('a', 'k'), configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH)
e = configparser.ParsingError(source='src')
e.append(3, "'bad'")
print(str(e), e.errors)
import os
with open('configparser_module.tmp.ini', 'w') as f:
    f.write('[f]\nk = v\n')
print(configparser.ConfigParser().read(['configparser_module.tmp.ini', 'missing.ini']))
os.remove('configparser_module.tmp.ini')

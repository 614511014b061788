"""platform: what the interpreter and the machine are (Spindle's own implementation of
CPython 3.11's module, for Linux).

What Spindle reports about itself:
  python_implementation()  'Spindle'  (sys.implementation.name is 'spindle')
  python_version()         the Python language version Spindle implements ('3.11.7')
  python_build()           ('spindle <version>', '')  (no build date is recorded)
  python_compiler()        ''  (the Rust compiler's version is not recorded)
  python_branch(), python_revision()  ''
The machine: uname() from os.uname() (the kernel's strings); processor() from `uname -p`
as CPython does; architecture() reads the ELF header of the executable; libc_ver() scans the
executable for the glibc version it was linked against (CPython's fallback method)."""

import collections
import functools
import itertools
import os
import re
import sys

__version__ = '1.0.8'


def python_implementation():
    return 'Spindle'


def python_version():
    return '%d.%d.%d' % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(x) for x in sys.version_info[:3])


def python_build():
    version = '.'.join(str(x) for x in sys.implementation.version)
    return ('spindle ' + version, '')


def python_compiler():
    return ''


def python_branch():
    return ''


def python_revision():
    return ''


def _unknown_as_blank(val):
    return '' if val == 'unknown' else val


_uname_cache = None


def _processor():
    import subprocess
    try:
        out = subprocess.check_output(['uname', '-p'], stderr=subprocess.DEVNULL, text=True)
    except (OSError, subprocess.CalledProcessError):
        return ''
    return _unknown_as_blank(out.strip())


class uname_result(collections.namedtuple("uname_result_base",
                                          "system node release version machine")):
    """(system, node, release, version, machine) plus processor, computed when read."""

    _fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

    @functools.cached_property
    def processor(self):
        return _processor()

    def __iter__(self):
        return itertools.chain(super().__iter__(), (self.processor,))

    @classmethod
    def _make(cls, iterable):
        num_fields = len(cls._fields) - 1
        result = cls.__new__(cls, *itertools.islice(iterable, num_fields))
        if len(result) != num_fields + 1:
            raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
        return result

    def __getitem__(self, key):
        return tuple(self)[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __reduce__(self):
        return uname_result, tuple(self)[:len(self._fields) - 1]


def uname():
    """(system, node, release, version, machine, processor) of this machine."""
    global _uname_cache
    if _uname_cache is None:
        system, node, release, version, machine = os.uname()
        _uname_cache = uname_result(_unknown_as_blank(system), node, release, version,
                                    machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def system_alias(system, release, version):
    """(system, release, version) with marketing names for some systems (none on Linux)."""
    if system == 'SunOS' and release >= '5':
        l = release.split('.')
        if l:
            try:
                major = int(l[0])
            except ValueError:
                pass
            else:
                l[0] = str(major - 3)
                release = '.'.join(l)
        system = 'Solaris' if release >= '6' else system
    elif system in ('win32', 'win16'):
        system = 'Windows'
    return system, release, version


def architecture(executable=sys.executable, bits='', linkage=''):
    """(bits, linkage) of an executable: ('64bit', 'ELF') for a 64-bit ELF file."""
    if not bits:
        import struct
        bits = str(struct.calcsize('P') * 8) + 'bit'
    if executable:
        try:
            with open(executable, 'rb') as f:
                head = f.read(5)
        except OSError:
            head = b''
        if head[:4] == b'\x7fELF':
            linkage = 'ELF'
            if head[4:5] == b'\x01':
                bits = '32bit'
            elif head[4:5] == b'\x02':
                bits = '64bit'
    return bits, linkage


_libc_search = re.compile(rb'(__libc_init)|(GLIBC_([0-9.]+))|(libc(_\w+)?\.so(?:\.(\d[0-9.]*))?)',
                          re.ASCII)


def _comparable_version(version):
    return [int(p) if p.isdigit() else p for p in version.split('.')]


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """(lib, version) of the C library the executable was linked with."""
    if not executable:
        executable = sys.executable
        if not executable:
            return lib, version
    executable = os.path.realpath(executable)
    with open(executable, 'rb') as f:
        binary = f.read(chunksize)
        pos = 0
        while pos < len(binary):
            if b'libc' in binary or b'GLIBC' in binary:
                m = _libc_search.search(binary, pos)
            else:
                m = None
            if not m or m.end() == len(binary):
                chunk = f.read(chunksize)
                if chunk:
                    binary = binary[max(pos, len(binary) - 1000):] + chunk
                    pos = 0
                    continue
                if not m:
                    break
            libcinit, glibc, glibcversion, so, threads, soversion = [
                s.decode('latin1') if s is not None else s for s in m.groups()]
            if libcinit and not lib:
                lib = 'libc'
            elif glibc:
                if lib != 'glibc':
                    lib = 'glibc'
                    version = glibcversion
                elif _comparable_version(glibcversion) > _comparable_version(version):
                    version = glibcversion
            elif so:
                if lib != 'glibc':
                    lib = 'libc'
                    if soversion and (not version or _comparable_version(soversion)
                                      > _comparable_version(version)):
                        version = soversion
                    if threads and version[-len(threads):] != threads:
                        version = version + threads
            pos = m.end()
    return lib, version


def _platform(*args):
    platform = '-'.join(x.strip() for x in filter(len, args))
    platform = platform.replace(' ', '_')
    for c in '/\\:;"()':
        platform = platform.replace(c, '-')
    platform = platform.replace('unknown', '')
    while '--' in platform:
        platform = platform.replace('--', '-')
    while platform[-1] == '-':
        platform = platform[:-1]
    return platform


_platform_cache = {}


def platform(aliased=False, terse=False):
    """One string naming the platform, e.g. 'Linux-6.1.0-x86_64-with-glibc2.36'."""
    result = _platform_cache.get((aliased, terse))
    if result is not None:
        return result
    system, node, release, version, machine, processor = uname()
    if machine == processor:
        processor = ''
    if aliased:
        system, release, version = system_alias(system, release, version)
    if system == 'Linux':
        libcname, libcversion = libc_ver()
        result = _platform(system, release, machine, processor, 'with',
                           libcname + libcversion)
    elif terse:
        result = _platform(system, release)
    else:
        bits, linkage = architecture(sys.executable)
        result = _platform(system, release, machine, processor, bits, linkage)
    _platform_cache[(aliased, terse)] = result
    return result


_os_release_line = re.compile(
    "^(?P<name>[a-zA-Z0-9_]+)=(?P<quote>[\"\']?)(?P<value>.*)(?P=quote)$")
_os_release_unescape = re.compile(r"\\([\\\$\"\'`])")
_os_release_candidates = ("/etc/os-release", "/usr/lib/os-release")
_os_release_cache = None


def _parse_os_release(lines):
    info = {"NAME": "Linux", "ID": "linux", "PRETTY_NAME": "Linux"}
    for line in lines:
        mo = _os_release_line.match(line)
        if mo is not None:
            info[mo.group('name')] = _os_release_unescape.sub(r"\1", mo.group('value'))
    return info


def freedesktop_os_release():
    """The fields of /etc/os-release (or /usr/lib/os-release) as a dict."""
    global _os_release_cache
    if _os_release_cache is None:
        errno = None
        for candidate in _os_release_candidates:
            try:
                with open(candidate, encoding="utf-8") as f:
                    _os_release_cache = _parse_os_release(f)
                break
            except OSError as e:
                errno = e.errno
        else:
            raise OSError(errno, f"Unable to read files {', '.join(_os_release_candidates)}")
    return _os_release_cache.copy()


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo

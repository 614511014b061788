# typing: Protocol/runtime_checkable, NamedTuple, TypedDict, get_type_hints, overload, final, Any, special forms
from typing import *
import typing
class P(Protocol):
    def close(self) -> None: ...
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable), issubclass(F, Closable), Closable.__mro__)
try: isinstance(F(), P)
except TypeError as e: print(e)
try: P()
except TypeError as e: print(e)
class Impl(P):
    pass
print(type(Impl()).__name__)
print(isinstance(3, SupportsInt), isinstance("x", SupportsInt), isinstance(3.5, SupportsFloat), isinstance([], Sized), isinstance(1, SupportsIndex))
class Emp(NamedTuple):
    name: str
    id: int = 3
    def greet(self): return "hi " + self.name
e = Emp("a")
print(e, e.greet(), Emp._fields, Emp._field_defaults, Emp.__annotations__, e._asdict(), e._replace(id=5), Emp.__mro__, isinstance(e, tuple))
E2 = NamedTuple('E2', [('x', int), ('y', str)]); print(E2(1, 'a'), E2.__annotations__)
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e: print(e)
class Movie(TypedDict):
    title: str
    year: int
class M2(Movie, total=False):
    extra: str
m = Movie(title="x", year=1)
print(m, type(m), sorted(Movie.__required_keys__), M2.__optional_keys__, sorted(M2.__required_keys__), Movie.__total__, M2.__annotations__, is_typeddict(Movie), Movie.__mro__ if False else '')
try: isinstance(m, Movie)
except TypeError as e: print(e)
TD = TypedDict('TD', {'a': int, 'b': str}); print(TD(a=1, b='x'), TD.__required_keys__ == {'a', 'b'})
def f(a: int, b: "str" = "x", c: Optional[List[int]] = None) -> Dict[str, int]: pass
print(get_type_hints(f))
class A:
    x: int
    y: "List[str]"
    z: ClassVar[int] = 3
class B(A):
    w: float
print(get_type_hints(B), get_type_hints(A, include_extras=True))
def g(x: Annotated[int, "m"]) -> None: pass
print(get_type_hints(g), get_type_hints(g, include_extras=True))
@overload
def h(x: int) -> int: ...
@overload
def h(x: str) -> str: ...
def h(x): return x
print(h(1), len(get_overloads(h)))
@final
class Fin: pass
print(Fin.__final__, typing.ForwardRef('X'), Any, repr(Any), type(Any), isinstance(1, type) if False else '')
try: isinstance(1, Any)
except TypeError as e: print(e)
class MyAny(Any): pass
print(MyAny.__mro__)
print(Optional["X"], List["int"], typing.Deque[int], typing.DefaultDict[str, int], typing.Counter[str], typing.OrderedDict[str, int], typing.ChainMap[str, int], typing.FrozenSet[int], typing.AbstractSet[int], typing.ContextManager[int], typing.Type)
print(NoReturn, Never if hasattr(typing, 'Never') else '', Self, LiteralString, TypeAlias, ParamSpec('P'), Concatenate, TypeGuard[int], Required[int], NotRequired[int])
print(int | List[int], List[int] | None, Union[int, List[str]] | str)
def deco(fn): return fn
print(no_type_check(deco) is deco, assert_type(5, int), typing.TypeVar('T', bound='Foo').__bound__)
print(typing.IO, typing.TextIO, typing.BinaryIO, typing.Hashable, typing.Sized, typing.ByteString, typing.Reversible[int], typing.Awaitable[int], typing.Coroutine[int, int, int], typing.AsyncIterator[int])
print(typing.__all__[:10])
from dataclasses import dataclass, fields


@dataclass
class WithCV:
    cv: ClassVar[int] = 5
    x: int = 1
    y: "ClassVar[str]" = "s"


print(WithCV(), [f.name for f in fields(WithCV)], WithCV.cv)


class Node:
    pass


T = TypeVar('T')


def first(xs: Sequence[T]) -> T:
    return xs[0]


print(first([3, 4]), get_type_hints(first))

# typing: TypeVar, special aliases, Union/Optional/Callable/Tuple reprs, get_origin/get_args, Generic subclasses, errors
import typing
from typing import *
T = TypeVar('T'); S = TypeVar('S', int, str); U = TypeVar('U', bound=int, covariant=True)
print(T, S, U, repr(T), T.__name__, S.__constraints__, U.__bound__, T.__module__)
print(List, List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, str, None], Union[int], Union[int, int], Optional[Union[int, str]])
print(Callable[[int], str], Callable[..., int], Callable, Tuple[int, ...], Tuple[()], Tuple, Any, Type[int], Set[T], List[T][int], Dict[T, S][str, int])
print(Literal[1, 'a'], Annotated[int, "m"], ClassVar[int], Final[int], Iterable[int], Iterator[str], Generator[int, None, None], Sequence[int], Mapping[str, int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), get_args(Callable[[int], str]), get_origin(Callable[[int], str]), get_args(int), get_origin(Literal[1]), get_args(Annotated[int, 1]))
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], List[int] == List[int], hash(List[int]) == hash(List[int]), List[int].__origin__, List[int].__args__, List[T].__parameters__)
print(isinstance([], List), isinstance({}, Dict), isinstance(1, Union[int, str]), issubclass(list, Sequence), isinstance([], Iterable))
for bad in [lambda: isinstance([], List[int]), lambda: List[int, str], lambda: Dict[int], lambda: Union[()], lambda: Optional[int, str], lambda: Generic[int], lambda: Union[1]]:
    try: bad()
    except TypeError as e: print("TypeError:", e)
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
    def pop(self) -> T: return self.items.pop()
s = Stack[int](); s.push(1); print(s.pop(), Stack[int], Stack.__parameters__, Stack.__orig_bases__, Stack[int].__origin__, type(s), Stack.__mro__)
try: Stack[int, str]
except TypeError as e: print(e)
class Pair(Generic[T, S]): pass
print(Pair[int, str], Pair.__parameters__)
class IntStack(Stack[int]): pass
print(IntStack.__orig_bases__, IntStack.__parameters__, IntStack.__mro__)
class MyList(List[int]): pass
print(MyList.__mro__)
print(cast(int, "x"), cast("int", 1), TYPE_CHECKING, NewType('UserId', int), NewType('UserId', int)(5), Text, AnyStr)
UserId = NewType('UserId', int); print(UserId, UserId.__supertype__, UserId(3) + 1)

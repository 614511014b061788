# Single inheritance, overriding and isinstance.
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says {self.sound}'
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = 'woof'
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + ' (tiny)'
class Cat(Animal):
    sound = 'meow'
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives
for a in [Animal('generic'), Dog('rex'), Puppy('bit'), Cat('tom')]:
    print(a.speak(), a.kind())
c = Cat('felix', 3)
print(c.lives, c.name, vars(c))
print(isinstance(c, Animal), isinstance(c, Dog), issubclass(Puppy, Animal))
print(Puppy.__bases__, Puppy.__base__.__name__)
print(Puppy.__mro__)
print(Dog.__subclasses__())
print(Animal.__name__, Animal.__qualname__, Animal.__module__)

# Uncaught exception in __init__ while constructing nested objects.
class Engine:
    def __init__(self, hp):
        if hp <= 0:
            raise ValueError(f'invalid horsepower: {hp}')
        self.hp = hp
class Car:
    def __init__(self, name, hp):
        self.name = name
        self.engine = Engine(hp)
cars = [Car('a', 100), Car('b', 0)]

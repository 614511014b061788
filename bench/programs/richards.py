# richards: Martin Richards' operating-system task scheduler simulation.
# Exercises: classes with inheritance, virtual method calls (Task.run overridden per kind),
# attribute loads and stores on instances, linked lists of objects, None checks, bit operations.
import sys

SCALES = {"default": 800, "quick": 100, "check": 1}

ID_IDLE = 0
ID_WORKER = 1
ID_HANDLER_A = 2
ID_HANDLER_B = 3
ID_DEVICE_A = 4
ID_DEVICE_B = 5
NUMBER_OF_IDS = 6

KIND_DEVICE = 0
KIND_WORK = 1

DATA_SIZE = 4

STATE_RUNNING = 0
STATE_RUNNABLE = 1
STATE_SUSPENDED = 2
STATE_HELD = 4
STATE_SUSPENDED_RUNNABLE = STATE_SUSPENDED | STATE_RUNNABLE
STATE_NOT_HELD = ~STATE_HELD


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.a1 = 0
        self.a2 = [0] * DATA_SIZE

    def add_to(self, queue):
        self.link = None
        if queue is None:
            return self
        peek = queue
        nxt = peek.link
        while nxt is not None:
            peek = nxt
            nxt = peek.link
        peek.link = self
        return queue


class ControlBlock:
    def __init__(self, link, ident, priority, queue, task):
        self.link = link
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.task = task
        if queue is None:
            self.state = STATE_SUSPENDED
        else:
            self.state = STATE_SUSPENDED_RUNNABLE

    def set_running(self):
        self.state = STATE_RUNNING

    def mark_not_held(self):
        self.state = self.state & STATE_NOT_HELD

    def mark_held(self):
        self.state = self.state | STATE_HELD

    def is_held_or_suspended(self):
        return (self.state & STATE_HELD) != 0 or self.state == STATE_SUSPENDED

    def mark_suspended(self):
        self.state = self.state | STATE_SUSPENDED

    def mark_runnable(self):
        self.state = self.state | STATE_RUNNABLE

    def run(self):
        if self.state == STATE_SUSPENDED_RUNNABLE:
            packet = self.queue
            self.queue = packet.link
            if self.queue is None:
                self.state = STATE_RUNNING
            else:
                self.state = STATE_RUNNABLE
        else:
            packet = None
        return self.task.run(packet)

    def check_priority_add(self, task, packet):
        if self.queue is None:
            self.queue = packet
            self.mark_runnable()
            if self.priority > task.priority:
                return self
        else:
            self.queue = packet.add_to(self.queue)
        return task


class Scheduler:
    def __init__(self):
        self.queue_count = 0
        self.hold_count = 0
        self.blocks = [None] * NUMBER_OF_IDS
        self.list = None
        self.current = None
        self.current_id = None

    def add_task(self, ident, priority, queue, task):
        self.current = ControlBlock(self.list, ident, priority, queue, task)
        self.list = self.current
        self.blocks[ident] = self.current

    def add_running_task(self, ident, priority, queue, task):
        self.add_task(ident, priority, queue, task)
        self.current.set_running()

    def schedule(self):
        self.current = self.list
        while self.current is not None:
            if self.current.is_held_or_suspended():
                self.current = self.current.link
            else:
                self.current_id = self.current.ident
                self.current = self.current.run()

    def release(self, ident):
        block = self.blocks[ident]
        if block is None:
            return block
        block.mark_not_held()
        if block.priority > self.current.priority:
            return block
        return self.current

    def hold_current(self):
        self.hold_count += 1
        self.current.mark_held()
        return self.current.link

    def suspend_current(self):
        self.current.mark_suspended()
        return self.current

    def queue(self, packet):
        target = self.blocks[packet.ident]
        if target is None:
            return target
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current_id
        return target.check_priority_add(self.current, packet)


class Task:
    def __init__(self, scheduler):
        self.scheduler = scheduler

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, v1, count):
        Task.__init__(self, scheduler)
        self.v1 = v1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if (self.v1 & 1) == 0:
            self.v1 = self.v1 >> 1
            return self.scheduler.release(ID_DEVICE_A)
        self.v1 = (self.v1 >> 1) ^ 0xD008
        return self.scheduler.release(ID_DEVICE_B)


class DeviceTask(Task):
    def __init__(self, scheduler):
        super().__init__(scheduler)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.suspend_current()
            p = self.pending
            self.pending = None
            return self.scheduler.queue(p)
        self.pending = packet
        return self.scheduler.hold_current()


class WorkerTask(Task):
    def __init__(self, scheduler, v1, v2):
        super().__init__(scheduler)
        self.v1 = v1
        self.v2 = v2

    def run(self, packet):
        if packet is None:
            return self.scheduler.suspend_current()
        if self.v1 == ID_HANDLER_A:
            self.v1 = ID_HANDLER_B
        else:
            self.v1 = ID_HANDLER_A
        packet.ident = self.v1
        packet.a1 = 0
        for i in range(DATA_SIZE):
            self.v2 += 1
            if self.v2 > 26:
                self.v2 = 1
            packet.a2[i] = self.v2
        return self.scheduler.queue(packet)


class HandlerTask(Task):
    def __init__(self, scheduler):
        super().__init__(scheduler)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.add_to(self.work)
            else:
                self.devices = packet.add_to(self.devices)
        if self.work is not None:
            count = self.work.a1
            if count < DATA_SIZE:
                if self.devices is not None:
                    v = self.devices
                    self.devices = self.devices.link
                    v.a1 = self.work.a2[count]
                    self.work.a1 = count + 1
                    return self.scheduler.queue(v)
            else:
                v = self.work
                self.work = self.work.link
                return self.scheduler.queue(v)
        return self.scheduler.suspend_current()


def run_once(count):
    s = Scheduler()
    s.add_running_task(ID_IDLE, 0, None, IdleTask(s, 1, count))

    queue = Packet(None, ID_WORKER, KIND_WORK)
    queue = Packet(queue, ID_WORKER, KIND_WORK)
    s.add_task(ID_WORKER, 1000, queue, WorkerTask(s, ID_HANDLER_A, 0))

    queue = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    s.add_task(ID_HANDLER_A, 2000, queue, HandlerTask(s))

    queue = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    s.add_task(ID_HANDLER_B, 3000, queue, HandlerTask(s))

    s.add_task(ID_DEVICE_A, 4000, None, DeviceTask(s))
    s.add_task(ID_DEVICE_B, 5000, None, DeviceTask(s))

    s.schedule()
    return s.queue_count, s.hold_count


def main(scale):
    total_queue = 0
    total_hold = 0
    for i in range(scale):
        # Vary the idle count a little per iteration so every run does distinct work.
        q, h = run_once(1000 + (i % 7) * 10)
        if i == 0:
            print(f"queue_count {q} hold_count {h}")
        total_queue += q
        total_hold += h
    print(f"checksum {total_queue} {total_hold}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SCALES["default"])

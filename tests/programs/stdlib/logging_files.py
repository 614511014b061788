# logging: basicConfig to a file, RotatingFileHandler, QueueHandler/QueueListener, MemoryHandler
import logging, logging.handlers, os, queue, sys
path = 'logging_files.tmp.log'
logging.basicConfig(filename=path, filemode='w', level=logging.INFO, format='%(levelname)s:%(name)s:%(message)s')
logging.info("to file"); logging.debug("skipped"); logging.getLogger("m").warning("warn %d", 3)
for h in logging.root.handlers: h.flush()
print(open(path).read(), end='')
print(logging.root.handlers[0].__class__.__name__, logging.root.handlers[0].baseFilename.endswith(path), logging.root.level)
logging.shutdown(); os.remove(path)
lg = logging.getLogger("rot"); lg.propagate = False
rh = logging.handlers.RotatingFileHandler('logging_rot.tmp.log', maxBytes=40, backupCount=2)
lg.addHandler(rh)
for i in range(6): lg.warning("message number %d", i)
rh.close()
for name in ['logging_rot.tmp.log', 'logging_rot.tmp.log.1', 'logging_rot.tmp.log.2']:
    print(name, repr(open(name).read())); os.remove(name)
print(os.path.exists('logging_rot.tmp.log.3'))
q = queue.Queue(); qh = logging.handlers.QueueHandler(q)
ql = logging.getLogger("q"); ql.propagate = False; ql.addHandler(qh); ql.error("queued %s", "x")
r = q.get_nowait(); print(r.msg, r.args, r.levelname)
out = logging.StreamHandler(sys.stdout); out.setFormatter(logging.Formatter("L:%(message)s"))
listener = logging.handlers.QueueListener(q, out); listener.start(); ql.error("via listener"); listener.stop()
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=out)
ml = logging.getLogger("mem"); ml.propagate = False; ml.addHandler(mh)
ml.warning("a"); ml.warning("b"); print("buffered", len(mh.buffer)); ml.error("c"); print("after", len(mh.buffer))

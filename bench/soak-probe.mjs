// Loaded into the cosell process by bench/soak.mjs (`node --import <this file>`), never by
// cosell itself: answers the benchmark's questions over the IPC channel the benchmark opened.
// cosell has no memory endpoint, so this is how the benchmark reads the V8 heap.
//   {type:'memory', gc:true} → process.memoryUsage() after a full collection (needs --expose-gc)
//   {type:'snapshot', file}   → writes a heap snapshot (v8.writeHeapSnapshot) and answers its path
import v8 from 'node:v8';

if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message?.type === 'memory') {
      const gcExposed = typeof globalThis.gc === 'function';
      if (message.gc && gcExposed) globalThis.gc();
      const heap = v8.getHeapStatistics();
      process.send({
        type: 'memory',
        id: message.id,
        gcExposed,
        execArgv: process.execArgv,
        memory: process.memoryUsage(),
        mallocedBytes: heap.malloced_memory,
        externalBytes: heap.external_memory,
      });
    } else if (message?.type === 'snapshot') {
      const file = v8.writeHeapSnapshot(message.file);
      process.send({ type: 'snapshot', id: message.id, file });
    }
  });
  // The channel must not keep cosell alive: it stops on SIGTERM as it would without us.
  process.channel?.unref();
}

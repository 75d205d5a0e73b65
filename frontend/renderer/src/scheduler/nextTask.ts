// How the callback queue waits for the next task in the browser. Chained callbacks schedule the queue
// from inside the task that ran the previous link, and browsers clamp such nested `setTimeout(0)` to
// 4 ms from the fifth level on, so a 20-link clientside chain would spend ~80 ms asleep. A posted
// message is a fresh task with no clamp, still after the current task and its microtasks (so
// same-tick `setProps` calls are merged), and the browser may paint between two tasks.

export type Defer = (task: () => void) => void;

interface Channel {
  port1: { onmessage: ((event: unknown) => void) | null; unref?: () => void };
  port2: { postMessage(message: unknown): void; unref?: () => void };
}

/**
 * A `defer` that runs tasks in order, each in a task of its own, through a MessageChannel; plain
 * `setTimeout(task, 0)` where the environment has no MessageChannel.
 */
export function nextTaskDefer(): Defer {
  const Ctor = (globalThis as { MessageChannel?: new () => Channel }).MessageChannel;
  if (typeof Ctor !== "function") return (task) => setTimeout(task, 0);
  const channel = new Ctor();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => {
    const task = waiting.shift();
    if (task) task();
  };
  // Node only: an idle channel must not keep the process alive (browsers have no unref).
  if (channel.port1.unref) channel.port1.unref();
  if (channel.port2.unref) channel.port2.unref();
  return (task) => {
    waiting.push(task);
    channel.port2.postMessage(null);
  };
}

// Entry of the factorization worker: loads the wasm kernels, then hands every message to the
// Session. Thin on purpose: dispatch only.
import type { FromWorker, ToWorker } from '../shared/protocol.js';
import { loadEngine, threadMode } from './engine.js';
import { Session } from './session.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker, transfer: Transferable[] = []): void => scope.postMessage(msg, transfer);

// A MessageChannel task runs after messages already queued, without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const soon: (() => void)[] = [];
channel.port1.onmessage = () => soon.shift()?.();
function schedule(ms: number, fn: () => void): void {
  if (ms > 0) {
    setTimeout(fn, ms);
  } else {
    soon.push(fn);
    channel.port2.postMessage(null);
  }
}

// Messages that arrive while the wasm compiles wait here, in order.
const queue: ToWorker[] = [];
let session: Session | null = null;
scope.onmessage = (e: MessageEvent<ToWorker>) => (session ? session.handle(e.data) : queue.push(e.data));

async function start(): Promise<void> {
  const mode = threadMode(scope);
  const engine = await loadEngine(mode.threads);
  const s = new Session(engine, { now: () => performance.now(), schedule, post });
  session = s;
  post({ type: 'hello', threads: engine.threads, isolated: mode.isolated });
  for (const msg of queue.splice(0)) s.handle(msg);
}

// A failed start must reach the page as an error event (a rejected promise would not).
start().catch((e: unknown) =>
  setTimeout(() => {
    throw e;
  }),
);

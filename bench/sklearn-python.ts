// The scikit-learn side of bench/sklearn.ts as a child process: bench/sklearn_nmf.py under
// Debian's python3, spoken to in JSON lines (one request, one reply, in order).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** Debian's python, where python3-sklearn installs (not pyenv's python3 first on PATH). */
export const DEFAULT_PYTHON = '/usr/bin/python3';
/** The server script, next to this file. */
export const SERVER_SCRIPT = new URL('./sklearn_nmf.py', import.meta.url).pathname;
const INSTALL_HINT = 'Debian: apt-get install -y python3-sklearn';

/** One BLAS or OpenMP pool as threadpoolctl reports it. */
export interface Pool {
  internal_api: string;
  /** Library name, e.g. libopenblas, libgomp. */
  prefix: string;
  version: string | null;
  num_threads: number;
  architecture?: string | null;
  threading_layer?: string | null;
}

/** What the python side runs on. */
export interface PythonVersions {
  python: string;
  executable: string;
  sklearn: string;
  numpy: string;
  scipy: string;
  /** Whether threadpoolctl was there to limit (and report) the thread pools. */
  threadpoolctl: boolean;
  pools: Pool[];
}

/** sklearn's solvers compared: `cd` (coordinate descent = HALS), `mu`, and `mu-kl` (mu on the KL divergence). */
export type SkSolver = 'cd' | 'mu' | 'mu-kl';
/** 'custom' = the W0, H0 handed over; 'nndsvda' = sklearn's own. */
export type SkInit = 'custom' | 'nndsvda';

/** sklearn's errors iteration by iteration, from chained max_iter=1 fits. */
export interface SkTrajectory {
  /** ‖V−WH‖_F/‖V‖_F after each iteration (index 0 = iteration 1). */
  relErrors: number[];
  /** Wall time of the whole chain of max_iter=1 fits (informational: it includes a check and an error per call). */
  chainSeconds: number;
  /** For nndsvda: the relative error of sklearn's start (null if its private helper moved). */
  initRelError?: number | null;
}

/** The wall time of sklearn's fresh fits with one max_iter. */
export interface SkTiming {
  /** Fastest wall time of one fresh fit_transform with max_iter = N. */
  seconds: number;
  /** Fastest CPU time (python's time.process_time) of the same fits. */
  cpuSeconds: number;
  allSeconds: number[];
  relError: number;
  /** Its error equals the trajectory's after N iterations bit for bit. */
  matchesTrajectory: boolean;
}

/** A running bench/sklearn_nmf.py. */
export class SklearnProcess {
  private readonly lines: AsyncIterator<string>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly versions: PythonVersions,
    lines: AsyncIterator<string>,
  ) {
    this.lines = lines;
  }

  /**
   * Starts the server under `python` with its BLAS on `blasThreads` threads; resolves to the
   * process, or to the reason it cannot run (python missing, sklearn not importable), worded as
   * the bench's "skipped: …" line.
   */
  static async start(python = DEFAULT_PYTHON, script = SERVER_SCRIPT, blasThreads = 1): Promise<SklearnProcess | { skip: string }> {
    if (!existsSync(python)) return { skip: `skipped: ${python} not found, so scikit-learn cannot run (${INSTALL_HINT})` };
    const t = String(blasThreads);
    const child = spawn(python, [script], {
      env: { ...process.env, OPENBLAS_NUM_THREADS: t, OMP_NUM_THREADS: t, MKL_NUM_THREADS: t },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const failed = new Promise<string>((resolve) => child.on('error', (e) => resolve(e.message)));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await Promise.race([lines.next(), failed]);
    if (typeof first === 'string') return { skip: `skipped: cannot start ${python}: ${first}` };
    if (first.done) {
      await closed; // stderr fully read
      return { skip: `skipped: ${python} ${script} exited before answering: ${lastLine(stderr) || 'no message'}` };
    }
    const hello = parseReply<{ ready?: PythonVersions; skip?: string }>(first.value, 'its first line');
    if (hello.skip !== undefined) {
      child.stdin.end();
      return { skip: `skipped: scikit-learn is not available: ${hello.skip}` };
    }
    return new SklearnProcess(child, hello.ready!, lines);
  }

  /** Sends one command and waits for its reply; throws with python's message on an error. */
  async request<T>(cmd: Record<string, unknown>): Promise<T> {
    this.child.stdin.write(`${JSON.stringify(cmd)}\n`);
    const next = await this.lines.next();
    if (next.done) throw new Error(`sklearn_nmf.py exited during ${String(cmd.cmd)}`);
    const reply = parseReply<{ ok?: T; error?: string }>(next.value, String(cmd.cmd));
    if (reply.error !== undefined) throw new Error(`sklearn_nmf.py ${String(cmd.cmd)}: ${reply.error}`);
    return reply.ok as T;
  }

  /** Reads V.f64 (m×n), W0.f64 (m×k), H0.f64 (k×n) from `dir`; returns ‖V‖_F and W0, H0's relative error. */
  load(dir: string, m: number, n: number, k: number): Promise<{ normV: number; initRelError: number }> {
    return this.request({ cmd: 'load', dir, m, n, k });
  }

  /** sklearn's relative error after each of `iterations` iterations (on Vᵀ when `transpose`). */
  trajectory(solver: SkSolver, init: SkInit, iterations: number, transpose = false): Promise<SkTrajectory> {
    return this.request({ cmd: 'trajectory', solver, init, iterations, transpose });
  }

  /** Wall and CPU time of one fresh fit with max_iter = maxIter, the fastest of `repeats`. */
  time(solver: SkSolver, init: SkInit, maxIter: number, repeats: number): Promise<SkTiming> {
    return this.request({ cmd: 'time', solver, init, maxIter, repeats });
  }

  /** Asks the server to quit and waits for it to exit. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end(`${JSON.stringify({ cmd: 'quit' })}\n`);
    await exited;
  }
}

function parseReply<T>(line: string, during: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`sklearn_nmf.py printed something other than JSON (${during}): ${line.slice(0, 200)}`);
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

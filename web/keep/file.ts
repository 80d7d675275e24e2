// Save session / Open session: one JSON file with the data (inline text as text, generators as
// their specs), the options, the view and every view's settings, the run's W, H and history, and
// the app's version. Reading checks every field (the link table's ranges and messages) and names
// the first one that is wrong: "session.json: field options.rank: 0 (expected …)". Pure.
import type { DataSpec } from '../../src/data/spec.js';
import { SPEC_KINDS, specProblem, specShape } from '../../src/data/spec.js';
import type { Stop, StopReason } from '../../src/driver/factorization.js';
import type { RunOptions } from '../../src/driver/options.js';
import { solverInfo } from '../../src/solvers/registry.js';
import { enumField } from '../../src/share/field.js';
import { FIELDS } from '../../src/share/table.js';
import { formatBytes } from '../components/ExportPanel/bytes.js';
import { booleanAt, FieldProblem, floatAt, floatJson, floatsAt, integerAt, numberAt, objectAt, stringAt, textAt } from './jsonRead.js';
import type { KeptRun, SessionRecord } from './record.js';

/** The `format` field of a session file. */
export const SESSION_FORMAT = 'nmf-playground-session';
/** Version of the file's layout: a file of a higher one is read as far as this app can, with a note. */
export const SESSION_FILE_VERSION = 1;
/** Largest session file opened (checked before it is read). */
export const MAX_SESSION_BYTES = 100_000_000;
/** The name Save session gives its file. */
export const SESSION_FILE_NAME = 'session.json';

const SPEC_KIND = enumField('kind', 'dataset kind', SPEC_KINDS, 'example');
const STOP_REASONS: readonly StopReason[] = ['max-iter', 'tolerance', 'target', 'diverged'];
const MAX_TEXT = 1_000_000_000;

/** Why a file of `bytes` bytes is not even read, or null. */
export function sessionSizeProblem(fileName: string, bytes: number): string | null {
  return bytes > MAX_SESSION_BYTES
    ? `${fileName} is ${formatBytes(bytes)}: a session file may be at most ${formatBytes(MAX_SESSION_BYTES)}.`
    : null;
}

/** The file of `r`: one JSON object, a top-level field per line. */
export function sessionFileText(r: SessionRecord): string {
  const run = r.run && {
    iteration: r.run.iteration,
    initialRelError: floatJson(r.run.initialRelError),
    objective: floatJson(r.run.objective),
    stop: r.run.stop,
    history: r.run.history.map(floatJson),
    W: { rows: r.run.m, cols: r.run.k, data: Array.from(r.run.W, floatJson) },
    H: { rows: r.run.k, cols: r.run.n, data: Array.from(r.run.H, floatJson) },
    ...(r.run.solverState ? { solverState: Array.from(r.run.solverState, floatJson) } : {}),
  };
  const fields: [string, unknown][] = [
    ['format', SESSION_FORMAT],
    ['version', SESSION_FILE_VERSION],
    ['app', r.app],
    ['savedAt', new Date(r.savedAt).toISOString()],
    ['name', r.name],
    ['data', r.data],
    ['options', r.options],
    ['speed', r.speed],
    ['view', r.view],
    ['views', r.views],
    ['run', run],
  ];
  return `{\n${fields.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
}

/** A session file read: the record (with notes on what it could not use), or the one problem that stops it. */
export type SessionRead =
  | { readonly ok: true; readonly record: SessionRecord; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** The session in `text` (a file named `fileName`); never throws. `hash` is what the record keeps as its page address. */
export function readSessionFile(text: string, fileName: string, hash = ''): SessionRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${fileName}: not a session file: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== SESSION_FORMAT) {
    return { ok: false, message: `${fileName}: not an NMF Playground session file (its "format" is not "${SESSION_FORMAT}").` };
  }
  try {
    const f = json as Record<string, unknown>;
    const notes: string[] = [];
    const version = integerAt(f.version, 'version', 1, Number.MAX_SAFE_INTEGER);
    if (version > SESSION_FILE_VERSION) {
      notes.push(
        `${fileName} was saved by a newer version of NMF Playground (session version ${version}; this app reads up to ${SESSION_FILE_VERSION}): what this version knows of it was opened.`,
      );
    }
    const options = readOptions(f.options);
    const data = readData(f.data);
    const record: SessionRecord = {
      app: textAt(f.app, 'app', 100),
      savedAt: readDate(f.savedAt),
      hash,
      name: textAt(f.name, 'name', 1000),
      data,
      options,
      speed: f.speed === null ? null : numberAt(f.speed, 'speed', FIELDS.speed),
      view: stringAt(f.view, 'view', FIELDS.view),
      views: readViews(f.views),
      run: f.run === null ? null : readRun(f.run, options, data),
    };
    return { ok: true, record, notes };
  } catch (e) {
    if (e instanceof FieldProblem) return { ok: false, message: `${fileName}: ${e.message}.` };
    throw e;
  }
}

function readDate(v: unknown): number {
  const t = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  if (!Number.isFinite(t)) throw new FieldProblem('savedAt', `${JSON.stringify(v) ?? 'missing'} (expected a date and time)`);
  return t;
}

function readOptions(v: unknown): RunOptions {
  const o = objectAt(v, 'options');
  const p = objectAt(o.params, 'options.params');
  return {
    algorithm: stringAt(o.algorithm, 'options.algorithm', FIELDS.alg),
    rank: numberAt(o.rank, 'options.rank', FIELDS.rank),
    init: stringAt(o.init, 'options.init', FIELDS.init),
    seed: numberAt(o.seed, 'options.seed', FIELDS.seed),
    maxIter: numberAt(o.maxIter, 'options.maxIter', FIELDS.maxIter),
    tol: numberAt(o.tol, 'options.tol', FIELDS.tol),
    target: numberAt(o.target, 'options.target', FIELDS.target),
    params: {
      epsilon: numberAt(p.epsilon, 'options.params.epsilon', FIELDS.eps),
      learningRate: numberAt(p.learningRate, 'options.params.learningRate', FIELDS.lr),
      l2: numberAt(p.l2, 'options.params.l2', FIELDS.l2),
      project: booleanAt(p.project, 'options.params.project'),
      // absent in files written before anls's extrapolation (those runs did not extrapolate): off
      extrapolate: p.extrapolate === undefined ? false : booleanAt(p.extrapolate, 'options.params.extrapolate'),
    },
    // absent in files written before the float32 mode: float64
    ...(o.precision === undefined
      ? {}
      : stringAt(o.precision, 'options.precision', FIELDS.prec) === 'float32'
        ? { precision: 'float32' as const }
        : {}),
  };
}

function readData(v: unknown): DataSpec {
  const d = objectAt(v, 'data');
  const kind = stringAt(d.kind, 'data.kind', SPEC_KIND);
  const shape = () => ({
    rows: numberAt(d.rows, 'data.rows', FIELDS.rows),
    cols: numberAt(d.cols, 'data.cols', FIELDS.cols),
    seed: numberAt(d.seed, 'data.seed', FIELDS.dseed),
  });
  let spec: DataSpec;
  switch (kind) {
    case 'example':
      spec = { kind, id: stringAt(d.id, 'data.id', FIELDS.example) };
      break;
    case 'inline':
      spec = { kind, text: textAt(d.text, 'data.text', MAX_TEXT), fileName: stringAt(d.fileName, 'data.fileName', FIELDS.name) };
      break;
    case 'lowrank':
      spec = { kind, ...shape(), rank: numberAt(d.rank, 'data.rank', FIELDS.prank), noise: numberAt(d.noise, 'data.noise', FIELDS.noise) };
      break;
    case 'uniform':
      spec = { kind, ...shape() };
      break;
    case 'ratings':
      spec = {
        kind,
        ...shape(),
        rank: numberAt(d.rank, 'data.rank', FIELDS.prank),
        density: numberAt(d.density, 'data.density', FIELDS.density),
      };
      break;
  }
  const why = specProblem(spec);
  if (why) throw new FieldProblem('data', why);
  return spec;
}

function readViews(v: unknown): SessionRecord['views'] {
  const out: Record<string, Record<string, string>> = {};
  for (const [view, texts] of Object.entries(objectAt(v, 'views'))) {
    const t = objectAt(texts, `views.${view}`);
    out[view] = {};
    for (const [name, text] of Object.entries(t)) out[view][name] = textAt(text, `views.${view}.${name}`, 10_000);
  }
  return out;
}

/**
 * The kept run: W (m×k) and H (k×n) with k = options.rank, itself at most min(m, n); their entries
 * non-negative unless the solver lets them go below 0 (gd, sgd without projection).
 */
function readRun(v: unknown, options: RunOptions, data: DataSpec): KeptRun {
  const r = objectAt(v, 'run');
  const iteration = numberAt(r.iteration, 'run.iteration', FIELDS.iter);
  const W = objectAt(r.W, 'run.W');
  const H = objectAt(r.H, 'run.H');
  const m = numberAt(W.rows, 'run.W.rows', FIELDS.rows);
  const n = numberAt(H.cols, 'run.H.cols', FIELDS.cols);
  // A generated matrix's or an example's shape is known here; a file's only once it is read (the worker checks that).
  const shape = specShape(data);
  if (shape) {
    const [rowsIn, colsIn] = data.kind === 'example' ? [`the example ${data.id}`, `the example ${data.id}`] : ['data.rows', 'data.cols'];
    if (m !== shape.rows) throw new FieldProblem('run.W.rows', `${m} (expected ${shape.rows}, the rows in ${rowsIn})`);
    if (n !== shape.cols) throw new FieldProblem('run.H.cols', `${n} (expected ${shape.cols}, the columns in ${colsIn})`);
  }
  const k = options.rank;
  if (k > Math.min(m, n)) {
    throw new FieldProblem(
      'options.rank',
      `${k} (expected a whole number from 1 to ${Math.min(m, n)}, the most a ${m}×${n} matrix allows)`,
    );
  }
  if (W.cols !== k)
    throw new FieldProblem('run.W.cols', `${JSON.stringify(W.cols) ?? 'missing'} (expected ${k}, the rank in options.rank)`);
  if (H.rows !== k)
    throw new FieldProblem('run.H.rows', `${JSON.stringify(H.rows) ?? 'missing'} (expected ${k}, the rank in options.rank)`);
  if (!Array.isArray(r.history)) throw new FieldProblem('run.history', `expected a list of ${iteration} numbers`);
  const Wd = floatsAt(W.data, 'run.W.data', m * k);
  const Hd = floatsAt(H.data, 'run.H.data', k * n);
  const keeps = nonNegativeBy(options);
  if (keeps) {
    checkNonNegative(Wd, 'run.W.data', k, keeps);
    checkNonNegative(Hd, 'run.H.data', n, keeps);
  }
  return {
    m,
    k,
    n,
    W: Wd,
    H: Hd,
    iteration,
    history: Array.from(floatsAt(r.history, 'run.history', iteration)),
    initialRelError: floatAt(r.initialRelError, 'run.initialRelError'),
    objective: floatAt(r.objective, 'run.objective'),
    stop: r.stop === null ? null : readStop(r.stop),
    // the extrapolation's state (anls): 4 counters, then Wy (m×k) and the plain H (k×n)
    ...(r.solverState === undefined ? {} : { solverState: floatsAt(r.solverState, 'run.solverState', 4 + m * k + k * n) }),
  };
}

/** Why W and H of a run with `o` are non-negative ("mu keeps W and H non-negative"), or null when they need not be. */
function nonNegativeBy(o: RunOptions): string | null {
  const projects = solverInfo(o.algorithm).params.includes('project');
  if (!projects) return `${o.algorithm} keeps W and H non-negative`;
  return o.params.project ? `${o.algorithm} keeps W and H non-negative while it projects` : null;
}

/** FieldProblem at the first entry below 0 of a row-major matrix of `cols` columns (NaN, of a diverged run, passes). */
function checkNonNegative(x: Float64Array, path: string, cols: number, why: string): void {
  for (let t = 0; t < x.length; t++) {
    if (x[t] < 0) {
      const at = `row ${Math.floor(t / cols) + 1}, column ${(t % cols) + 1}`;
      throw new FieldProblem(`${path}[${t}]`, `${x[t]} at ${at} (expected a number ≥ 0: ${why})`);
    }
  }
}

function readStop(v: unknown): Stop {
  const s = objectAt(v, 'run.stop');
  const reason = stringAt(s.reason, 'run.stop.reason', enumField('reason', 'stop reason', STOP_REASONS, 'max-iter'));
  return {
    reason,
    iteration: numberAt(s.iteration, 'run.stop.iteration', FIELDS.iter),
    message: textAt(s.message, 'run.stop.message', 1000),
  };
}

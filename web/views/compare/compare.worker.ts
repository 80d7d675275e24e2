// Entry of the Compare algorithms worker: makes the matrix, races the algorithms in slices and
// posts each slice's new points; a pause holds the race between slices until resume.
import { loadProblem } from '../../../src/core/problem.js';
import { makeData } from '../../../src/data/spec.js';
import { serveJobs } from '../../worker/jobHost.js';
import { SLICE_MS } from '../../worker/pace.js';
import type { CompareControl, CompareEvent, CompareRequest } from './protocol.js';
import { Race } from './race.js';

/** While paused, the controls are looked at this often (ms). */
const PAUSED_POLL_MS = 50;

serveJobs<CompareRequest, CompareControl, CompareEvent>(async (request, ctx) => {
  const problem = loadProblem(ctx.engine, makeData(request.spec));
  const race = new Race(ctx.engine, problem, request.options, request.algorithms, ctx.now);
  ctx.post({ rows: race.takeUpdates(), done: race.done });
  let paused = false;
  while (!race.done) {
    for (const c of ctx.takeControls()) paused = c === 'pause';
    if (paused) {
      await new Promise((resolve) => setTimeout(resolve, PAUSED_POLL_MS));
      await ctx.yield();
      continue;
    }
    race.slice(SLICE_MS * 3);
    ctx.post({ rows: race.takeUpdates(), done: race.done });
    await ctx.yield();
  }
});

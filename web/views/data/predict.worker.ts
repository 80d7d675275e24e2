// Entry of the held-out error worker: makes the matrix and runs predictionHeldOutError on it.
import { predictionHeldOutError } from '../../../src/data/recommend-holdout.js';
import { makeData } from '../../../src/data/spec.js';
import { serveJobs } from '../../worker/jobHost.js';
import type { PredictEvent, PredictRequest } from './predictProtocol.js';

serveJobs<PredictRequest, never, PredictEvent>(async (request, ctx) => {
  ctx.post(predictionHeldOutError(ctx.engine, makeData(request.spec), { ...request.options, restarts: 1 }, request.fraction));
});

// Entry of the Explore rank job worker: runs the survey of a request restart by restart, posting
// each step and yielding between them (the page cancels by terminating this worker).
import { serveJobs } from '../../worker/jobHost.js';
import { type ExploreRequest, type ExploreStep, exploreSteps } from './exploreJob.js';

serveJobs<ExploreRequest, never, ExploreStep>(async (request, ctx) => {
  for (const step of exploreSteps(ctx.engine, request, ctx.now)) {
    ctx.post(step);
    await ctx.yield();
  }
});

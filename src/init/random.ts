// Random initialization, seeded and scaled to the data.
import type { InitContext, InitInfo } from './types.js';

/**
 * Fills W (m×k), then H (k×n), row by row, with s·u, u uniform in [0, 2), s = √(mean(V)/k),
 * so that the mean of WH matches the mean of the observed V.
 */
function runRandom({ engine, problem, k, W, H, rng }: InitContext): void {
  const s = Math.sqrt(problem.meanV / k);
  for (const X of [W, H]) {
    const x = engine.view(X);
    for (let t = 0; t < x.length; t++) x[t] = 2 * s * rng.next();
  }
}

/** Registry entry of the random initialization. */
export const random: InitInfo = {
  id: 'random',
  label: 'Random',
  description: 'Uniform random W and H scaled to the mean of V; the seed picks them.',
  seeded: true,
  run: runRandom,
};

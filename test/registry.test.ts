// The registries' lookups: an unknown id is an UnknownIdError naming the registry, the id and the
// ids it has (what the CLI turns into exit code 2), never a message to be matched by text.
import { describe, expect, it } from 'vitest';
import { UnknownIdError } from '../src/core/errors.js';
import { EXAMPLES, exampleInfo } from '../src/data/examples.js';
import { INIT_IDS, initInfo } from '../src/init/registry.js';
import { ALGORITHM_IDS, solverInfo } from '../src/solvers/registry.js';

function thrown(f: () => unknown): UnknownIdError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UnknownIdError);
    return e as UnknownIdError;
  }
  throw new Error('expected an UnknownIdError');
}

describe('registry lookups', () => {
  it('find what they have', () => {
    for (const id of ALGORITHM_IDS) expect(solverInfo(id).id).toBe(id);
    for (const id of INIT_IDS) expect(initInfo(id).id).toBe(id);
    for (const e of EXAMPLES) expect(exampleInfo(e.id)).toBe(e);
  });

  it('throw UnknownIdError with the registry, the id and the known ids for anything else', () => {
    const a = thrown(() => solverInfo('magic'));
    expect([a.kind, a.id, a.known]).toEqual(['algorithm', 'magic', ALGORITHM_IDS]);
    expect(a.message).toBe(`unknown algorithm 'magic': expected one of ${ALGORITHM_IDS.join(', ')}`);
    const i = thrown(() => initInfo('svd'));
    expect([i.kind, i.id, i.known]).toEqual(['init', 'svd', INIT_IDS]);
    expect(i.message).toBe(`unknown init 'svd': expected one of ${INIT_IDS.join(', ')}`);
    const x = thrown(() => exampleInfo('nope'));
    expect([x.kind, x.id]).toEqual(['example', 'nope']);
    expect(x.message).toBe("unknown example 'nope': expected one of lowrank, tutorial, ratings, swimmer, topics");
  });
});

// Errors every layer may throw about ids it was given.

/** An id that no entry of a registry has: `kind` names the registry (algorithm, init, example), `known` its ids. */
export class UnknownIdError extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly known: readonly string[],
  ) {
    super(`unknown ${kind} '${id}': expected one of ${known.join(', ')}`);
    this.name = 'UnknownIdError';
  }
}

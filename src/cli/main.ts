// The `nmf` command line: `nmf factor FILE --rank K ...` (factor.ts), `nmf rank FILE --ranks A..B` (rank.ts)
// and `nmf export-code FILE --rank K --lang L` (export-code.ts).
// Bad input or usage: one line on stderr, exit code 2, no stack trace. NMF_DEBUG=1 shows stacks.
import { UnknownIdError } from '../core/errors.js';
import { InputError } from '../data/errors.js';
import { OptionError } from '../driver/options.js';
import { UsageError } from './errors.js';
import { EXPORT_CODE_USAGE, exportCodeCommand } from './export-code.js';
import { FACTOR_USAGE, factorCommand } from './factor.js';
import { RANK_USAGE, rankCommand } from './rank.js';

const USAGE = `usage: nmf <command> ...\n  ${FACTOR_USAGE.replace(/^usage: /, '')}\n  ${RANK_USAGE.replace(/^usage: /, '')}
  ${EXPORT_CODE_USAGE.replace(/^usage: /, '')}`;

/** Dispatches a command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const print = (s: string) => process.stdout.write(`${s}\n`);
  try {
    if (command === 'factor') return await factorCommand(rest, print);
    if (command === 'rank') return await rankCommand(rest, print);
    if (command === 'export-code') return await exportCodeCommand(rest, print);
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      print(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command '${command}'\n${USAGE}`);
  } catch (e) {
    if (process.env.NMF_DEBUG) console.error(e);
    const known = e instanceof InputError || e instanceof OptionError || e instanceof UsageError || e instanceof UnknownIdError;
    process.stderr.write(`nmf: ${(e as Error).message}\n`);
    return known ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

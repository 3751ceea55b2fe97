// The one exit-code table of every `lead-decisions` command (docs/cli.md):
//   0  done, every record decided/written
//   1  done, but some records were bad or need a person (reported on stderr, the rest went through)
//   2  nothing useful ran: usage error, bad option, bad config or environment, I/O failure
// main.ts maps commander's usage errors and any UsageError a command throws to 2, centrally,
// so every command (including ones added later) follows the table without its own code for it.

export const EXIT_OK = 0;
export const EXIT_SOME_BAD = 1;
export const EXIT_USAGE = 2;

/** A usage, configuration or I/O problem: main prints the message (one line) and exits 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/** Stops the command with exit code 2 and this message. */
export function usageError(message: string): never {
  throw new UsageError(message);
}

import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { registerDecide } from './commands/decide.ts';
import { registerEmulator } from './commands/emulator.ts';
import { registerProvision } from './commands/provision.ts';
import { registerDev } from './commands/dev.ts';
import { registerServe } from './commands/serve.ts';
import { registerRescore } from './commands/rescore.ts';
import { EXIT_OK, EXIT_USAGE } from './exit.ts';
import { safeMessage, secretsFromEnv } from '../redact.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerReport } from './commands/report.ts';

export function buildProgram(): Command {
  const program = new Command('lead-decisions')
    .description('Lead scoring, enrichment, lifecycle and routing decisions for HubSpot, with reasons.')
    .version(pkg.version)
    .showHelpAfterError()
    .addHelpText('after', '\nExit codes (every command): 0 ok, 1 some records were bad (the rest went through), 2 usage, config or I/O error. See docs/cli.md.')
    // Set before the commands are added: subcommands inherit it, so every usage error reaches main().
    .exitOverride();
  registerDecide(program);
  registerEmulator(program);
  registerProvision(program);
  registerDev(program);
  registerServe(program);
  registerRescore(program);
  registerSimulate(program);
  registerReport(program);
  return program;
}

/** The exit code for an error that escaped a command, after printing it as one safe line. */
export function exitCodeFor(error: unknown, stderr: NodeJS.WritableStream = process.stderr, env: Record<string, string | undefined> = process.env): number {
  // Commander has already printed its message (and the help when asked); help and --version are success.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  stderr.write(`${safeMessage(error, secretsFromEnv(env)) || 'lead-decisions failed'}\n`);
  return EXIT_USAGE;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

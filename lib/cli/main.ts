import { Command } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { registerDecide } from './commands/decide.ts';
import { registerEmulator } from './commands/emulator.ts';
import { registerProvision } from './commands/provision.ts';
import { registerDev } from './commands/dev.ts';
import { registerServe } from './commands/serve.ts';
import { registerRescore } from './commands/rescore.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerReport } from './commands/report.ts';

export function buildProgram(): Command {
  const program = new Command('lead-decisions')
    .description('Lead scoring, enrichment, lifecycle and routing decisions for HubSpot, with reasons.')
    .version(pkg.version)
    .showHelpAfterError();
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

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}

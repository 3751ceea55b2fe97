// Runs the real `lead-decisions` bin as a user would, for the CLI tests: output captured,
// a wait for a line on stdout, the exit code, and every child killed after each test.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  child: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
  /** Resolves with the first match on stdout; rejects if the process exits first. */
  line(re: RegExp): Promise<RegExpMatchArray>;
  output(): { out: string; err: string };
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** `env` adds to the test process's environment (a HubSpot URL and token, say). */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, ['bin/lead-decisions.js', ...args], { cwd: ROOT, env: { ...process.env, ...env, NODE_NO_WARNINGS: '1' } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = (re: RegExp) => new Promise<RegExpMatchArray>((resolve, reject) => {
    const check = () => { const m = re.exec(out); if (m) resolve(m); };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`exited before printing ${re}:\n${out}${err}`)));
    check();
  });
  return { child, exited, line, output: () => ({ out, err }) };
}

/** Streams to hand a command run in this process (runReport, runSimulate…), and what was written to them. */
export function capturedStreams(): { stdout: PassThrough; stderr: PassThrough; out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString(); });
  stderr.on('data', (d: Buffer) => { err += d.toString(); });
  return { stdout, stderr, out: () => out, err: () => err };
}

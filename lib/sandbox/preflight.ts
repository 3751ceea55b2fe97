// What `dev` checks before it seeds or scores anything: its ports are free, and no other `dev`
// uses the same database file (two writers on one SQLite file corrupt each other's work).
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';

export class SandboxPreflightError extends Error {
  override readonly name: string = 'SandboxPreflightError';
}

/** Tries to listen on each non-zero port and frees it again; throws naming the first taken port and its flag. */
export async function checkPortsFree(host: string, ports: readonly { port: number; flag: string }[]): Promise<void> {
  for (const { port, flag } of ports) {
    if (port === 0) continue;
    const problem = await new Promise<string | null>((resolve) => {
      const server = createServer();
      server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRINUSE' ? 'is already in use' : e.code === 'EACCES' ? 'needs more privileges' : `cannot be used (${e.code ?? e.message})`));
      server.listen(port, host, () => server.close(() => resolve(null)));
    });
    if (problem) throw new SandboxPreflightError(`Port ${port} (${flag}) ${problem}; pick another with ${flag}, or 0 for any free port.`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock file `<db>.lock` holding our pid, created exclusively. A lock whose process is gone
 * (a crash, kill -9) is stale and taken over. Returns the release function.
 */
export function lockDatabase(db: string): () => void {
  if (db === ':memory:') return () => {};
  const path = `${db}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        rmSync(path, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new SandboxPreflightError(`Another lead-decisions dev (pid ${pid}) is using ${db}; stop it first, or use another --db file.`);
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new SandboxPreflightError(`Could not lock ${db} (${path} keeps coming back); is another dev starting right now?`);
}

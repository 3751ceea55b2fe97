// Streaming JSONL: lines in through readline, lines out in batches that respect
// backpressure, so a file of any size runs in constant memory.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Yields each line with its 1-based number; a UTF-8 byte-order mark on line 1 (Windows editors) is dropped. */
export async function* readLines(input: Readable): AsyncGenerator<{ line: string; lineNo: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    yield { line: lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line, lineNo };
  }
}

// Large batches: fewer write calls and drains; still constant memory.
const FLUSH_AT = 512 * 1024;

/** Buffers small writes and waits for 'drain' whenever the destination is full. */
export class LineWriter {
  private buffer = '';
  private broken = false;
  /** A write failure that is not a closed pipe (ENOSPC, EIO…): the run must fail, not go on silently. */
  private failure: Error | null = null;

  constructor(private readonly out: Writable) {
    // A closed pipe (`decide | head`) ends output quietly instead of crashing.
    out.on('error', (error: NodeJS.ErrnoException) => {
      this.broken = true;
      if (error.code !== 'EPIPE') this.failure ??= error;
    });
  }

  /** The write error that should stop the run, if any. */
  get error(): Error | null {
    return this.failure;
  }

  async write(line: string): Promise<void> {
    this.buffer += `${line}\n`;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  /** Throws the write error (not EPIPE) once the destination has failed. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer === '' || this.broken) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await this.settled('drain');
    if (this.failure) throw this.failure;
  }

  /** Waits for `event`, or 'close' / 'error' (a failed stream never drains); removes its listeners after. */
  private settled(event: 'drain' | 'finish'): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.out.off(event, done).off('close', done).off('error', done);
        resolve();
      };
      this.out.once(event, done).once('close', done).once('error', done);
    });
  }

  /** Flushes, then ends the stream when it is ours (a file), waiting until it is fully written or failed. */
  async close(endStream: boolean): Promise<void> {
    await this.flush();
    if (!endStream || this.broken) return;
    const finished = this.settled('finish');
    this.out.end();
    await finished;
    if (this.failure) throw this.failure;
  }
}

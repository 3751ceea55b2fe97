// Streaming JSONL: lines in through readline, lines out in batches that respect
// backpressure, so a file of any size runs in constant memory.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Yields each line with its 1-based number. */
export async function* readLines(input: Readable): AsyncGenerator<{ line: string; lineNo: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    yield { line, lineNo };
  }
}

const FLUSH_AT = 64 * 1024;

/** Buffers small writes and waits for 'drain' whenever the destination is full. */
export class LineWriter {
  private buffer = '';
  private broken = false;

  constructor(private readonly out: Writable) {
    // A closed pipe (`decide | head`) ends output quietly instead of crashing.
    out.on('error', () => {
      this.broken = true;
    });
  }

  async write(line: string): Promise<void> {
    this.buffer += `${line}\n`;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === '' || this.broken) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await Promise.race([once(this.out, 'drain'), once(this.out, 'close')]);
  }

  /** Flushes, then ends the stream when it is ours (a file), waiting until it is fully written. */
  async close(endStream: boolean): Promise<void> {
    await this.flush();
    if (!endStream || this.broken) return;
    const finished = once(this.out, 'finish');
    this.out.end();
    await finished;
  }
}

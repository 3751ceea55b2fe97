// Every request the emulator answered, so tests and benchmarks can count API calls.
export interface RequestLogEntry { method: string; path: string; status: number; durationMs: number; at: number }

const MAX_ENTRIES = 200_000;

export class RequestLog {
  private items: RequestLogEntry[] = [];
  add(e: RequestLogEntry): void {
    this.items.push(e);
    if (this.items.length > MAX_ENTRIES) this.items.splice(0, this.items.length - MAX_ENTRIES);
  }
  entries(): RequestLogEntry[] { return [...this.items]; }
  clear(): void { this.items = []; }
}

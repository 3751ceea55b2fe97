// Timeouts and bounded retries shared by the enrichment and AI adapters.

export interface RetryPolicy {
  /** Extra attempts after the first one. */
  retries: number;
  /** Wait before retry n is delayMs × n. */
  delayMs: number;
  /** Whether this failure is worth another attempt. */
  shouldRetry(error: unknown): boolean;
}

/** Runs `fn` with an AbortSignal that fires after `timeoutMs`; rejects with `onTimeout()` then. */
export async function withTimeout<T>(timeoutMs: number, fn: (signal: AbortSignal) => Promise<T>, onTimeout: () => Error): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(onTimeout());
    }, timeoutMs);
  });
  try {
    return await Promise.race([fn(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `fn` up to 1 + retries times while `shouldRetry` says the failure is transient. */
export async function withRetries<T>(policy: RetryPolicy, fn: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt > policy.retries || !policy.shouldRetry(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, policy.delayMs * attempt));
    }
  }
}

/** Reads a dotted path ("metrics.employees") out of parsed JSON. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

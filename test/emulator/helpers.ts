// Starts a throwaway emulator (in memory, random port) and an official client pointed at it.
import { Client } from '@hubspot/api-client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../local/emulator/index.ts';

export interface TestEmulator { emu: RunningEmulator; client: Client }

export async function startTestEmulator(options: EmulatorOptions = {}, clientOptions: { numberOfApiCallRetries?: number } = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ db: ':memory:', port: 0, ...options });
  const client = new Client({ accessToken: 'test-token', basePath: emu.url, ...clientOptions });
  return { emu, client };
}

/** The ApiException the client throws (not exported by the package): status and parsed body. */
export async function apiError(p: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: number; body?: Record<string, unknown> };
    if (typeof e.code === 'number') return { code: e.code, body: e.body ?? {} };
    throw err;
  }
  throw new Error('expected the call to fail');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// A seeded emulator in its own process for bench/rescore.bench.ts: provisioned with rate limits
// off (so provisioning spends none of the measured budget), then limited to 190 per 10 s like a
// Pro portal. Prints {"url"} once ready; closes when its stdin closes.
import { startEmulator } from '../local/emulator/index.ts';
import { createHubSpotGateway } from '../lib/adapters/index.ts';
import { runProvision } from '../lib/cli/commands/provision.ts';
import { loadConfig } from '../lib/config/load.ts';

const contacts = Number(process.argv[2] ?? '3000');
const emu = await startEmulator({ port: 0, db: ':memory:', seed: 7, contacts, rateLimit: { enabled: false } });
const config = await loadConfig();
if (!config.ok) throw new Error(config.message);
await runProvision(createHubSpotGateway({ accessToken: 'bench', basePath: emu.url, retries: 0 }), config.config.classification.tracks);
emu.setRateLimit({ enabled: true, burstPer10s: 190, searchPerSecond: 5 });
process.stdout.write(`${JSON.stringify({ url: emu.url })}\n`);
process.stdin.on('end', () => void emu.close().then(() => process.exit(0)));
process.stdin.resume();

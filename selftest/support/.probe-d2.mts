import { runSuite, startTenant } from './run-suite.ts';
const emu = await startTenant();
const r = await runSuite({ urls: { api: emu.url, auth: emu.url } });
console.log(r.exitCode, r.durationMs, r.reportDir);
console.log(r.output.slice(-3000));
for (const [n, c] of Object.entries(emu.state.collections)) console.log(n, c.size);
await emu.close();

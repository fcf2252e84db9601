import createDebug from 'debug';
import { ConfigError, loadSettings } from '../../lib/config.ts';
import { startEmulator } from './server.ts';
import { TESTING_PREFIX } from './routes.ts';

const started = performance.now();
const logRequests = process.argv.includes('--log') || /^(1|true|yes)$/i.test(process.env.EMULATOR_LOG ?? '');
if (logRequests) createDebug.enable(['emulator:*', process.env.DEBUG].filter(Boolean).join(','));

let settings;
try {
  settings = loadSettings();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

try {
  const emulator = await startEmulator({
    port: settings.emulatorPort,
    environmentId: settings.environmentId,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
  });
  const ms = (performance.now() - started).toFixed(0);
  console.log(`PingOne emulator listening on ${emulator.url} (environment ${settings.environmentId}, ready in ${ms} ms)`);
  console.log(`  management API ${emulator.url}/v1/environments/${settings.environmentId}`);
  console.log(`  auth plane     ${emulator.url}/${settings.environmentId}/as`);
  console.log(`  test-only      ${emulator.url}${TESTING_PREFIX}`);
  console.log(`  request log    ${logRequests ? 'on' : 'off (use --log or EMULATOR_LOG=1)'}`);
  const stop = () => emulator.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(`Port ${settings.emulatorPort} on 127.0.0.1 is in use. Stop what holds it, or set EMULATOR_PORT to a free port.`);
    process.exit(2);
  }
  throw error;
}

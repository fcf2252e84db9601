import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';

/** The project's root folder, where `.env` and `.env.example` live. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** PingOne's regions and the top-level domain of their `api.` and `auth.` hosts. */
export const REGION_TLDS = {
  NA: 'com',
  EU: 'eu',
  CA: 'ca',
  AP: 'asia',
  AU: 'com.au',
  SG: 'sg',
} as const;

export type Region = keyof typeof REGION_TLDS;
export type OtpSource = 'test-mode' | 'outbox' | 'command';

const OTP_SOURCES: readonly OtpSource[] = ['test-mode', 'outbox', 'command'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything the suite and the emulator read from the environment, checked. */
export interface Settings {
  /** `emulator` when no PingOne target is configured; the suite then starts the emulator. */
  target: 'emulator' | 'pingone';
  region?: Region;
  /** Origin of the management API; operations live under `${apiUrl}/v1/environments/{envID}`. */
  apiUrl: string;
  /** Origin of the auth plane; operations live under `${authUrl}/{envID}/as` and `/flows`. */
  authUrl: string;
  environmentId: string;
  clientId: string;
  clientSecret: string;
  otp: { source: OtpSource; command?: string };
  allowProduction: boolean;
  strictSchemas: boolean;
  fakerSeed?: number;
  reportDir: string;
  emulatorPort: number;
}

/** One problem in the settings: which variable, what is wrong, and what to do about it. */
export interface SettingProblem {
  variable: string;
  problem: string;
  fix: string;
}

/** Thrown before any request when the settings cannot work. Its message lists every problem. */
export class ConfigError extends Error {
  readonly problems: SettingProblem[];

  constructor(problems: SettingProblem[]) {
    const lines = problems.map((p) => `  - ${p.variable}: ${p.problem}. ${p.fix}`);
    super(`The suite's settings are not usable (see .env.example):\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

/** The emulator's seed values, read from `.env.example` so that the suite and emulator agree. */
export function emulatorDefaults(): { environmentId: string; clientId: string; clientSecret: string } {
  const example = dotenv.parse(readFileSync(path.join(PROJECT_ROOT, '.env.example')));
  return {
    environmentId: example.PINGONE_ENVIRONMENT_ID!,
    clientId: example.PINGONE_CLIENT_ID!,
    clientSecret: example.PINGONE_CLIENT_SECRET!,
  };
}

/**
 * Reads `.env` (if present) under the process environment, which wins, and returns checked
 * settings. Throws a {@link ConfigError} naming each bad variable and its fix.
 */
export function loadSettings(env: Env = process.env, options: { dotenvFile?: string | false } = {}): Settings {
  const file = options.dotenvFile ?? path.join(PROJECT_ROOT, '.env');
  const fromFile = file && existsSync(file) ? dotenv.parse(readFileSync(file)) : {};
  return parseSettings({ ...fromFile, ...definedOnly(env) });
}

/** Checks settings given as plain variables, without reading any file. */
export function parseSettings(env: Env): Settings {
  const problems: SettingProblem[] = [];
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const regionValue = get('PINGONE_REGION')?.toUpperCase();
  let region: Region | undefined;
  if (regionValue !== undefined) {
    if (regionValue in REGION_TLDS) region = regionValue as Region;
    else
      problems.push({
        variable: 'PINGONE_REGION',
        problem: `"${env.PINGONE_REGION}" is not a PingOne region`,
        fix: `Use one of ${Object.keys(REGION_TLDS).join(', ')}.`,
      });
  }

  const apiUrlValue = get('PINGONE_API_URL');
  const authUrlValue = get('PINGONE_AUTH_URL');
  if ((apiUrlValue === undefined) !== (authUrlValue === undefined)) {
    const missing = apiUrlValue === undefined ? 'PINGONE_API_URL' : 'PINGONE_AUTH_URL';
    problems.push({
      variable: missing,
      problem: 'is not set, but its partner base URL is',
      fix: 'Set both PINGONE_API_URL and PINGONE_AUTH_URL, or neither and use PINGONE_REGION.',
    });
  }
  const apiUrl = apiUrlValue && origin('PINGONE_API_URL', apiUrlValue, problems, true);
  const authUrl = authUrlValue && origin('PINGONE_AUTH_URL', authUrlValue, problems, false);

  const target = regionValue !== undefined || apiUrlValue !== undefined || authUrlValue !== undefined ? 'pingone' : 'emulator';
  const defaults = emulatorDefaults();

  const emulatorPortValue = get('EMULATOR_PORT') ?? '4010';
  const emulatorPort = Number(emulatorPortValue);
  if (!Number.isInteger(emulatorPort) || emulatorPort < 1 || emulatorPort > 65535)
    problems.push({
      variable: 'EMULATOR_PORT',
      problem: `"${emulatorPortValue}" is not a TCP port`,
      fix: 'Use a whole number from 1 to 65535, or unset it for 4010.',
    });

  const environmentId = get('PINGONE_ENVIRONMENT_ID') ?? (target === 'emulator' ? defaults.environmentId : undefined);
  const clientId = get('PINGONE_CLIENT_ID') ?? (target === 'emulator' ? defaults.clientId : undefined);
  const clientSecret = get('PINGONE_CLIENT_SECRET') ?? (target === 'emulator' ? defaults.clientSecret : undefined);
  const where = 'in the PingOne admin console under Applications, on your worker application';
  if (environmentId === undefined)
    problems.push({
      variable: 'PINGONE_ENVIRONMENT_ID',
      problem: 'is not set, and a PingOne target is',
      fix: "Set it to your environment's ID (PingOne console: Environment > Properties).",
    });
  else if (!UUID.test(environmentId))
    problems.push({
      variable: 'PINGONE_ENVIRONMENT_ID',
      problem: `"${environmentId}" is not a UUID`,
      fix: "Copy the environment's ID from the PingOne console (Environment > Properties).",
    });
  if (clientId === undefined)
    problems.push({ variable: 'PINGONE_CLIENT_ID', problem: 'is not set, and a PingOne target is', fix: `Copy the client ID ${where}.` });
  else if (!UUID.test(clientId))
    problems.push({ variable: 'PINGONE_CLIENT_ID', problem: `"${clientId}" is not a UUID`, fix: `Copy the client ID ${where}.` });
  if (clientSecret === undefined)
    problems.push({ variable: 'PINGONE_CLIENT_SECRET', problem: 'is not set, and a PingOne target is', fix: `Copy the client secret ${where}.` });
  if (target === 'pingone') {
    for (const [variable, value, seed] of [
      ['PINGONE_ENVIRONMENT_ID', environmentId, defaults.environmentId],
      ['PINGONE_CLIENT_ID', clientId, defaults.clientId],
      ['PINGONE_CLIENT_SECRET', clientSecret, defaults.clientSecret],
    ] as const)
      if (value === seed)
        problems.push({
          variable,
          problem: "still holds the emulator's example value from .env.example, and a PingOne target is set",
          fix: 'Replace it with the value of your own environment and worker application.',
        });
  }

  const otpSourceValue = (get('PINGONE_OTP_SOURCE') ?? 'test-mode').toLowerCase();
  const otpCommand = get('PINGONE_OTP_COMMAND');
  let otpSource: OtpSource = 'test-mode';
  if (!OTP_SOURCES.includes(otpSourceValue as OtpSource))
    problems.push({
      variable: 'PINGONE_OTP_SOURCE',
      problem: `"${env.PINGONE_OTP_SOURCE}" is not an OTP source`,
      fix: `Use one of ${OTP_SOURCES.join(', ')}.`,
    });
  else otpSource = otpSourceValue as OtpSource;
  if (otpSource === 'command' && otpCommand === undefined)
    problems.push({
      variable: 'PINGONE_OTP_COMMAND',
      problem: 'is not set, and PINGONE_OTP_SOURCE=command needs it',
      fix: 'Name a command that prints the passcode sent to $PINGONE_OTP_PHONE.',
    });
  if (otpSource === 'outbox' && target === 'pingone')
    problems.push({
      variable: 'PINGONE_OTP_SOURCE',
      problem: 'is outbox, which only the embedded emulator has',
      fix: 'Use test-mode or command against PingOne.',
    });

  const allowProduction = flag('PINGONE_ALLOW_PRODUCTION', get('PINGONE_ALLOW_PRODUCTION'), problems);
  const strictSchemas = flag('SUITE_STRICT_SCHEMAS', get('SUITE_STRICT_SCHEMAS'), problems);

  const seedValue = get('SUITE_FAKER_SEED');
  const fakerSeed = seedValue === undefined ? undefined : Number(seedValue);
  if (fakerSeed !== undefined && !Number.isSafeInteger(fakerSeed))
    problems.push({
      variable: 'SUITE_FAKER_SEED',
      problem: `"${seedValue}" is not a whole number`,
      fix: "Copy the seed from a run's report header, or unset it for a new one.",
    });

  if (problems.length > 0) throw new ConfigError(problems);

  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const tld = region && REGION_TLDS[region];
  return {
    target,
    region,
    apiUrl: apiUrl || (tld ? `https://api.pingone.${tld}` : emulatorUrl),
    authUrl: authUrl || (tld ? `https://auth.pingone.${tld}` : emulatorUrl),
    environmentId: environmentId!.toLowerCase(),
    clientId: clientId!,
    clientSecret: clientSecret!,
    otp: { source: otpSource, command: otpCommand },
    allowProduction,
    strictSchemas,
    fakerSeed,
    reportDir: path.resolve(PROJECT_ROOT, get('SUITE_REPORT_DIR') ?? 'reports'),
    emulatorPort,
  };
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

function origin(variable: string, value: string, problems: SettingProblem[], allowV1: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push({ variable, problem: `"${value}" is not a URL`, fix: 'Use an origin such as https://api.pingone.eu.' });
    return undefined;
  }
  const pathname = url.pathname.replace(/\/+$/, '');
  const pathOk = pathname === '' || (allowV1 && pathname === '/v1');
  if (!/^https?:$/.test(url.protocol) || !pathOk || url.search || url.hash) {
    problems.push({
      variable,
      problem: `"${value}" is not an http(s) origin`,
      fix: allowV1
        ? 'Use the scheme and host only, such as https://api.pingone.eu (a trailing /v1 is accepted).'
        : 'Use the scheme and host only, such as https://auth.pingone.eu.',
    });
    return undefined;
  }
  return url.origin;
}

function flag(variable: string, value: string | undefined, problems: SettingProblem[]): boolean {
  if (value === undefined) return false;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  problems.push({ variable, problem: `"${value}" is not true or false`, fix: 'Use true or false.' });
  return false;
}

import { test, expect } from '@playwright/test';
import { ConfigError, emulatorDefaults, parseSettings, REGION_TLDS } from '../../lib/config.ts';

const tenant = {
  PINGONE_ENVIRONMENT_ID: '11111111-2222-4333-8444-555555555555',
  PINGONE_CLIENT_ID: '66666666-7777-4888-9999-000000000000',
  PINGONE_CLIENT_SECRET: 'a-tenant-worker-secret',
};

function problems(env: Record<string, string>) {
  try {
    parseSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

test('targets the embedded emulator, seeded from .env.example, when no target is set', () => {
  const settings = parseSettings({});

  expect(settings.target).toBe('emulator');
  expect(settings.apiUrl).toBe('http://127.0.0.1:4010');
  expect(settings.authUrl).toBe('http://127.0.0.1:4010');
  expect(settings).toMatchObject(emulatorDefaults());
  expect(settings.otp.source).toBe('test-mode');
});

for (const [region, tld] of Object.entries(REGION_TLDS)) {
  test(`maps region ${region} to api.pingone.${tld} and auth.pingone.${tld}`, () => {
    const settings = parseSettings({ ...tenant, PINGONE_REGION: region.toLowerCase() });

    expect(settings).toMatchObject({ target: 'pingone', region, apiUrl: `https://api.pingone.${tld}`, authUrl: `https://auth.pingone.${tld}` });
  });
}

test('takes explicit base URLs, with or without /v1 on the API URL', () => {
  const settings = parseSettings({ ...tenant, PINGONE_API_URL: 'https://api.pingone.eu/v1/', PINGONE_AUTH_URL: 'https://auth.pingone.eu' });

  expect(settings.apiUrl).toBe('https://api.pingone.eu');
  expect(settings.authUrl).toBe('https://auth.pingone.eu');
});

test('names every bad variable with its fix, in one error', () => {
  const found = problems({ PINGONE_REGION: 'MARS', PINGONE_ENVIRONMENT_ID: 'not-a-uuid', PINGONE_OTP_SOURCE: 'pigeon', SUITE_STRICT_SCHEMAS: 'maybe' });

  expect(found.map((p) => p.variable).sort()).toEqual(
    ['PINGONE_CLIENT_ID', 'PINGONE_CLIENT_SECRET', 'PINGONE_ENVIRONMENT_ID', 'PINGONE_OTP_SOURCE', 'PINGONE_REGION', 'SUITE_STRICT_SCHEMAS'].sort(),
  );
  expect(found.find((p) => p.variable === 'PINGONE_REGION')!.fix).toContain('NA, EU, CA, AP, AU, SG');
});

test("refuses the emulator's example credentials against a PingOne target", () => {
  const seed = emulatorDefaults();
  const found = problems({
    PINGONE_REGION: 'NA',
    PINGONE_ENVIRONMENT_ID: seed.environmentId,
    PINGONE_CLIENT_ID: seed.clientId,
    PINGONE_CLIENT_SECRET: seed.clientSecret,
  });

  expect(found.map((p) => p.variable)).toContain('PINGONE_CLIENT_SECRET');
  expect(found[0]!.problem).toContain("emulator's example value");
});

test('requires both base URLs or neither, and only origins', () => {
  expect(problems({ ...tenant, PINGONE_API_URL: 'https://api.pingone.com' }).map((p) => p.variable)).toEqual(['PINGONE_AUTH_URL']);
  expect(problems({ ...tenant, PINGONE_API_URL: 'ftp://x', PINGONE_AUTH_URL: 'https://auth.pingone.com/as' }).map((p) => p.variable)).toEqual([
    'PINGONE_API_URL',
    'PINGONE_AUTH_URL',
  ]);
});

test('needs a command for the command OTP source, and the emulator for the outbox', () => {
  expect(problems({ PINGONE_OTP_SOURCE: 'command' }).map((p) => p.variable)).toEqual(['PINGONE_OTP_COMMAND']);
  expect(problems({ ...tenant, PINGONE_REGION: 'EU', PINGONE_OTP_SOURCE: 'outbox' }).map((p) => p.variable)).toEqual(['PINGONE_OTP_SOURCE']);
});

test('does not echo the client secret in any problem', () => {
  const found = problems({ ...tenant, PINGONE_ENVIRONMENT_ID: 'x', PINGONE_REGION: 'EU' });

  expect(JSON.stringify(found)).not.toContain(tenant.PINGONE_CLIENT_SECRET);
});

import { randomBytes } from 'node:crypto';
import { request, type TestInfo } from '@playwright/test';
import { Builders } from '../../fixtures/builders.ts';
import { deleteAll, describeRemaining } from '../../lib/cleanup.ts';
import type { Settings } from '../../lib/config.ts';
import { createRecorded } from '../../lib/create.ts';
import { Ledger, ledgerDir, readLedgers, retire } from '../../lib/ledger.ts';
import { signLoginHintToken } from '../../lib/login-hint-token.ts';
import { readOtp } from '../../lib/otp.ts';
import { PingOneClient, type ClientCore } from '../../lib/pingone-client.ts';
import { registerSecret } from '../../lib/redact.ts';
import { WorkerToken } from '../../lib/worker-token.ts';
import type { BareRun } from './bare-flow.ts';

/** A test's stand-in: keeps what the client attaches and annotates, as a report would. */
function stubTestInfo(): TestInfo & { bodies: Buffer[] } {
  const bodies: Buffer[] = [];
  const info = {
    bodies,
    annotations: [] as TestInfo['annotations'],
    attach: async (_name: string, options: { body?: string | Buffer }) => void bodies.push(Buffer.from(options.body ?? '')),
  };
  return info as unknown as TestInfo & { bodies: Buffer[] };
}

/**
 * The bare flow's requests through the suite's own harness: PingOneClient (contract check,
 * redaction, an attachment per exchange), the ledger, the worker token and cleanup's deleteAll,
 * one step scope per step as the fixtures make them. Settings must point at the target and
 * SUITE_LEDGER_DIR at a scratch folder. Timed from the first request to the last.
 */
export async function harnessFlow(settings: Settings): Promise<BareRun & { attachments: number }> {
  const context = await request.newContext();
  const core: ClientCore = { settings, request: context, created: new Map(), timeoutMs: 15_000 };
  core.token = new WorkerToken(() => new PingOneClient(core));
  const run = { runId: randomBytes(3).toString('hex'), fakerSeed: 7, runnerPid: process.pid };
  const builders = new Builders(run.runId, run.fakerSeed);
  const ledger = new Ledger(settings, run);
  const testInfo = stubTestInfo();
  const base = new PingOneClient(core);
  const step = (name: string) => base.withScope({ testInfo, step: name });
  let requests = 0;
  core.onVerdict = (_verdict, attempts) => void (requests += attempts.length);
  const as = `${settings.authUrl}/${settings.environmentId}/as`;

  try {
    const started = performance.now();
    await core.token.get();
    const create = (name: string, operationId: string, kind: Parameters<typeof createRecorded>[3]['kind'], key: string, json: unknown, parents: Record<string, string> = {}) =>
      createRecorded(step(name), ledger, operationId, { kind, name: key, parents, json }).then((r) => r.body);

    const appBody = builders.webApplication();
    const app = await create('01', 'createApplication', 'application', appBody.name, appBody);
    const { secret } = (await step('02').call('readApplicationSecret', { params: { appID: app.id } })).body;
    const resources = (await step('03').call('readAllResources')).body._embedded.resources;
    const openid = resources.find((r: any) => r.type === 'OPENID_CONNECT' && r.name === 'openid');
    const scopes = (await step('04').call('readAllResourceScopes', { params: { resourceID: openid.id } })).body._embedded.scopes;
    const scopeIds = scopes.filter((s: any) => ['profile', 'email'].includes(s.name)).map((s: any) => s.id);
    await create('05', 'createApplicationGrant', 'grant', openid.id, builders.grant(openid.id, scopeIds), { appID: app.id });
    const policyBody = builders.signOnPolicy();
    const policy = await create('06', 'createSignOnPolicy', 'signOnPolicy', policyBody.name, policyBody);
    await create('07', 'createSignOnPolicyAction', 'signOnPolicyAction', '1', builders.smsMfaAction(), { policyID: policy.id });
    await create('08', 'createSignOnPolicyAssignment', 'signOnPolicyAssignment', policy.id, builders.signOnPolicyAssignment(policy.id), { appID: app.id });
    const populationBody = builders.population();
    const population = await create('09', 'createPopulation', 'population', populationBody.name, populationBody);
    const userBody = builders.user(population.id);
    const user = await create('10', 'createUser', 'user', userBody.username, userBody, { populationID: population.id });
    const password = builders.password();
    registerSecret(password, 'password');
    await step('11').call('updateUserPassword', { params: { userID: user.id }, json: { value: password, forceChange: false } });
    await step('12').call('updateUserMFAEnabled', { params: { userID: user.id }, json: { mfaEnabled: true } });
    const dapBody = builders.deviceAuthenticationPolicy();
    const dap = await create('13', 'createDeviceAuthenticationPolicy', 'deviceAuthenticationPolicy', dapBody.name, dapBody);
    const phone = builders.phone();
    await create('14', 'createMFAUserDevice', 'device', phone, builders.smsDevice(phone, dap.id, true), { userID: user.id });

    const browser = await request.newContext();
    const loginHintToken = await signLoginHintToken({ secret, clientId: app.id, subject: user.id, audience: as });
    registerSecret(loginHintToken, 'login_hint_token');
    const form = { client_id: app.id, response_type: 'code', response_mode: 'pi.flow', scope: 'openid profile email', login_hint_token: loginHintToken };
    const flow = (await step('15').call('authorizePost', { context: browser, form })).body;
    const otp = await readOtp(settings, { flow, phone, request: browser });
    const done = (await step('16').call('checkOTP', { url: flow._links['otp.check'].href, context: browser, json: { otp } })).body;
    const code = (await step('17').call('resume', { url: done.resumeUrl, context: browser })).body.authorizeResponse.code;
    await step('17').call('token', { form: { grant_type: 'authorization_code', code }, auth: { basic: { clientId: app.id, clientSecret: secret } } });
    const discovery = (await step('17').call('openidConfiguration')).body;
    await step('17').call('jwks', { url: discovery.jwks_uri });
    await browser.dispose();

    const ledgers = readLedgers(ledgerDir(settings)).filter((l) => l.runId === run.runId);
    const outcome = await deleteAll(step('cleanup'), ledgers.flatMap((l) => l.entries));
    const elapsedMs = performance.now() - started;
    if (outcome.remaining.length) throw new Error(`The harness flow left resources behind:\n${describeRemaining(outcome)}`);
    for (const l of ledgers) retire(l);
    return { requests, elapsedMs, attachments: testInfo.bodies.length };
  } finally {
    await context.dispose();
  }
}

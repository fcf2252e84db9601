import { createLocalJWKSet, jwtVerify } from 'jose';
import { test, expect } from '../../fixtures/index.ts';
import { need } from '../../fixtures/flow-state.ts';
import { createRecorded } from '../../lib/create.ts';
import { signLoginHintToken } from '../../lib/login-hint-token.ts';
import { readOtp } from '../../lib/otp.ts';
import { registerSecret } from '../../lib/redact.ts';

/**
 * PingOne's "MFA-only flow using a login_hint_token": 17 dependent steps after the worker token,
 * one test each, in order. A failing step skips the rest; the cleanup project still runs.
 * SUITE_PARALLEL_FLOWS=N runs N isolated flows side by side (one worker each).
 */
const PARALLEL_FLOWS = Number(process.env.SUITE_PARALLEL_FLOWS ?? 1);

function mfaOnlyFlow() {
  test.describe.configure({ mode: 'serial', retries: 0 });

  test('01 creates the OIDC web application', async ({ pingone, ledger, flow }) => {
    const application = flow.builders.webApplication();

    const { body } = await createRecorded(pingone, ledger, 'createApplication', { kind: 'application', name: application.name, json: application });

    expect(body).toMatchObject({ name: application.name, type: 'WEB_APP', protocol: 'OPENID_CONNECT', enabled: true });
    expect(body.grantTypes).toContain('AUTHORIZATION_CODE');
    flow.application = { id: body.id, name: body.name };
  });

  test("02 reads the application's secret", async ({ pingone, flow }) => {
    const application = need(flow.application, 'application', '01');

    const { body } = await pingone.call('readApplicationSecret', { params: { appID: application.id } });

    expect(body.secret.length, 'the secret is long enough to sign an HS256 login_hint_token').toBeGreaterThanOrEqual(32);
    flow.secret = body.secret;
  });

  test("03 lists the environment's resources", async ({ pingone, flow }) => {
    const { body } = await pingone.call('readAllResources');

    const openid = body._embedded.resources.find((resource: any) => resource.type === 'OPENID_CONNECT' && resource.name === 'openid');
    expect(openid, 'the environment has the built-in openid resource (type OPENID_CONNECT)').toBeDefined();
    flow.openidResource = { id: openid.id, name: openid.name };
  });

  test("04 lists the openid resource's scopes", async ({ pingone, flow }) => {
    const resource = need(flow.openidResource, 'openid resource', '03');

    const { body } = await pingone.call('readAllResourceScopes', { params: { resourceID: resource.id } });

    const names = body._embedded.scopes.map((scope: any) => scope.name);
    expect(names).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    // PingOne grants `openid` with every grant of the openid resource; it is not granted by itself.
    const granted = body._embedded.scopes.filter((scope: any) => ['profile', 'email'].includes(scope.name));
    flow.scopes = granted.map((scope: any) => ({ id: scope.id, name: scope.name }));
  });

  test('05 grants the openid scopes to the application', async ({ pingone, ledger, flow }) => {
    const application = need(flow.application, 'application', '01');
    const resource = need(flow.openidResource, 'openid resource', '03');
    const scopeIds = need(flow.scopes, 'scopes', '04').map((scope) => scope.id);

    const { body } = await createRecorded(pingone, ledger, 'createApplicationGrant', {
      kind: 'grant',
      name: resource.id,
      parents: { appID: application.id },
      json: flow.builders.grant(resource.id, scopeIds),
    });

    expect(body.resource.id).toBe(resource.id);
    expect(body.scopes.map((scope: any) => scope.id).sort()).toEqual([...scopeIds].sort());
    flow.grant = { id: body.id };
  });

  test('06 creates a sign-on policy', async ({ pingone, ledger, flow }) => {
    const policy = flow.builders.signOnPolicy();

    const { body } = await createRecorded(pingone, ledger, 'createSignOnPolicy', { kind: 'signOnPolicy', name: policy.name, json: policy });

    expect(body).toMatchObject({ name: policy.name, default: false });
    flow.signOnPolicy = { id: body.id, name: body.name };
  });

  test('07 adds an SMS MFA action to the sign-on policy', async ({ pingone, ledger, flow }) => {
    const policy = need(flow.signOnPolicy, 'sign-on policy', '06');
    const action = flow.builders.smsMfaAction();

    const { body } = await createRecorded(pingone, ledger, 'createSignOnPolicyAction', {
      kind: 'signOnPolicyAction',
      name: String(action.priority),
      parents: { policyID: policy.id },
      json: action,
    });

    expect(body).toMatchObject({ type: 'MULTI_FACTOR_AUTHENTICATION', priority: action.priority, sms: { enabled: true } });
    flow.action = { id: body.id };
  });

  test('08 assigns the sign-on policy to the application', async ({ pingone, ledger, flow }) => {
    const application = need(flow.application, 'application', '01');
    const policy = need(flow.signOnPolicy, 'sign-on policy', '06');

    const { body } = await createRecorded(pingone, ledger, 'createSignOnPolicyAssignment', {
      kind: 'signOnPolicyAssignment',
      name: policy.id,
      parents: { appID: application.id },
      json: flow.builders.signOnPolicyAssignment(policy.id),
    });

    expect(body.signOnPolicy.id).toBe(policy.id);
    flow.assignment = { id: body.id };
  });

  test('09 creates a population', async ({ pingone, ledger, flow }) => {
    const population = flow.builders.population();

    const { body } = await createRecorded(pingone, ledger, 'createPopulation', { kind: 'population', name: population.name, json: population });

    expect(body.name).toBe(population.name);
    flow.population = { id: body.id, name: body.name };
  });

  test('10 creates a user in the population', async ({ pingone, ledger, flow }) => {
    const population = need(flow.population, 'population', '09');
    const user = flow.builders.user(population.id);

    const { body } = await createRecorded(pingone, ledger, 'createUser', {
      kind: 'user',
      name: user.username,
      parents: { populationID: population.id },
      json: user,
    });

    expect(body).toMatchObject({ username: user.username, population: { id: population.id }, enabled: true });
    flow.user = { id: body.id, username: body.username };
  });

  test("11 sets the user's password", async ({ pingone, flow }) => {
    const user = need(flow.user, 'user', '10');
    const password = flow.builders.password();
    registerSecret(password, 'password');

    const { body } = await pingone.call('updateUserPassword', { params: { userID: user.id }, json: { value: password, forceChange: false } });

    expect(body.status).toBe('OK');
    flow.password = password;
  });

  test('12 enables MFA for the user', async ({ pingone, flow }) => {
    const user = need(flow.user, 'user', '10');

    const { body } = await pingone.call('updateUserMFAEnabled', { params: { userID: user.id }, json: { mfaEnabled: true } });

    expect(body.mfaEnabled).toBe(true);
  });

  test('13 creates a device authentication policy', async ({ pingone, ledger, flow }) => {
    const policy = flow.builders.deviceAuthenticationPolicy();

    const { body } = await createRecorded(pingone, ledger, 'createDeviceAuthenticationPolicy', {
      kind: 'deviceAuthenticationPolicy',
      name: policy.name,
      json: policy,
    });

    expect(body).toMatchObject({ name: policy.name, sms: { enabled: true } });
    flow.deviceAuthenticationPolicy = { id: body.id, name: body.name };
  });

  test('14 gives the user an SMS device', async ({ pingone, ledger, flow, settings }) => {
    const user = need(flow.user, 'user', '10');
    const policy = need(flow.deviceAuthenticationPolicy, 'device authentication policy', '13');
    const phone = flow.builders.phone();

    const { body } = await createRecorded(pingone, ledger, 'createMFAUserDevice', {
      kind: 'device',
      name: phone,
      parents: { userID: user.id },
      json: flow.builders.smsDevice(phone, policy.id, settings.otp.source === 'test-mode'),
    });

    expect(body).toMatchObject({ type: 'SMS', status: 'ACTIVE', user: { id: user.id } });
    flow.device = { id: body.id, phone };
  });

  test('15 authorizes with a login_hint_token (response_mode=pi.flow)', async ({ pingone, flow, settings }) => {
    const application = need(flow.application, 'application', '01');
    const secret = need(flow.secret, 'application secret', '02');
    const user = need(flow.user, 'user', '10');
    const device = need(flow.device, 'SMS device', '14');
    const loginHintToken = await signLoginHintToken({
      secret,
      clientId: application.id,
      subject: user.id,
      audience: `${settings.authUrl}/${settings.environmentId}/as`,
    });
    registerSecret(loginHintToken, 'login_hint_token');

    const { body } = await pingone.call('authorizePost', {
      context: flow.browser,
      form: {
        client_id: application.id,
        response_type: 'code',
        response_mode: 'pi.flow',
        scope: 'openid profile email',
        login_hint_token: loginHintToken,
      },
    });

    expect(body.status, 'an MFA-enabled user with one SMS device is asked for a passcode').toBe('OTP_REQUIRED');
    expect(body.selectedDevice?.id).toBe(device.id);
    expect(body._links['otp.check'].href).toContain(body.id);
    flow.authFlow = body;
  });

  test('16 checks the one-time passcode on the flow', async ({ pingone, flow, settings }) => {
    const authFlow = need(flow.authFlow, 'flow', '15');
    const device = need(flow.device, 'SMS device', '14');
    const otp = await readOtp(settings, { flow: authFlow, phone: device.phone, request: flow.browser });

    const { body } = await pingone.call('checkOTP', { url: authFlow._links['otp.check'].href, context: flow.browser, json: { otp } });

    expect(body.status).toBe('COMPLETED');
    expect(body.id).toBe(authFlow.id);
    flow.authFlow = body;
  });

  test('17 resumes the flow and receives the authorization code', async ({ pingone, flow, settings }) => {
    const authFlow = need(flow.authFlow, 'completed flow', '16');
    const application = need(flow.application, 'application', '01');
    const secret = need(flow.secret, 'application secret', '02');

    const { body } = await pingone.call('resume', { url: authFlow.resumeUrl, context: flow.browser });

    const code = body.authorizeResponse?.code;
    expect(typeof code === 'string' && code.length > 0, 'resume answers authorizeResponse.code in pi.flow mode').toBe(true);
    flow.code = code;

    await test.step('exchanges the code for tokens that verify against the JWKS', async () => {
      const { body: tokens } = await pingone.call('token', {
        form: { grant_type: 'authorization_code', code },
        auth: { basic: { clientId: application.id, clientSecret: secret } },
      });
      const { body: discovery } = await pingone.call('openidConfiguration');
      const { body: jwks } = await pingone.call('jwks', { url: discovery.jwks_uri });

      const { payload } = await jwtVerify(tokens.id_token, createLocalJWKSet(jwks), {
        algorithms: ['RS256'],
        issuer: `${settings.authUrl}/${settings.environmentId}/as`,
        audience: application.id,
      });
      expect(payload.sub).toBe(need(flow.user, 'user', '10').id);
    });
  });
}

if (PARALLEL_FLOWS > 1) {
  test.describe.configure({ mode: 'parallel' });
  for (let n = 1; n <= PARALLEL_FLOWS; n++) test.describe(`flow ${n} of ${PARALLEL_FLOWS}`, mfaOnlyFlow);
} else {
  mfaOnlyFlow();
}

import { randomBytes } from 'node:crypto';
import { Builders } from '../../fixtures/builders.ts';
import { signLoginHintToken } from '../../lib/login-hint-token.ts';

/** Sends one HTTP request; the bench swaps Node's fetch for an in-process, timed app.fetch. */
export type Send = (request: Request) => Promise<Response>;

/** Where the flow goes: the emulator's origin (both planes) and its tenant. */
export interface BareTarget {
  url: string;
  environmentId: string;
  clientId: string;
  clientSecret: string;
}

/** What one bare flow did: how many requests, first request to last. */
export interface BareRun {
  requests: number;
  elapsedMs: number;
}

/**
 * The suite's requests without the suite: worker token, the 17 steps, the code exchange, cleanup
 * deletes and the 404 confirms, issued one after the other with nothing but fetch and a cookie
 * jar. It fails loudly on any answer the suite would not accept, so that a fast wrong run is
 * never taken for a fast run.
 */
export async function bareFlow(target: BareTarget, send: Send = fetch): Promise<BareRun> {
  const builders = new Builders(randomBytes(3).toString('hex'), 7);
  const api = `${target.url}/v1/environments/${target.environmentId}`;
  const as = `${target.url}/${target.environmentId}/as`;
  const cookies = new Map<string, string>();
  let requests = 0;
  let token = '';

  const call = async (method: string, url: string, expect: number, init: { json?: unknown; form?: Record<string, string>; type?: string; auth?: string } = {}) => {
    const headers = new Headers({ Accept: 'application/json' });
    if (init.auth !== undefined) headers.set('Authorization', init.auth);
    else if (url.startsWith(`${target.url}/v1/`)) headers.set('Authorization', `Bearer ${token}`);
    if (cookies.size) headers.set('Cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    let body: string | undefined;
    if (init.json !== undefined) {
      headers.set('Content-Type', init.type ?? 'application/json');
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }

    requests += 1;
    const response = await send(new Request(url, { method, headers, body, redirect: 'manual' }));
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    const text = await response.text();
    if (response.status !== expect) throw new Error(`${method} ${new URL(url).pathname} answered ${response.status}, expected ${expect}.`);
    return text ? JSON.parse(text) : undefined;
  };
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  const started = performance.now();
  token = (await call('POST', `${as}/token`, 200, { form: { grant_type: 'client_credentials' }, auth: basic(target.clientId, target.clientSecret) })).access_token;

  const app = await call('POST', `${api}/applications`, 201, { json: builders.webApplication() });
  const { secret } = await call('GET', `${api}/applications/${app.id}/secret`, 200);
  const resources = await call('GET', `${api}/resources`, 200);
  const openid = resources._embedded.resources.find((r: any) => r.type === 'OPENID_CONNECT' && r.name === 'openid');
  const scopes = (await call('GET', `${api}/resources/${openid.id}/scopes`, 200))._embedded.scopes.filter((s: any) => ['profile', 'email'].includes(s.name));
  const grant = await call('POST', `${api}/applications/${app.id}/grants`, 201, { json: builders.grant(openid.id, scopes.map((s: any) => s.id)) });
  const policy = await call('POST', `${api}/signOnPolicies`, 201, { json: builders.signOnPolicy() });
  const action = await call('POST', `${api}/signOnPolicies/${policy.id}/actions`, 201, { json: builders.smsMfaAction() });
  const assignment = await call('POST', `${api}/applications/${app.id}/signOnPolicyAssignments`, 201, { json: builders.signOnPolicyAssignment(policy.id) });
  const population = await call('POST', `${api}/populations`, 201, { json: builders.population() });
  const user = await call('POST', `${api}/users`, 201, { json: builders.user(population.id) });
  await call('PUT', `${api}/users/${user.id}/password`, 200, { json: { value: builders.password(), forceChange: false }, type: 'application/vnd.pingidentity.password.set+json' });
  await call('PUT', `${api}/users/${user.id}/mfaEnabled`, 200, { json: { mfaEnabled: true } });
  const dap = await call('POST', `${api}/deviceAuthenticationPolicies`, 201, { json: builders.deviceAuthenticationPolicy() });
  const device = await call('POST', `${api}/users/${user.id}/devices`, 201, { json: builders.smsDevice(builders.phone(), dap.id, true) });

  const loginHintToken = await signLoginHintToken({ secret, clientId: app.id, subject: user.id, audience: as });
  const form = { client_id: app.id, response_type: 'code', response_mode: 'pi.flow', scope: 'openid profile email', login_hint_token: loginHintToken };
  const flow = await call('POST', `${as}/authorize`, 200, { form });
  const done = await call('POST', flow._links['otp.check'].href, 200, { json: { otp: flow.test.otp }, type: 'application/vnd.pingidentity.otp.check+json' });
  const { code } = (await call('GET', done.resumeUrl, 200)).authorizeResponse;
  await call('POST', `${as}/token`, 200, { form: { grant_type: 'authorization_code', code }, auth: basic(app.id, secret) });
  const discovery = await call('GET', `${as}/.well-known/openid-configuration`, 200);
  await call('GET', discovery.jwks_uri, 200);

  const gone = [
    `${api}/users/${user.id}/devices/${device.id}`,
    `${api}/users/${user.id}`,
    `${api}/populations/${population.id}`,
    `${api}/applications/${app.id}/signOnPolicyAssignments/${assignment.id}`,
    `${api}/applications/${app.id}/grants/${grant.id}`,
    `${api}/applications/${app.id}`,
    `${api}/signOnPolicies/${policy.id}`,
    `${api}/deviceAuthenticationPolicies/${dap.id}`,
  ];
  for (const url of gone) await call('DELETE', url, 204);
  for (const url of [...gone.slice(0, 6), `${api}/signOnPolicies/${policy.id}/actions/${action.id}`, ...gone.slice(6)]) await call('GET', url, 404);

  return { requests, elapsedMs: performance.now() - started };
}

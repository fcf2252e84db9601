import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { mediaType } from '../request.ts';
import { parseAuthorizeRequest } from './authorize-request.ts';
import { flows, newFlow } from './flow.ts';
import { flowView, resumeUrl, signOnPage } from './flow-view.ts';
import { verifyLoginHintToken } from './login-hint-token.ts';
import { advance, signOnPolicyFor } from './policy-evaluation.ts';
import { newSessionToken, setSessionCookie } from './session-cookie.ts';
import { recordSecret } from '../testing/secrets.ts';

const FORM = 'application/x-www-form-urlencoded';

/**
 * `GET|POST /{envID}/as/authorize`: starts a sign-on flow for the user a `login_hint_token` names
 * and runs the application's sign-on policy up to the first user step. Sets the `ST` session
 * cookie. With `response_mode=pi.flow` the flow is answered as JSON (200); otherwise the browser
 * is sent (302) to the hosted sign-on page, or straight to resume when nothing is left to do.
 */
export async function authorize(c: EmulatorContext): Promise<Response> {
  const emulator = c.get('emulator');
  const params = await readParams(c);
  const { request, application, loginHintToken } = parseAuthorizeRequest(emulator, params);
  recordSecret(emulator, 'login_hint_token', loginHintToken);
  const user = await verifyLoginHintToken(emulator, application, loginHintToken);

  const { policy, actions } = signOnPolicyFor(emulator, application);
  const flow = newFlow(emulator, {
    request,
    applicationId: application.id,
    userId: user.id,
    signOnPolicyId: policy.id,
    actionIds: actions.map((action) => action.id),
    sessionToken: newSessionToken(),
  });
  advance(emulator, flow, user, application);
  flows(emulator).insert(flow);
  c.get('log')('flow started flow=%s status=%s', flow.id, flow.status);

  recordSecret(emulator, 'session cookie', flow.sessionToken);
  setSessionCookie(c, flow.sessionToken);
  c.header('Cache-Control', 'no-store');
  if (request.responseMode === 'pi.flow') return c.json(flowView(emulator, flow));
  return c.redirect(
    flow.status === 'COMPLETED' ? resumeUrl(emulator, flow.id) : signOnPage(emulator, flow.id),
    302,
  );
}

/** The query string of a GET; the form body of a POST (which must be form-encoded). */
async function readParams(c: EmulatorContext): Promise<URLSearchParams> {
  if (c.req.method === 'GET') return new URL(c.req.url).searchParams;

  const received = mediaType(c);
  if (received !== FORM) throw errors.unsupportedMediaType(received, [FORM]);
  return new URLSearchParams(await c.req.text());
}

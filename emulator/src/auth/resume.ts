import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { authHref } from '../hal.ts';
import { authorizationResponse } from './authorization-response.ts';
import { expiresAt, flows, type AuthorizeRequest } from './flow.ts';
import { openFlow } from './flow-actions.ts';

/**
 * `GET /{envID}/as/resume?flowId=…`: hands out the authorization response of a COMPLETED flow,
 * once. With `response_mode=pi.flow` it is JSON (200) with `authorizeResponse`; otherwise a 302
 * to the redirect_uri with the response in the query or fragment. The flow is then forgotten, so a
 * second resume is 404 NOT_FOUND.
 */
export async function resume(c: EmulatorContext): Promise<Response> {
  const emulator = c.get('emulator');
  const flowId = new URL(c.req.url).searchParams.get('flowId');
  if (!flowId)
    throw errors.invalidRequest('The resume request is missing a required parameter.', [
      { code: 'REQUIRED_VALUE', target: 'flowId', message: 'flowId is required.' },
    ]);
  const flow = openFlow(c, flowId);
  if (flow.status !== 'COMPLETED')
    throw errors.invalidRequest(
      `The flow is ${flow.status}; only a COMPLETED flow can be resumed.`,
      [
        {
          code: 'INVALID_VALUE',
          target: 'flowId',
          message: `The flow ${flow.id} is not COMPLETED.`,
        },
      ],
    );

  const authorizeResponse = await authorizationResponse(emulator, flow);
  flows(emulator).delete(flow.id);
  c.get('log')('flow resumed flow=%s', flow.id);

  c.header('Cache-Control', 'no-store');
  if (flow.request.responseMode !== 'pi.flow')
    return c.redirect(redirectTo(flow.request, authorizeResponse), 302);
  return c.json({
    _links: { self: { href: authHref(emulator, 'flows', flow.id) } },
    id: flow.id,
    environment: { id: emulator.config.environmentId },
    session: { id: flow.sessionId },
    status: flow.status,
    authorizeResponse,
    createdAt: emulator.state.timestamp(flow.createdAt),
    expiresAt: emulator.state.timestamp(expiresAt(flow)),
  });
}

/** The redirect_uri with the response in its query (`query`) or fragment (`fragment`). */
function redirectTo(request: AuthorizeRequest, response: Record<string, unknown>): string {
  const url = new URL(request.redirectUri!);
  const params = request.responseMode === 'query' ? url.searchParams : new URLSearchParams();
  for (const [name, value] of Object.entries(response)) params.set(name, String(value));
  if (request.responseMode === 'fragment') url.hash = params.toString();
  return url.toString();
}

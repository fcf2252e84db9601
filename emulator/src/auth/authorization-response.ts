import type { Emulator } from '../context.ts';
import { issueAuthorizationCode } from './authorization-codes.ts';
import type { Flow } from './flow.ts';
import { userIdToken, userTokenResponse, type UserGrant } from './user-tokens.ts';

/**
 * The authorization response of a COMPLETED flow, as its `response_type` asks: `code` (single-use,
 * bound to the client, the redirect_uri sent at authorize and the user), `access_token` with
 * `token_type`/`expires_in`/`scope` for `token`, `id_token` for `id_token`; `state` when one was
 * sent.
 */
export async function authorizationResponse(
  emulator: Emulator,
  flow: Flow,
): Promise<Record<string, unknown>> {
  const { request } = flow;
  const grant = userGrant(emulator, flow);
  const wants = (member: string) => request.responseType.includes(member as never);

  const response: Record<string, unknown> = {};
  if (wants('code'))
    response.code = issueAuthorizationCode(emulator, {
      ...grant,
      redirectUri: request.redirectUri,
    });
  if (wants('token')) Object.assign(response, await userTokenResponse(emulator, grant, false));
  if (wants('id_token')) response.id_token = await userIdToken(emulator, grant);
  if (request.state !== undefined) response.state = request.state;
  return response;
}

function userGrant(emulator: Emulator, flow: Flow): UserGrant {
  const policy = emulator.state.collections.signOnPolicies.get(flow.signOnPolicyId);
  return {
    clientId: flow.applicationId,
    userId: flow.userId,
    scopes: flow.request.scopes,
    sessionId: flow.sessionId ?? '',
    authTime: flow.authTime ?? Math.floor(emulator.state.now() / 1000),
    acr: String(policy?.name ?? ''),
    amr: flow.amr,
    ...(flow.request.nonce !== undefined ? { nonce: flow.request.nonce } : {}),
  };
}

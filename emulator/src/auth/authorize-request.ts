import type { Emulator } from '../context.ts';
import { errors, type PingOneError } from '../errors.ts';
import type { Entity } from '../state.ts';
import type { AuthorizeRequest, ResponseMode, ResponseTypeMember } from './flow.ts';

const RESPONSE_TYPES: readonly ResponseTypeMember[] = ['code', 'token', 'id_token'];
const RESPONSE_MODES: readonly ResponseMode[] = ['pi.flow', 'query', 'fragment'];

/** Authorize parameters PingOne knows that the emulator does not serve: refused, never ignored. */
const UNSUPPORTED = [
  'request',
  'request_uri',
  'code_challenge',
  'code_challenge_method',
  'acr_values',
  'max_age',
  'prompt',
  'claims',
  'id_token_hint',
  'login_hint',
];

/**
 * Reads and checks an authorize request against the application it names. Each problem is a
 * 400 INVALID_REQUEST naming the parameter; an unknown or disabled `client_id` included.
 */
export function parseAuthorizeRequest(
  emulator: Emulator,
  params: URLSearchParams,
): { request: AuthorizeRequest; application: Entity; loginHintToken: string } {
  for (const name of new Set(params.keys()))
    if (params.getAll(name).length > 1) throw invalid(name, `${name} must be sent once.`);
  const unsupported = UNSUPPORTED.find((name) => params.has(name));
  if (unsupported)
    throw errors.unsupportedFeature(
      `The emulator does not serve the authorize parameter ${unsupported}.`,
    );

  const application = clientApplication(emulator, params.get('client_id'));
  const responseType = readResponseType(application, params.get('response_type'));
  const responseMode = readResponseMode(params.get('response_mode'), responseType);
  const redirectUri = readRedirectUri(application, params.get('redirect_uri'), responseMode);
  const scopes = readScopes(emulator, application, params.get('scope') ?? 'openid', responseType);

  const nonce = params.get('nonce') ?? undefined;
  if (responseType.includes('id_token') && nonce === undefined)
    throw required('nonce', 'nonce is required when response_type includes id_token.');
  const loginHintToken = params.get('login_hint_token');
  if (!loginHintToken)
    throw errors.unsupportedFeature(
      'The emulator serves only MFA-only sign-on, which needs a login_hint_token.',
    );

  const request: AuthorizeRequest = {
    clientId: application.id,
    responseType,
    responseMode,
    scopes,
    ...(redirectUri !== undefined ? { redirectUri } : {}),
    ...(params.has('state') ? { state: params.get('state')! } : {}),
    ...(nonce !== undefined ? { nonce } : {}),
  };
  return { request, application, loginHintToken };
}

function clientApplication(emulator: Emulator, clientId: string | null): Entity {
  if (!clientId) throw required('client_id', 'client_id is required.');
  const application = emulator.state.collections.applications.get(clientId);
  if (!application)
    throw invalid('client_id', 'client_id names no application of this environment.');

  if (application.enabled !== true) throw invalid('client_id', 'The application is disabled.');
  if (application.protocol !== 'OPENID_CONNECT')
    throw invalid('client_id', 'The application is not an OpenID Connect application.');
  return application;
}

function readResponseType(application: Entity, value: string | null): ResponseTypeMember[] {
  if (!value) throw required('response_type', 'response_type is required.');
  const members = value.split(' ').filter(Boolean);
  const unknown = members.find((member) => !RESPONSE_TYPES.includes(member as ResponseTypeMember));
  if (unknown !== undefined || new Set(members).size !== members.length)
    throw invalid(
      'response_type',
      'response_type must be code, token, id_token or a combination of them.',
      RESPONSE_TYPES,
    );

  const allowed = asArray(application.responseTypes);
  const refused = members.find((member) => !allowed.includes(member.toUpperCase()));
  if (refused)
    throw invalid(
      'response_type',
      `The application's responseTypes do not include ${refused.toUpperCase()}.`,
    );
  const grants = asArray(application.grantTypes);
  if (members.includes('code') && !grants.includes('AUTHORIZATION_CODE'))
    throw invalid(
      'response_type',
      "The application's grantTypes do not include AUTHORIZATION_CODE.",
    );
  if (members.some((member) => member !== 'code') && !grants.includes('IMPLICIT'))
    throw invalid('response_type', "The application's grantTypes do not include IMPLICIT.");
  return members as ResponseTypeMember[];
}

function readResponseMode(value: string | null, responseType: ResponseTypeMember[]): ResponseMode {
  if (value === 'form_post')
    throw errors.unsupportedFeature('The emulator does not serve response_mode form_post.');
  if (value !== null && !RESPONSE_MODES.includes(value as ResponseMode))
    throw invalid(
      'response_mode',
      `response_mode must be one of ${RESPONSE_MODES.join(', ')}.`,
      RESPONSE_MODES,
    );

  const onlyCode = responseType.length === 1 && responseType[0] === 'code';
  const mode = (value ?? (onlyCode ? 'query' : 'fragment')) as ResponseMode;
  if (mode === 'query' && !onlyCode)
    throw invalid('response_mode', 'Tokens cannot be returned with response_mode query.');
  return mode;
}

function readRedirectUri(
  application: Entity,
  value: string | null,
  mode: ResponseMode,
): string | undefined {
  if (value === null && mode !== 'pi.flow')
    throw required('redirect_uri', 'redirect_uri is required unless response_mode is pi.flow.');
  if (value === null) return undefined;

  if (!asArray(application.redirectUris).includes(value))
    throw invalid('redirect_uri', "redirect_uri is not one of the application's redirectUris.");
  return value;
}

function readScopes(
  emulator: Emulator,
  application: Entity,
  value: string,
  responseType: ResponseTypeMember[],
): string[] {
  const scopes = [...new Set(value.split(' ').filter(Boolean))];
  const granted = grantedScopes(emulator, application);
  const refused = scopes.find((scope) => scope !== 'openid' && !granted.has(scope));
  if (refused !== undefined)
    throw invalid('scope', `The scope ${refused} is not granted to the application.`);

  if (responseType.includes('id_token') && !scopes.includes('openid'))
    throw invalid('scope', 'scope must include openid when response_type includes id_token.');
  return scopes;
}

/** Names of the scopes the application's resource grants give it. */
function grantedScopes(emulator: Emulator, application: Entity): Set<string> {
  const { collections } = emulator.state;
  const names = new Set<string>();
  for (const grant of collections.grants.list(
    (item) => (item.application as { id?: string } | undefined)?.id === application.id,
  ))
    for (const reference of (grant.scopes ?? []) as { id?: string }[]) {
      const scope = collections.scopes.get(reference.id ?? '');
      if (typeof scope?.name === 'string') names.add(scope.name);
    }
  return names;
}

function asArray(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function required(target: string, message: string): PingOneError {
  return errors.invalidRequest('The authorize request is missing a required parameter.', [
    { code: 'REQUIRED_VALUE', target, message },
  ]);
}

function invalid(target: string, message: string, allowedValues?: readonly string[]): PingOneError {
  return errors.invalidRequest('The authorize request is not valid.', [
    {
      code: 'INVALID_VALUE',
      target,
      message,
      ...(allowedValues ? { innerError: { allowedValues: [...allowedValues] } } : {}),
    },
  ]);
}

import type { Verdict } from './contract.ts';

/** What a hint rule sees of a failed call. */
export interface FailureFacts {
  operationId: string;
  status?: number;
  body?: unknown;
  verdict?: Verdict;
  transport?: string;
}

interface Rule {
  when: (facts: FailureFacts, error: ErrorView) => boolean;
  hint: string;
}

interface ErrorView {
  code?: string;
  oauthError?: string;
  details: { code?: string; target?: string }[];
  has(detailCode: string, target?: string): boolean;
}

/**
 * Likely causes of failures, most specific first. Each names what to check in the tenant or in
 * the settings, because the person reading it is on call and did not write the suite.
 */
const RULES: Rule[] = [
  {
    when: (f) => f.transport !== undefined,
    hint: 'PingOne did not answer. Check the region or base URLs (PINGONE_REGION, PINGONE_API_URL, PINGONE_AUTH_URL) and the network path from this runner.',
  },
  {
    when: (f, e) => f.operationId === 'token' && e.oauthError === 'invalid_client',
    hint: 'The client credentials were refused. Check PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET, that the worker application is enabled, and that its token auth method matches (CLIENT_SECRET_BASIC).',
  },
  {
    when: (f, e) => f.operationId === 'token' && e.oauthError === 'invalid_grant',
    hint: 'The authorization code was refused: it is single-use, short-lived and bound to the application that started the flow.',
  },
  {
    when: (f, e) => f.status === 401 && e.has('INVALID_TOKEN'),
    hint: 'The worker token was not accepted. Check that PINGONE_ENVIRONMENT_ID is the environment the worker application lives in.',
  },
  {
    when: (f, e) => f.status === 403 && e.has('INSUFFICIENT_PERMISSIONS'),
    hint: 'The worker application lacks a role for this call. Give it Environment Admin and Identity Data Admin on this environment (PingOne console: Applications > your worker > Roles).',
  },
  {
    when: (f, e) => f.operationId === 'updateUserPassword' && e.has('INVALID_VALUE', 'password'),
    hint: "The population's password policy rejected the generated password. Compare the policy's rules (length, character classes, history) with the details above.",
  },
  {
    when: (f, e) => f.operationId === 'createMFAUserDevice' && e.has('INVALID_VALUE', 'phone'),
    hint: 'The phone number was refused. PingOne needs international format with a leading + and country code.',
  },
  {
    when: (f, e) => f.operationId === 'createMFAUserDevice' && (f.status === 400 || f.status === 403),
    hint: 'The SMS device could not be created. Check that SMS is enabled in the device authentication policy and in the environment (PingOne console: Authentication > MFA).',
  },
  {
    when: (f) => (f.operationId === 'authorize' || f.operationId === 'authorizePost') && JSON.stringify(f.body ?? '').includes('login_hint_token'),
    hint: "The login_hint_token was refused. It must be HS256/384/512-signed with the application's current secret, iss = the application ID, aud = the environment's issuer (https://auth.pingone.<tld>/<envID>/as), a valid exp, and sub = the user's ID or username. Check this runner's clock.",
  },
  {
    when: (f, e) => f.operationId === 'checkOTP' && e.has('INVALID_OTP'),
    hint: 'The passcode was refused. Check the OTP source (PINGONE_OTP_SOURCE) and that the passcode is read from the device this flow selected.',
  },
  {
    when: (f, e) => e.has('UNIQUENESS_VIOLATION'),
    hint: 'A resource with this name already exists: probably a leftover of a killed run. Run `npm run sweep`, which deletes resources carrying the suite\'s run tag.',
  },
  {
    when: (f, e) => f.status === 404 && f.operationId.startsWith('create'),
    hint: 'A resource this call refers to was not found. If it was created moments ago PingOne may not show it yet; otherwise an earlier step or a concurrent change deleted it.',
  },
  {
    when: (f) => f.status === 429,
    hint: 'PingOne rate-limited the run beyond the retry budget. Run fewer flows in parallel, or run when other automation on the same license is quiet.',
  },
  {
    when: (f) => f.status !== undefined && f.status >= 500,
    hint: 'PingOne had a server-side fault that did not clear within the retries. Check status.pingidentity.com, then run again.',
  },
  {
    when: (f) => f.verdict !== undefined && f.verdict.expected.statuses.includes(f.status ?? -1) && f.verdict.violations.length > 0,
    hint: "PingOne's answer no longer matches the contract at the paths below. If PingOne changed on purpose, update the schema in schemas/; if not, the tenant configuration or PingOne regressed.",
  },
];

/** The most likely cause of a failed call, as one sentence a person can act on. */
export function hintFor(facts: FailureFacts): string {
  const error = view(facts.body);
  const rule = RULES.find((candidate) => candidate.when(facts, error));
  return rule?.hint ?? 'Compare the expected and received answers above; the attachments of this step hold the full, redacted exchange.';
}

function view(body: unknown): ErrorView {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, any>;
  const details = Array.isArray(record.details) ? record.details : [];
  return {
    code: typeof record.code === 'string' ? record.code : undefined,
    oauthError: typeof record.error === 'string' ? record.error : undefined,
    details,
    has: (detailCode, target) => details.some((d: any) => d?.code === detailCode && (target === undefined || d?.target === target)),
  };
}

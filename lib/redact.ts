/**
 * Redaction of secrets before anything reaches a log, report, attachment or error message.
 *
 * Two layers: fields and headers that carry secrets by name are masked wherever they appear, and
 * every secret value the run has seen is registered and replaced wherever it appears in text (a
 * token inside a URL, a secret echoed in an error message).
 */

const SECRET_FIELDS = new Set([
  'secret',
  'client_secret',
  'access_token',
  'id_token',
  'refresh_token',
  'login_hint_token',
  'otp',
  'code',
  'password',
  'value',
  'assertion',
]);

/** Fields that are secret only under a given parent, e.g. the `value` of a password. */
const SECRET_UNDER: Record<string, Set<string>> = {
  code: new Set(['authorizeResponse']),
  value: new Set(['', 'password']),
};

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization']);
const MIN_SECRET_LENGTH = 4;

const registered = new Map<string, string>();

/** Remembers a secret value so that {@link redactText} masks it wherever it appears. */
export function registerSecret(value: string | undefined | null, kind: string): void {
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  registered.set(value, kind);
  const encoded = encodeURIComponent(value);
  if (encoded !== value) registered.set(encoded, kind);
}

/** Replaces every registered secret value in `text` with `[REDACTED <kind>]`. */
export function redactText(text: string): string {
  let result = text;
  for (const [value, kind] of registered) if (result.includes(value)) result = result.split(value).join(`[REDACTED ${kind}]`);
  return result;
}

/** Masks secret headers by name and registered values in the rest. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    result[name] = SECRET_HEADERS.has(name.toLowerCase()) ? `[REDACTED ${name.toLowerCase()}]` : redactText(value);
  return result;
}

/** A deep copy of a JSON value with secret fields masked and registered values replaced. */
export function redactJson(value: unknown, parent = ''): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, parent));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const under = SECRET_UNDER[key];
    const secret = SECRET_FIELDS.has(key) && (!under || under.has(parent)) && typeof item === 'string';
    result[key] = secret ? `[REDACTED ${key}]` : redactJson(item, key);
  }
  return result;
}

const SECRET_FORM_FIELDS = new Set(['client_secret', 'code', 'login_hint_token', 'assertion', 'password', 'refresh_token']);

/** Redacts a form body: secret fields masked by name, registered values replaced in the rest. */
export function redactForm(form: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(form))
    result[key] = SECRET_FORM_FIELDS.has(key) ? `[REDACTED ${key}]` : redactText(value);
  return result;
}

/** Forgets registered values; for tests. */
export function clearSecrets(): void {
  registered.clear();
}

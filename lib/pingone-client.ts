import type { APIRequestContext, APIResponse, TestInfo } from '@playwright/test';
import { checkResponse, operation, type OperationInfo, type Verdict } from './contract.ts';
import type { Settings } from './config.ts';
import { StepFailure } from './failure.ts';
import { redactForm, redactHeaders, redactJson, redactText, registerSecret } from './redact.ts';
import { FRESH_RESOURCE_MS, MAX_ATTEMPTS, transientReason, waitBeforeRetry, type TransientReason } from './retry.ts';

/** How the call authenticates. */
export type CallAuth = 'worker' | 'none' | { basic: { clientId: string; clientSecret: string } };

export interface CallOptions {
  /** Path parameters besides `envID`, which is always the configured environment. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body, sent with the operation's documented request media type. */
  json?: unknown;
  /** A form body (`application/x-www-form-urlencoded`). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Follow a URL exactly as PingOne handed it out (`resumeUrl`, `_links[...]`). */
  url?: string;
  /** A documented error status this call expects (negative tests, 404 after delete). */
  expectStatus?: number;
  auth?: CallAuth;
  /** Another request context, e.g. the flow's own cookie jar. */
  context?: APIRequestContext;
  /**
   * For creates: finds the resource by its run-unique name. After an ambiguous failure (5xx,
   * timeout) the create is not repeated blindly: an existing resource is adopted instead.
   */
  lookup?: () => Promise<CallResult | undefined>;
  /** Sees every final answer before the contract is checked, e.g. to record a created id. */
  onAnswer?: (result: CallResult) => void;
}

/** One send of a call, as the report shows it. */
export interface Attempt {
  status?: number;
  error?: string;
  retried?: { reason: TransientReason | 'token renewed after 401'; waitMs: number };
}

export interface CallResult<T = any> {
  operationId: string;
  status: number;
  headers: Record<string, string>;
  body: T;
  verdict: Verdict;
  attempts: Attempt[];
}

/** Obtains and renews the worker's access token. */
export interface TokenSource {
  get(): Promise<string>;
  /** Drops the cached token after a 401, so that the next get() fetches a new one. */
  invalidate(): void;
}

/** The per-call view of a test: where attachments and retry notes go, and the step's name. */
export interface CallScope {
  testInfo?: TestInfo;
  step?: string;
}

/** What a client shares across calls: settings, transport, worker token, the run's fresh ids. */
export interface ClientCore {
  settings: Settings;
  request: APIRequestContext;
  token?: TokenSource;
  /** Ids this run created, with when; a 404 for one of these moments later is retried. */
  created: Map<string, number>;
  /** Test hook: the delay function between retries. */
  sleep?: (ms: number) => Promise<void>;
  /** Default per-request timeout in ms. */
  timeoutMs: number;
  /** Every verdict's unknown fields, for the run summary. */
  onVerdict?: (verdict: Verdict, attempts: Attempt[], elapsedMs: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls PingOne operations by their contract `operationId`, checks every answer against the
 * contract, retries transient faults visibly, and attaches each exchange (redacted) to the report.
 */
export class PingOneClient {
  private sequence = 0;

  constructor(
    private readonly core: ClientCore,
    private readonly scope: CallScope = {},
  ) {}

  /** The same client, reporting into another test or step. */
  withScope(scope: CallScope): PingOneClient {
    return new PingOneClient(this.core, scope);
  }

  get settings(): Settings {
    return this.core.settings;
  }

  /** Sends the operation, retrying transient faults, and fails unless the answer is in contract. */
  async call<T = any>(operationId: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const info = operation(operationId);
    const callSite: { stack?: string } = {};
    Error.captureStackTrace(callSite, this.call);
    const started = performance.now();
    const result = await this.send<T>(info, options);
    options.onAnswer?.(result);
    this.core.onVerdict?.(result.verdict, result.attempts, performance.now() - started);
    if (!result.verdict.ok) {
      const failure = new StepFailure({ step: this.scope.step, operation: info, result, expectStatus: options.expectStatus });
      throw pointAtCaller(failure, callSite.stack);
    }
    const id = (result.body as { id?: unknown } | undefined)?.id;
    if (info.method === 'POST' && result.status === 201 && typeof id === 'string') this.core.created.set(id, Date.now());
    return result;
  }

  private async send<T>(info: OperationInfo, options: CallOptions): Promise<CallResult<T>> {
    const url = options.url ?? this.url(info, options);
    const attempts: Attempt[] = [];
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const headers = await this.headers(info, options);
      let response: APIResponse;
      try {
        response = await (options.context ?? this.core.request).fetch(url, {
          method: info.method,
          headers,
          data: options.json === undefined ? undefined : JSON.stringify(options.json),
          form: options.form,
          timeout: this.core.timeoutMs,
          maxRedirects: 0,
          failOnStatusCode: false,
        });
      } catch (error) {
        const message = redactText((error as Error).message.split('\n')[0] ?? 'request failed');
        const reason: TransientReason = /timeout/i.test(message) ? 'timed out' : 'connection failed';
        const ambiguous = this.ambiguous(info, 0);
        const found = ambiguous && options.lookup ? await options.lookup() : undefined;
        if (found) return { ...found, attempts: [...attempts, { error: message }, ...found.attempts] };
        if (attempt >= MAX_ATTEMPTS || (ambiguous && !options.lookup)) throw StepFailure.transport({ step: this.scope.step, operation: info, url: redactText(url), message, attempts: [...attempts, { error: message }] });
        const waitMs = waitBeforeRetry(attempt, undefined);
        attempts.push({ error: message, retried: { reason, waitMs } });
        this.noteRetry(info, reason, waitMs);
        await (this.core.sleep ?? defaultSleep)(waitMs);
        continue;
      }

      const status = response.status();
      const responseHeaders = response.headers();
      const body = await readBody(response);
      if (status === 401 && (options.auth ?? defaultAuth(info)) === 'worker' && !renewed && this.core.token) {
        renewed = true;
        this.core.token.invalidate();
        attempts.push({ status, retried: { reason: 'token renewed after 401', waitMs: 0 } });
        this.noteRetry(info, 'token renewed after 401', 0);
        continue;
      }

      const fresh = this.isFresh(url);
      const reason = options.expectStatus === status ? undefined : transientReason(status, body, fresh);
      if (reason && attempt < MAX_ATTEMPTS) {
        if (this.ambiguous(info, status)) {
          if (!options.lookup) {
            attempts.push({ status });
            return this.finish(info, url, headers, options, status, responseHeaders, body, attempts);
          }
          const found = await options.lookup();
          if (found) return { ...found, attempts: [...attempts, { status }, ...found.attempts] };
        }
        const waitMs = waitBeforeRetry(attempt, responseHeaders['retry-after']);
        attempts.push({ status, retried: { reason, waitMs } });
        this.noteRetry(info, reason, waitMs);
        await (this.core.sleep ?? defaultSleep)(waitMs);
        continue;
      }

      attempts.push({ status });
      return this.finish(info, url, headers, options, status, responseHeaders, body, attempts);
    }
  }

  /**
   * A management create answered 5xx may or may not have happened: it is looked up, never blindly
   * repeated. A 429 was refused before any work, and auth-plane POSTs are safe to send again.
   */
  private ambiguous(info: OperationInfo, status: number): boolean {
    return info.method === 'POST' && info.plane === 'management' && status !== 429;
  }

  private async finish<T>(
    info: OperationInfo,
    url: string,
    headers: Record<string, string>,
    options: CallOptions,
    status: number,
    responseHeaders: Record<string, string>,
    body: unknown,
    attempts: Attempt[],
  ): Promise<CallResult<T>> {
    registerSecrets(body);
    const verdict = checkResponse(info.operationId, { status, contentType: responseHeaders['content-type'], body }, {
      strict: this.core.settings.strictSchemas,
      expectStatus: options.expectStatus,
    });
    const result: CallResult<T> = { operationId: info.operationId, status, headers: responseHeaders, body: body as T, verdict, attempts };
    await this.attach(info, url, headers, options, result);
    return result;
  }

  private url(info: OperationInfo, options: CallOptions): string {
    const params: Record<string, string> = { envID: this.core.settings.environmentId, ...options.params };
    const path = info.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`${info.operationId} needs the path parameter ${name}.`);
      return encodeURIComponent(value);
    });
    const base = info.plane === 'management' ? `${this.core.settings.apiUrl}/v1` : this.core.settings.authUrl;
    const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
    return `${base}${path}${query}`;
  }

  private async headers(info: OperationInfo, options: CallOptions): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.json !== undefined) headers['Content-Type'] ??= info.requestMediaType ?? 'application/json';
    const auth = options.auth ?? defaultAuth(info);
    if (auth === 'worker') {
      if (!this.core.token) throw new Error(`${info.operationId} needs the worker token, and this client has none.`);
      headers.Authorization = `Bearer ${await this.core.token.get()}`;
    } else if (auth !== 'none') {
      registerSecret(auth.basic.clientSecret, 'client secret');
      const credentials = `${encodeURIComponent(auth.basic.clientId)}:${encodeURIComponent(auth.basic.clientSecret)}`;
      headers.Authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    return headers;
  }

  private isFresh(url: string): boolean {
    const now = Date.now();
    for (const [id, at] of this.core.created) if (now - at < FRESH_RESOURCE_MS && url.includes(id)) return true;
    return false;
  }

  private noteRetry(info: OperationInfo, reason: string, waitMs: number): void {
    this.scope.testInfo?.annotations.push({ type: 'retry', description: `${info.operationId}: ${reason}; retried after ${waitMs} ms` });
  }

  private async attach(info: OperationInfo, url: string, headers: Record<string, string>, options: CallOptions, result: CallResult): Promise<void> {
    const testInfo = this.scope.testInfo;
    if (!testInfo) return;
    this.sequence += 1;
    const exchange = {
      operationId: info.operationId,
      request: {
        method: info.method,
        url: redactText(url),
        headers: redactHeaders(headers),
        ...(options.json !== undefined ? { body: redactJson(options.json) } : {}),
        ...(options.form ? { form: redactForm(options.form) } : {}),
      },
      response: { status: result.status, headers: redactHeaders(result.headers), body: redactJson(result.body) },
      attempts: result.attempts,
      contract: { ok: result.verdict.ok, violations: result.verdict.violations, unknownProperties: result.verdict.unknownProperties },
    };
    const name = `${String(this.sequence).padStart(2, '0')} ${info.operationId} → ${result.status}`;
    await testInfo.attach(name, { body: JSON.stringify(exchange, null, 2), contentType: 'application/json' });
  }
}

/**
 * Makes a failure point at the test line that made the call, not at this client: the report
 * then shows the step's own code. Frames inside lib/ (client, create helpers) are left out.
 */
function pointAtCaller<E extends Error>(error: E, stack: string | undefined): E {
  const frames = (stack ?? '').split('\n').slice(1).filter((frame) => !/[\\/]lib[\\/]/.test(frame));
  if (frames.length > 0) error.stack = `${error.name}: ${error.message}\n${frames.join('\n')}`;
  return error;
}

function defaultAuth(info: OperationInfo): CallAuth {
  return info.plane === 'management' ? 'worker' : 'none';
}

async function readBody(response: APIResponse): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Registers secret values found in a response so that they are masked in any later text. */
function registerSecrets(body: unknown): void {
  if (body === null || typeof body !== 'object') return;
  const record = body as Record<string, any>;
  registerSecret(record.secret, 'secret');
  registerSecret(record.previous?.secret, 'secret');
  registerSecret(record.access_token, 'access token');
  registerSecret(record.id_token, 'id token');
  registerSecret(record.refresh_token, 'refresh token');
  registerSecret(record.authorizeResponse?.code, 'authorization code');
  registerSecret(record.test?.otp, 'otp');
}

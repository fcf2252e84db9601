import type { Emulator } from './context.ts';
import type { Entity } from './state.ts';

/** `${apiBaseUrl}/v1/environments/{envID}/<segments>`: the href of a management resource. */
export function apiHref(emulator: Emulator, ...segments: string[]): string {
  const base = `${emulator.config.apiBaseUrl}/v1/environments/${emulator.config.environmentId}`;
  return segments.length ? `${base}/${segments.join('/')}` : base;
}

/** `${authBaseUrl}/{envID}/<segments>`: the href of an auth-plane endpoint. */
export function authHref(emulator: Emulator, ...segments: string[]): string {
  return [emulator.config.authBaseUrl, emulator.config.environmentId, ...segments].join('/');
}

/** The environment's issuer, `${authBaseUrl}/{envID}/as`: token `iss` and login_hint_token `aud`. */
export function issuer(emulator: Emulator): string {
  return authHref(emulator, 'as');
}

/** A single resource as PingOne returns it: `_links` first (with `self`), then its fields. */
export function resource(entity: Entity, self: string, links: Record<string, string> = {}) {
  const _links: Record<string, { href: string }> = { self: { href: self } };
  for (const [name, href] of Object.entries(links)) _links[name] = { href };
  return { _links, ...entity };
}

/** A list as PingOne returns it: `{ _links: { self }, _embedded: { <name>: [...] }, count, size }`. */
export function collection(name: string, items: unknown[], self: string) {
  return { _links: { self: { href: self } }, _embedded: { [name]: items }, count: items.length, size: items.length };
}

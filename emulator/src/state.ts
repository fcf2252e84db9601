import type { KeyObject } from 'node:crypto';

/** A stored resource: PingOne's JSON representation without `_links` (added when rendered). */
export interface Entity {
  id: string;
  [field: string]: unknown;
}

/** One kind of resource, kept under its PingOne collection name. */
export class Collection<T extends Entity = Entity> {
  private readonly items = new Map<string, T>();

  constructor(readonly name: string) {}

  get size(): number {
    return this.items.size;
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  insert(item: T): T {
    this.items.set(item.id, item);
    return item;
  }

  /** Every item, in insertion order, optionally filtered. */
  list(where?: (item: T) => boolean): T[] {
    const all = [...this.items.values()];
    return where ? all.filter(where) : all;
  }

  find(where: (item: T) => boolean): T | undefined {
    for (const item of this.items.values()) if (where(item)) return item;
    return undefined;
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }

  clear(): void {
    this.items.clear();
  }
}

/** An SMS the emulator "sent": kept for tests under the test-only interface. */
export interface OutboxMessage {
  id: string;
  deviceId: string;
  userId: string;
  phone: string;
  text: string;
  otp: string;
  sentAt: string;
}

/** The emulator's whole state. Single-use things (codes, OTPs) are deleted on redemption. */
export class State {
  readonly collections = {
    environments: new Collection('environments'),
    applications: new Collection('applications'),
    applicationSecrets: new Collection('applicationSecrets'),
    resources: new Collection('resources'),
    scopes: new Collection('scopes'),
    grants: new Collection('grants'),
    signOnPolicies: new Collection('signOnPolicies'),
    signOnPolicyActions: new Collection('signOnPolicyActions'),
    signOnPolicyAssignments: new Collection('signOnPolicyAssignments'),
    populations: new Collection('populations'),
    users: new Collection('users'),
    passwords: new Collection('passwords'),
    deviceAuthenticationPolicies: new Collection('deviceAuthenticationPolicies'),
    devices: new Collection('devices'),
    flows: new Collection('flows'),
    sessions: new Collection('sessions'),
    authorizationCodes: new Collection('authorizationCodes'),
  };

  readonly outbox: OutboxMessage[] = [];

  /** Milliseconds added to the wall clock by the test-only clock control. */
  clockOffsetMs = 0;

  constructor(readonly signingKey: { privateKey: KeyObject; publicJwk: Record<string, unknown>; kid: string }) {}

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** ISO-8601 UTC timestamp with milliseconds, as PingOne writes them. */
  timestamp(at = this.now()): string {
    return new Date(at).toISOString();
  }

  /** Forgets everything, so that a seed can be laid again. */
  clear(): void {
    for (const collection of Object.values(this.collections)) collection.clear();
    this.outbox.length = 0;
    this.clockOffsetMs = 0;
  }
}

export type CollectionName = keyof State['collections'];

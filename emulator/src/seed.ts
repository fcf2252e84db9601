import { randomUUID } from 'node:crypto';
import type { Emulator } from './context.ts';
import type { Entity, State } from './state.ts';

/** What one laying of the seed produced: the ids it created and the ids other code needs. */
interface SeedRecord {
  ids: Set<string>;
  passwordPolicyId: string;
}

// Keyed by State: the emulator object is copied by server.ts, its state is not.
const records = new WeakMap<State, SeedRecord>();

/** The OIDC scopes PingOne's built-in `openid` resource carries. */
const OPENID_SCOPES: Record<string, string> = {
  openid: 'Signals an OpenID Connect request and returns the sub claim.',
  profile: 'Profile claims of the user: names, nickname, picture, locale and the like.',
  email: 'The email and email_verified claims.',
  address: 'The address claim.',
  phone: 'The phone_number and phone_number_verified claims.',
  offline_access: 'Lets the application obtain refresh tokens.',
};

/** A few scopes of the built-in `PingOne API` resource, enough to grant and list. */
const PINGONE_API_SCOPES: Record<string, string> = {
  'p1:read:user': 'Read the signed-on user.',
  'p1:update:user': 'Update the signed-on user.',
  'p1:read:device': "Read the signed-on user's MFA devices.",
};

/** An offline (SMS, email, voice) method block of a device authentication policy. */
function offlineMethod(enabled: boolean) {
  return {
    enabled,
    otp: {
      lifeTime: { duration: 30, timeUnit: 'MINUTES' },
      failure: { count: 3, coolDown: { duration: 0, timeUnit: 'MINUTES' } },
      otpLength: 6,
    },
  };
}

/**
 * Lays what a new PingOne SANDBOX environment has: the environment, the worker application (the
 * configured client ID and secret), the `openid` and `PingOne API` resources with their scopes, a
 * default population, a default sign-on policy with one LOGIN action, and a default device
 * authentication policy.
 */
export function seed(emulator: Emulator): void {
  const { config, state } = emulator;
  const { collections } = state;
  const ids = new Set<string>();
  const at = state.timestamp();
  const environment = { id: config.environmentId };
  const add = (collection: { insert(item: Entity): Entity }, entity: Entity) => {
    ids.add(entity.id);
    collection.insert(entity);
  };

  add(collections.environments, {
    id: config.environmentId,
    name: 'PingOne emulator',
    description: 'A local stand-in for a PingOne sandbox environment.',
    type: 'SANDBOX',
    region: 'NA',
    status: 'ACTIVE',
    organization: { id: randomUUID() },
    createdAt: at,
    updatedAt: at,
  });

  add(collections.applications, {
    id: config.clientId,
    environment,
    name: 'Emulator worker',
    description: 'The worker application the contract suite signs in with.',
    enabled: true,
    type: 'WORKER',
    protocol: 'OPENID_CONNECT',
    grantTypes: ['CLIENT_CREDENTIALS'],
    tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
    createdAt: at,
    updatedAt: at,
  });
  collections.applicationSecrets.insert({ id: config.clientId, secret: config.clientSecret });

  const resource = (
    name: string,
    type: string,
    description: string,
    scopes: Record<string, string>,
  ) => {
    const id = randomUUID();
    add(collections.resources, {
      id,
      environment,
      name,
      description,
      type,
      ...(type === 'PINGONE_API' ? { audience: config.apiBaseUrl } : {}),
      accessTokenValiditySeconds: 3600,
      createdAt: at,
      updatedAt: at,
    });
    for (const [scope, text] of Object.entries(scopes)) {
      add(collections.scopes, {
        id: randomUUID(),
        environment,
        resource: { id },
        name: scope,
        description: text,
        createdAt: at,
        updatedAt: at,
      });
    }
  };
  resource('openid', 'OPENID_CONNECT', 'The built-in OpenID Connect resource.', OPENID_SCOPES);
  resource(
    'PingOne API',
    'PINGONE_API',
    'The built-in resource of the PingOne API.',
    PINGONE_API_SCOPES,
  );

  const passwordPolicyId = randomUUID();
  add(collections.populations, {
    id: randomUUID(),
    environment,
    name: 'Default',
    description: 'The population new users join when none is named.',
    default: true,
    passwordPolicy: { id: passwordPolicyId },
    createdAt: at,
    updatedAt: at,
  });

  const signOnPolicyId = randomUUID();
  add(collections.signOnPolicies, {
    id: signOnPolicyId,
    environment,
    name: 'Single_Factor',
    description: 'The default policy: sign on with a username and password.',
    default: true,
    createdAt: at,
    updatedAt: at,
  });
  add(collections.signOnPolicyActions, {
    id: randomUUID(),
    environment,
    signOnPolicy: { id: signOnPolicyId },
    priority: 1,
    type: 'LOGIN',
    recovery: { enabled: true },
  });

  add(collections.deviceAuthenticationPolicies, {
    id: randomUUID(),
    environment,
    name: 'Default MFA Policy',
    default: true,
    forSignOnPolicy: false,
    authentication: { deviceSelection: 'DEFAULT_TO_FIRST' },
    newDeviceNotification: 'NONE',
    sms: offlineMethod(true),
    voice: offlineMethod(true),
    email: offlineMethod(true),
    mobile: {
      enabled: true,
      otp: {
        failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } },
        window: { stepSize: { duration: 30, timeUnit: 'SECONDS' } },
      },
      applications: [],
    },
    totp: {
      enabled: true,
      otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } },
    },
    fido2: { enabled: true },
    updatedAt: at,
  });

  records.set(state, { ids, passwordPolicyId });
}

function record(emulator: Emulator): SeedRecord {
  const found = records.get(emulator.state);
  if (!found) throw new Error('The emulator has not been seeded.');
  return found;
}

/**
 * The ids of everything the seed laid (environment, worker application, resources, scopes,
 * population, policies and the default policy's action), so a "what exists" view can tell seeded
 * from created. Laying the seed again (a reset) replaces the set.
 */
export function seededIds(emulator: Emulator): Set<string> {
  return record(emulator).ids;
}

/** The id of the environment's built-in "Standard" password policy (not served as a resource). */
export function standardPasswordPolicyId(emulator: Emulator): string {
  return record(emulator).passwordPolicyId;
}

import type { CallResult, PingOneClient } from './pingone-client.ts';

/** The kinds of resource the flow creates, by the name the ledger and the report use. */
export type ResourceKind =
  | 'application'
  | 'grant'
  | 'signOnPolicy'
  | 'signOnPolicyAction'
  | 'signOnPolicyAssignment'
  | 'population'
  | 'user'
  | 'deviceAuthenticationPolicy'
  | 'device';

/** What the suite needs to find, read and delete one resource of a kind. */
export interface ResourceEntry {
  kind: ResourceKind;
  /** Unknown until PingOne answers the create; then found by name if the answer was lost. */
  id?: string;
  /** The run-unique name (or username, or phone for a device) it was created with. */
  name: string;
  /** Path parameters of its parents, e.g. `{ appID }` for a grant. */
  parents: Record<string, string>;
}

interface KindInfo {
  /** The path parameter that names the resource itself. */
  idParam: string;
  read: string;
  delete: string;
  /** Lower ranks are deleted first: children before parents, users before populations. */
  rank: number;
  /** Deleted with its parent instead of by itself (PingOne refuses to delete a policy's last action). */
  deletedWith?: ResourceKind;
  /** Lists candidates and returns the matching one's id. */
  find(client: PingOneClient, entry: ResourceEntry): Promise<string | undefined>;
}

type Listed = Record<string, any>;

async function listed(client: PingOneClient, operationId: string, name: string, options: Parameters<PingOneClient['call']>[1] = {}): Promise<Listed[]> {
  const { body } = await client.call(operationId, options);
  return (body?._embedded?.[name] ?? []) as Listed[];
}

const byName = (items: Listed[], name: string) => items.find((item) => item.name === name)?.id as string | undefined;

/** Each kind's operations, deletion order and lookup. The order is PingOne's dependency order. */
export const KINDS: Record<ResourceKind, KindInfo> = {
  device: {
    idParam: 'deviceID',
    read: 'readOneMFAUserDevice',
    delete: 'deleteMFAUserDevice',
    rank: 1,
    find: async (client, entry) =>
      (await listed(client, 'readMFAUserDevices', 'devices', { params: entry.parents })).find((device) => device.phone === entry.name)?.id,
  },
  user: {
    idParam: 'userID',
    read: 'readUser',
    delete: 'deleteUser',
    rank: 2,
    find: async (client, entry) => {
      const filter = entry.parents.populationID ? `population.id eq "${entry.parents.populationID}"` : `username eq "${entry.name}"`;
      const users = await listed(client, 'readAllUsers', 'users', { query: { filter } });
      return users.find((user) => user.username === entry.name)?.id;
    },
  },
  population: {
    idParam: 'populationID',
    read: 'readOnePopulation',
    delete: 'deletePopulation',
    rank: 3,
    find: async (client, entry) => byName(await listed(client, 'readAllPopulations', 'populations'), entry.name),
  },
  signOnPolicyAssignment: {
    idParam: 'assignmentID',
    read: 'readOneSignOnPolicyAssignment',
    delete: 'deleteSignOnPolicyAssignment',
    rank: 4,
    find: async (client, entry) =>
      (await listed(client, 'readAllSignOnPolicyAssignments', 'signOnPolicyAssignments', { params: { appID: entry.parents.appID! } })).find(
        (assignment) => assignment.signOnPolicy?.id === entry.name,
      )?.id,
  },
  grant: {
    idParam: 'grantID',
    read: 'readOneApplicationGrant',
    delete: 'deleteApplicationGrant',
    rank: 5,
    find: async (client, entry) =>
      (await listed(client, 'readAllApplicationGrants', 'grants', { params: { appID: entry.parents.appID! } })).find(
        (grant) => grant.resource?.id === entry.name,
      )?.id,
  },
  application: {
    idParam: 'appID',
    read: 'readOneApplication',
    delete: 'deleteApplication',
    rank: 6,
    find: async (client, entry) => byName(await listed(client, 'readAllApplications', 'applications'), entry.name),
  },
  signOnPolicyAction: {
    idParam: 'actionID',
    read: 'readOneSignOnPolicyAction',
    delete: 'deleteSignOnPolicyAction',
    rank: 7,
    deletedWith: 'signOnPolicy',
    find: async (client, entry) =>
      (await listed(client, 'readAllSignOnPolicyActions', 'actions', { params: { policyID: entry.parents.policyID! } })).find(
        (action) => String(action.priority) === entry.name,
      )?.id,
  },
  signOnPolicy: {
    idParam: 'policyID',
    read: 'readOneSignOnPolicy',
    delete: 'deleteSignOnPolicy',
    rank: 8,
    find: async (client, entry) => byName(await listed(client, 'readAllSignOnPolicies', 'signOnPolicies'), entry.name),
  },
  deviceAuthenticationPolicy: {
    idParam: 'policyID',
    read: 'readOneDeviceAuthenticationPolicy',
    delete: 'deleteDeviceAuthenticationPolicy',
    rank: 9,
    find: async (client, entry) => byName(await listed(client, 'readDeviceAuthenticationPolicies', 'deviceAuthenticationPolicies'), entry.name),
  },
};

/** The path parameters that address the resource itself. */
export function paramsOf(entry: ResourceEntry & { id: string }): Record<string, string> {
  return { ...entry.parents, [KINDS[entry.kind].idParam]: entry.id };
}

/** Reads a resource found by name after an ambiguous create, so that the run can adopt it. */
export async function adopt(client: PingOneClient, entry: ResourceEntry): Promise<CallResult | undefined> {
  const id = await KINDS[entry.kind].find(client, entry);
  if (!id) return undefined;
  return client.call(KINDS[entry.kind].read, { params: paramsOf({ ...entry, id }) });
}

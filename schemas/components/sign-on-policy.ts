import {
  bool,
  collection,
  count,
  nonEmpty,
  object,
  ref,
  text,
  timestamp,
  uuid,
  type Schema,
} from './common.ts';

/** A sign-on policy and its assignment to an application. */
export const signOnPolicySchemas: Record<string, Schema> = {
  SignOnPolicy: object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      name: nonEmpty,
      description: text,
      default: bool,
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    ['_links', 'id', 'environment', 'name', 'default'],
  ),
  SignOnPolicies: collection('signOnPolicies', 'SignOnPolicy'),
  SignOnPolicyAssignment: object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      application: ref('EntityRef'),
      signOnPolicy: ref('EntityRef'),
      priority: { ...count, minimum: 1 },
    },
    ['_links', 'id', 'environment', 'application', 'signOnPolicy', 'priority'],
  ),
  SignOnPolicyAssignments: collection('signOnPolicyAssignments', 'SignOnPolicyAssignment'),
};

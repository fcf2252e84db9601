import { enumOf, nonEmpty, object, ref, text, timestamp, uuid, type Schema } from './common.ts';

/** `GET /environments/{envID}`: `type` tells a SANDBOX from a PRODUCTION environment. */
export const environmentSchemas: Record<string, Schema> = {
  Environment: object(
    {
      _links: ref('Links'),
      id: uuid,
      name: nonEmpty,
      description: text,
      type: enumOf(['SANDBOX', 'PRODUCTION']),
      region: enumOf(['AP', 'AU', 'CA', 'EU', 'NA', 'SG']),
      organization: ref('EntityRef'),
      status: enumOf(['ACTIVE', 'DELETE_PENDING']),
      subtype: enumOf(['DEV', 'QA', 'STAGING', 'TESTING', 'UAT']),
      license: object({ id: uuid, package: text }),
      createdAt: timestamp,
      updatedAt: timestamp,
      softDeletedAt: timestamp,
      hardDeleteAllowedAt: timestamp,
    },
    ['id', 'name', 'type', 'region', 'organization', 'createdAt', 'updatedAt'],
  ),
};

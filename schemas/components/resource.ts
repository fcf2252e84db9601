import {
  arrayOf,
  bool,
  collection,
  enumOf,
  nonEmpty,
  object,
  ref,
  strings,
  text,
  timestamp,
  uuid,
  type Schema,
} from './common.ts';

/** Resources and their scopes. The flow picks the `openid` resource (type OPENID_CONNECT). */
export const resourceSchemas: Record<string, Schema> = {
  Resource: object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      name: nonEmpty,
      description: text,
      type: enumOf(['OPENID_CONNECT', 'PINGONE_API', 'CUSTOM']),
      audience: text,
      accessTokenValiditySeconds: { type: 'integer', minimum: 300, maximum: 2592000 },
      introspectEndpointAuthMethod: enumOf(['NONE', 'CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST']),
      applicationPermissionsSettings: object({ claimEnabled: bool }),
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    ['_links', 'id', 'environment', 'name', 'type'],
  ),
  Resources: collection('resources', 'Resource'),
  ResourceScope: object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      resource: ref('EntityRef'),
      name: nonEmpty,
      description: text,
      schemaAttributes: strings,
      mappedClaims: strings,
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    ['_links', 'id', 'environment', 'resource', 'name'],
  ),
  ResourceScopes: collection('scopes', 'ResourceScope'),
};

/** An application's access grant to a resource's scopes. */
export const grantSchemas: Record<string, Schema> = {
  ApplicationResourceGrant: object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      application: ref('EntityRef'),
      resource: ref('EntityRef'),
      scopes: arrayOf(ref('EntityRef')),
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    ['_links', 'id', 'application', 'resource', 'scopes'],
  ),
  ApplicationResourceGrants: collection('grants', 'ApplicationResourceGrant'),
};

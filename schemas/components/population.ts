import {
  bool,
  collection,
  count,
  nonEmpty,
  object,
  ref,
  strings,
  text,
  timestamp,
  uuid,
  type Schema,
} from './common.ts';

/**
 * A population. `default` and `userCount` decide whether it can be deleted: PingOne refuses to
 * delete the default population or one that still has users.
 */
export const populationSchemas: Record<string, Schema> = {
  Population: object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      name: nonEmpty,
      description: text,
      default: bool,
      userCount: count,
      passwordPolicy: ref('EntityRef'),
      preferredLanguage: text,
      alternativeIdentifiers: strings,
      theme: object({ id: uuid }),
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    ['_links', 'id', 'environment', 'name', 'default'],
  ),
  Populations: collection('populations', 'Population'),
};

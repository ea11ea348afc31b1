// All repositories over one database: domain verbs only, no SQL outside src/db.
import type { Db } from './open.ts';
import { communityRepository } from './repos/communities.ts';

export function createRepositories(db: Db) {
  return {
    communities: communityRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

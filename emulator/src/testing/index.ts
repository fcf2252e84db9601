import type { Route } from '../routes.ts';

/** The test-only interface, under TESTING_PREFIX. */
export const routes: Route[] = [];

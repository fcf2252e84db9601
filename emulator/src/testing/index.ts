import type { Route } from '../routes.ts';
import { advanceClock, readClock } from './clock.ts';
import { updateEnvironmentType } from './environment-type.ts';
import { faultRoutes } from './faults.ts';
import { clearOutbox, readOutbox } from './outbox.ts';
import { PREFIX } from './prefix.ts';
import { reset } from './reset.ts';
import { readState } from './state-view.ts';

/**
 * The test-only interface, under TESTING_PREFIX (`/__emulator`): no bearer token, not PingOne.
 * One resource a file; a new resource (such as `faults`) adds its lines here.
 */
export const routes: Route[] = [
  { method: 'GET', path: `${PREFIX}/outbox`, operationId: 'readOutbox', plane: 'testing', handler: readOutbox },
  { method: 'DELETE', path: `${PREFIX}/outbox`, operationId: 'clearOutbox', plane: 'testing', handler: clearOutbox },
  { method: 'GET', path: `${PREFIX}/state`, operationId: 'readState', plane: 'testing', handler: readState },
  { method: 'POST', path: `${PREFIX}/reset`, operationId: 'reset', plane: 'testing', handler: reset },
  { method: 'GET', path: `${PREFIX}/clock`, operationId: 'readClock', plane: 'testing', handler: readClock },
  { method: 'POST', path: `${PREFIX}/clock`, operationId: 'advanceClock', plane: 'testing', handler: advanceClock },
  { method: 'PUT', path: `${PREFIX}/environment`, operationId: 'updateEnvironmentType', plane: 'testing', handler: updateEnvironmentType },
  ...faultRoutes,
];

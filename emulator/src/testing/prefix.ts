/**
 * The test-only interface's path prefix. It equals TESTING_PREFIX of routes.ts, which cannot be
 * imported here: routes.ts imports this folder, so the constant would not exist yet when the
 * routes below are built. A test checks the two agree.
 */
export const PREFIX = '/__emulator';

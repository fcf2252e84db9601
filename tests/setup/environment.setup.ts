import { test as setup, expect } from '../../fixtures/index.ts';
import { StepFailure } from '../../lib/failure.ts';
import { describeRemaining } from '../../lib/cleanup.ts';
import { sweep } from '../../lib/sweep.ts';

setup.describe.configure({ mode: 'serial' });

/** Read-only calls that need each role the flow's writes need, and the role to name if refused. */
const ROLE_PROBES = [
  { operationId: 'readAllApplications', role: 'Environment Admin (or Client Application Developer)', query: {} },
  { operationId: 'readAllSignOnPolicies', role: 'Environment Admin', query: {} },
  { operationId: 'readDeviceAuthenticationPolicies', role: 'Environment Admin', query: {} },
  { operationId: 'readAllPopulations', role: 'Identity Data Admin', query: {} },
  { operationId: 'readAllUsers', role: 'Identity Data Admin', query: { limit: '1' } },
] as const;

setup('obtains a worker token', async ({ clientCore }) => {
  const token = await clientCore.token!.get();

  expect(token.split('.'), 'the worker access token is a JWT').toHaveLength(3);
});

setup('reads the environment before writing anything', async ({ pingone, settings }) => {
  const { body } = await pingone.call('readOneEnvironment');

  expect(body.id).toBe(settings.environmentId);
  if (body.type === 'PRODUCTION' && !settings.allowProduction)
    throw new Error(
      `Environment ${settings.environmentId} ("${body.name}") is a PRODUCTION environment, and this suite creates and deletes ` +
        'applications, policies and users. Point it at a SANDBOX environment, or set PINGONE_ALLOW_PRODUCTION=true if you mean it.',
    );
});

setup("has the roles the flow's writes need", async ({ pingone, settings }) => {
  const missing: string[] = [];
  for (const probe of ROLE_PROBES) {
    try {
      await pingone.call(probe.operationId, { query: probe.query });
    } catch (error) {
      if (!(error instanceof StepFailure) || error.status !== 403) throw error;
      missing.push(`${probe.role} (${probe.operationId} answered 403)`);
    }
  }

  expect(
    missing,
    `The worker application ${settings.clientId} lacks roles in environment ${settings.environmentId}: ${missing.join('; ')}. ` +
      'Add them in the PingOne console under Applications > the worker > Roles, then run again.',
  ).toEqual([]);
});

setup('deletes what killed runs left behind', async ({ pingone, settings, run }) => {
  const outcome = await sweep(pingone, settings, { tagged: false, exceptRun: run.runId });

  expect(outcome.remaining, `Resources of earlier, killed runs could not be deleted:\n${describeRemaining(outcome)}`).toEqual([]);
});

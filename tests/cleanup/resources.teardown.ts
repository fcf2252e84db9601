import { test as teardown, expect } from '../../fixtures/index.ts';
import { deleteAll, describeRemaining } from '../../lib/cleanup.ts';
import { ledgerDir, readLedgers, retire } from '../../lib/ledger.ts';

teardown('deletes every resource the run created and confirms each is gone', async ({ pingone, settings, run }) => {
  const ledgers = readLedgers(ledgerDir(settings)).filter((ledger) => ledger.runId === run.runId);
  const entries = ledgers.flatMap((ledger) => ledger.entries);

  const outcome = await deleteAll(pingone, entries);
  await teardown.info().attach('cleanup', {
    contentType: 'application/json',
    body: JSON.stringify(
      {
        deleted: outcome.deleted.map(({ kind, id, name }) => ({ kind, id, name })),
        alreadyGone: outcome.gone.map(({ kind, id, name }) => ({ kind, id, name })),
        remaining: outcome.remaining.map(({ entry, reason }) => ({ kind: entry.kind, id: entry.id, name: entry.name, reason })),
      },
      null,
      2,
    ),
  });

  expect(
    outcome.remaining,
    `Cleanup left resources behind; the ledger keeps them for the next run, or run \`npm run sweep\`:\n${describeRemaining(outcome)}`,
  ).toEqual([]);
  for (const ledger of ledgers) retire(ledger);
});

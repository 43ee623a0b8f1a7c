/**
 * Cloud APIs nest the cause of a failure under the error (Azure Resource Manager's `details` and
 * `innererror`, Google APIs' `details`): its messages are lines of the paste too (normalize.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import { messagesFromJsonLine } from '../../../src/lib/matcher/structured-logs.ts';

const arm = JSON.stringify({
  status: 'Failed',
  error: {
    code: 'DeploymentFailed',
    message: 'At least one resource deployment operation failed. Please list deployment operations for details.',
    details: [{ code: 'QuotaExceeded', message: "Operation could not be completed as it results in exceeding approved standardNCFamily Cores quota. Location: northeurope, Current Limit: 0" }],
    innererror: { message: 'Requested 24 cores.' },
  },
});

test('the messages nested under an error: details and inner errors', () => {
  const messages = messagesFromJsonLine(arm) ?? [];
  assert.ok(messages.some((m) => m.startsWith('At least one resource deployment operation failed')), JSON.stringify(messages));
  assert.ok(messages.some((m) => m.startsWith('Operation could not be completed as it results in exceeding approved')), JSON.stringify(messages));
  assert.ok(messages.includes('Requested 24 cores.'), JSON.stringify(messages));
});

test('a record is found by the cause in the details of a failed deployment', async () => {
  const base = { domain: 'azure', category: 'cloud_error', resolvable: 'true', fix_success_rate: 0.7, aliases: [] } as const;
  const records = [
    { ...base, id: 'azure/quota-exceeded', signature: 'Operation could not be completed as it results in exceeding approved <family> Cores quota', regex: 'exceeding approved \\S+ Cores quota' },
    { ...base, id: 'azure/deployment-failed', signature: 'At least one resource deployment operation failed', regex: 'At least one resource deployment operation failed' },
  ];
  const matcher = await matcherOf(records);
  const ranked = matcher.match(`$ az vm create -g rg-train -n gpu01 --size Standard_NC24ads_A100_v4\n${arm}`);
  assert.ok(ranked.some((r) => r.id === 'azure/quota-exceeded'), ranking(ranked));
});

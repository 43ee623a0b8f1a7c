import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warmUpSteps } from '../../../src/lib/matcher/warm-up.ts';

test('the worker warm-up runs every step a first paste takes, without throwing', () => {
  const steps = warmUpSteps();
  assert.equal(steps.length, 3);
  for (const step of steps) step();
});

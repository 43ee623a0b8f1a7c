/**
 * A line after `> ` is an echoed command (npm) unless it starts like a sentence (Gradle's causes under
 * `* What went wrong:`): normalize.ts, ECHOED_COMMAND.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorness } from '../../../src/lib/matcher/errorness.ts';

test("Gradle's causes after `> ` are error lines; npm's echoed commands are not", () => {
  assert.ok(errorness("> Could not resolve all files for configuration ':compileClasspath'.") >= 0.6);
  assert.ok(errorness("> SDK location not found. Define location with an ANDROID_SDK_ROOT environment variable") >= 0.6);
  assert.ok(errorness('> node scripts/check-errors.js') < 0.6);
  assert.ok(errorness('> app@1.0.0 lint:errors') < 0.6);
});

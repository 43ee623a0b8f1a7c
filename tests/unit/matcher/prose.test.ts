/**
 * Prose (paste.ts) is answered on less evidence (ABSTAIN_BELOW_PROSE): a person's question, or their
 * sentences about an error in the first person (personSays), are prose; a tool's message that ends in
 * a question of its own (`… Did you forget to run actions/checkout …?`) and a tool's long sentences
 * are not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { readPaste } from '../../../src/lib/matcher/paste.ts';

const prose = (text: string) => readPaste(normalizePaste(text)).prose;

test("a tool's question after its error is no person's question", () => {
  const log = [
    '2024-06-12T10:21:07.4410923Z ##[group]Run ./.github/actions/setup-toolchain',
    '2024-06-12T10:21:07.4411502Z with:',
    '2024-06-12T10:21:07.4411810Z   rust: stable',
    '2024-06-12T10:21:07.4412107Z ##[endgroup]',
    "2024-06-12T10:21:07.4489260Z ##[error]Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under '/home/runner/work/web/web/.github/actions/setup-toolchain'. Did you forget to run actions/checkout before running your local action?",
  ].join('\n');
  assert.equal(prose(log), false);
});

test('a person asking about an error is prose, wherever the error sign is', () => {
  assert.equal(prose("I keep getting permission denied when the deploy script runs from cron but it works from my shell. Why is access denied only there?"), true);
  assert.equal(prose("Our marketing bot wrote a launch post for Zagreb and our partner there says we can't publish it. What exactly is wrong with it?"), true);
  assert.equal(prose('Since the upgrade the nightly export takes twice as long and sometimes stops halfway. Is there a setting that changed between the two versions?'), true);
});

test('a person describing an error from memory is prose, though their words are error signs', () => {
  assert.equal(prose("golang program crashes saying every goroutine is asleep and it's a deadlock, I just write to a channel in main and read it later"), true);
  assert.equal(prose('our nightly backup job fails with permission denied on the mount since we moved it to the new host, nothing else changed in the script'), true);
});

test("a tool's long sentences with error signs are not prose", () => {
  // Many stopwords, but no person speaking: PowerShell's and Git's own sentences.
  assert.equal(prose("terraform : The term 'terraform' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."), false);
  assert.equal(prose('error: Your local changes to the following files would be overwritten by merge: Please commit your changes or stash them before you merge. Aborting'), false);
  // The first person in a short line of a tool is not enough either.
  assert.equal(prose('fatal: could not read Username for my repository: terminal prompts disabled'), false);
});

test("a command at a prompt makes what follows a tool's output, however it reads", () => {
  const output = [
    '(venv) $ python manage.py migrate',
    'Operations to perform:',
    '  Apply all migrations: admin, auth, billing, contenttypes, sessions',
    'Running migrations:',
    '  No migrations to apply.',
    "  Your models in app(s): 'billing' have changes that are not yet reflected in a migration, and so won't be applied.",
    "  Run 'manage.py makemigrations' to make new migrations, and then re-run 'manage.py migrate' to apply them.",
  ];
  assert.equal(prose(output.join('\n')), false);
  // The same sentences without the prompt (and Django's `Run '…'`, a step's command too) read as
  // prose: no error sign, many stopwords.
  assert.equal(prose(output.slice(1, -1).join('\n')), true);
});

test("a search query is a person's words; a tool's lower-case line is not", () => {
  assert.equal(prose('mysql 1205 lock wait timeout try restarting transaction laravel queue worker long transaction'), true);
  assert.equal(prose('ts 7016 no declaration file for module lodash.debounce implicitly any type'), true);
  // A tool's line has its punctuation: a program or level and `: `, quotes, brackets.
  assert.equal(prose('fatal: refusing to merge unrelated histories'), false);
  assert.equal(prose("npm error could not determine executable to run for 'vite'"), false);
  // Too short to be a query (a bare message), or a command at a prompt.
  assert.equal(prose('segmentation fault core dumped'), false);
  assert.equal(prose('$ npm install lodash debounce throttle memoize'), false);
});

/**
 * logcat's lines (logcat.ts): the app's own line after the logger's date, ids, priority and tag, so
 * that an Android crash reads as the stack trace it is, and the E/F/A priority counts as a level word.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLogcat } from '../../../src/lib/matcher/logcat.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';

test('the threadtime, brief and time formats give the app line and whether the priority is an error', () => {
  assert.deepEqual(splitLogcat('05-21 10:44:12.383  8731  8802 E AndroidRuntime: \tat com.example.Dao.call(Dao.java:211)'), { message: '\tat com.example.Dao.call(Dao.java:211)', error: true });
  assert.deepEqual(splitLogcat('E/flutter (12873): #4      BaseTapGestureRecognizer._checkUp (package:flutter/src/gestures/tap.dart:309:5)'), { message: '#4      BaseTapGestureRecognizer._checkUp (package:flutter/src/gestures/tap.dart:309:5)', error: true });
  assert.deepEqual(splitLogcat('05-21 10:44:12.402 W/ActivityTaskManager(  612):   Force finishing activity'), { message: '  Force finishing activity', error: false });
  assert.equal(splitLogcat('2026-05-21 10:44:12 ERROR something failed'), null);
  assert.equal(splitLogcat('E: Unable to locate package curl'), null);
});

test('an Android crash keeps its exception as the error line and its frames as frames', () => {
  const lines = normalizePaste([
    '12-03 20:31:11.905  8812  8977 E AndroidRuntime: FATAL EXCEPTION: arch_disk_io_0',
    '12-03 20:31:11.905  8812  8977 E AndroidRuntime: android.database.sqlite.SQLiteDiskIOException: disk I/O error (code 4874 SQLITE_IOERR_SHMSIZE)',
    '12-03 20:31:11.905  8812  8977 E AndroidRuntime: \tat android.database.sqlite.SQLiteConnection.nativeExecute(Native Method)',
    '12-03 20:31:11.905  8812  8977 E AndroidRuntime: \tat androidx.room.EntityInsertionAdapter.insert(EntityInsertionAdapter.kt:62)',
    '12-03 20:31:11.960  1589  1712 I ActivityManager: Process com.notely.app (pid 8812) has died',
  ].join('\n'));
  const exception = lines.find((line) => line.text.startsWith('android.database.sqlite.SQLiteDiskIOException'));
  assert.ok(exception, 'the exception line without the logger prefix');
  assert.ok(exception.err >= 0.9, `errorness ${exception.err}`);
  assert.deepEqual(lines.filter((line) => line.frame).map((line) => line.text.slice(0, 30)), ['at android.database.sqlite.SQL', 'at androidx.room.EntityInserti']);
  assert.equal(lines.at(-1)!.err, 0);
});

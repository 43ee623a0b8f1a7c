/**
 * Android's logcat lines, as `adb logcat` prints them by default (threadtime: `05-21 10:44:12.383
 * 8731  8802 E AndroidRuntime: …`) and in its brief and time formats (`E/flutter (12873): …`,
 * `05-21 10:44:12.383 E/flutter (12873): …`). What follows the tag is the line as the app printed
 * it: a stack frame (`\tat com.example…`), an exception, a message. The date, the process and
 * thread ids and the tag are the logger's, and the priority letter is a level word: `E`, `F` (fatal)
 * and `A` (assert) are errors.
 */
const THREADTIME = /^(?:\d{4}-)?\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2}\.\d{3}\s+(?:\S+\s+)?\d+\s+\d+\s+([VDIWEFA])\s+[^:]{0,80}?:(?: |$)/;
const BRIEF = /^(?:(?:\d{4}-)?\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2}\.\d{3}\s+)?([VDIWEFA])\/[^(:]{1,80}\(\s*\d+\):(?: |$)/;

export interface LogcatLine {
  /** The line as the app printed it. */
  message: string;
  /** The priority is an error's (E, F or A). */
  error: boolean;
}

export function splitLogcat(line: string): LogcatLine | null {
  const first = line.charCodeAt(0);
  // Every format starts with a digit (the date) or a priority letter.
  if (!(first >= 48 && first <= 57) && !(first >= 65 && first <= 90)) return null;
  const m = THREADTIME.exec(line) ?? BRIEF.exec(line);
  if (!m) return null;
  return { message: line.slice(m[0].length), error: m[1] === 'E' || m[1] === 'F' || m[1] === 'A' };
}

/**
 * Prefixes that logs put before a message: noise removed from every line (timestamps, CI annotations,
 * compose and kubectl prefixes, syslog's date and host) and, for a line's `core` form only, levels,
 * loggers and tool banners (`ERROR:`, `npm ERR!`, glog's header, a syslog program's name).
 */
import { isStackFrame } from './errorness.ts';
import { anyOf } from './probe.ts';

// Prefixes removed from every line (they never belong to an error message).
const NOISE_PREFIXES: RegExp[] = [
  // syslog priority: "<3>Nov 20 10:00:01 host app[1]: "
  /^<\d{1,3}>/,
  // GitLab collapsible sections and the erase-line remains.
  /^section_(?:start|end):\d+:[\w.-]+(?:\[[^\]]*\])?\s*/,
  // kubectl logs --prefix: [pod/name/container]; and "pod/name " (kubectl logs -l … or stern-like output)
  /^\[pod\/[^\]\s]+\]\s*/,
  /^pod\/[a-z0-9][a-z0-9.-]*(?:\/[a-z0-9][a-z0-9.-]*)?:?\s+(?=\S)/,
  // docker compose: "web-1  | " / "web_1 | "
  /^[a-z0-9][\w.-]{0,40}(?:[-_]\d+\s*|\s+)\|\s/i,
  // ISO 8601 timestamp, optionally bracketed (GitHub Actions raw logs, most JSON-less loggers).
  // (Zones by name as PostgreSQL and others print them: `2024-12-03 19:48:01.123 CST`.)
  /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:\s?(?:Z|[+-]\d{2}:?\d{2})|\s(?:UTC|GMT|CST|CDT|EST|EDT|MST|MDT|PST|PDT|JST|KST|HKT|SGT|IST|BST|CET|CEST|EET|EEST|MSK|AEST|AEDT|AWST)(?![A-Za-z]))?\]?:?\s*/,
  // A date without a time before a level or message: "2026-11-20 ERROR …"
  /^\[?\d{4}-\d{2}-\d{2}\]?:?\s+(?=\S)/,
  // Day-first or month-first dates with a time: "20/11/2026 10:00:01", "11-20-2026 10:00:01 PM"
  /^\[?\d{1,2}[\/.-]\d{1,2}[\/.-]\d{4}[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:\s?[AP]M)?\]?:?\s*/,
  // java.util.logging: "Nov 20, 2026 10:00:01 AM "
  /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2}(?: [AP]M)?\s+/,
  // Apache httpd: "[Thu Nov 20 10:00:01.123456 2026] "
  /^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \d{4}\]\s*/,
  // Container runtime (CRI) log lines after their timestamp: "stderr F "
  /^(?:stdout|stderr) [FP] /,
  // Heroku's log lines after their timestamp: the dyno or Heroku's own component ("app[web.1]: ",
  // "heroku[router]: "), not a program the error comes from.
  /^(?:app|heroku)\[[a-z][\w.-]*\]:\s/,
  // Go log / other slash dates: 2024/01/02 15:04:05(.000000)
  /^\[?\d{4}\/\d{2}\/\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?\]?\s*/,
  // syslog: "Mar  3 12:04:05 host prog[123]: ": the date and host; the program stays, as in
  // journald's JSON export (journalLine): it names the tool (the core form drops it, below).
  /^[A-Z][a-z]{2}\s+\d{1,2}\s\d{2}:\d{2}:\d{2}\s+\S+\s+(?=[^\s:]+(?:\[\d+\])?:\s)/,
  // The host of journald's ISO form, once its time is gone (`journalctl -o short-iso`:
  // "2024-09-01T03:00:01+0000 media-01 backup.sh[30117]: "): a host name with a digit, a dot or a
  // dash, before a program and its pid.
  /^(?=[\w.-]*[\d.-])[A-Za-z0-9][\w.-]{0,62}\s+(?=(?:[a-z][\w.-]{0,40}\[\d+\]|kernel):\s)/,
  // Bare time of day, e.g. "12:04:05.123 " or "[12:04:05]" (a bracket is removed only with its
  // pair), or fastlane's "[12:04:05]: "
  /^(?:\[\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\]:?|\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?)\s+/,
  // xcpretty's and fastlane's step marker: "▸ Compiling …"
  /^▸ /,
  // Epoch seconds / millis at line start, e.g. Jenkins or journald short-unix, a CloudWatch export's
  // first column (milliseconds, then a tab)
  /^\[?\d{10}(?:\d{3})?(?:\.\d+)?\]?\s+/,
  // Loki's logcli (after the line's timestamp): the stream's labels, `{app="api", namespace="prod"} `
  /^\{[a-zA-Z_]\w*="[^"\n]*"(?:,\s*[a-zA-Z_]\w*="[^"\n]*")*\}\s+/,
  // GitHub Actions workflow commands and annotations.
  /^##\[(?:error|warning|notice|debug|group|endgroup|section|command)\]\s*/i,
  /^::(?:error|warning|notice|debug)(?:\s[^:]*)?::\s*/i,
  // CI runners' own step markers
  /^\$\s(?=\S)/,
];

/** A syslog line's program, as kept after the date and host: `sshd[812]`, `app[2211]`. */
const SYSLOG_PROGRAM_NAME = '[a-z][\\w.-]{0,40}\\[\\d+\\]';

// Prefixes removed for the core form: levels, loggers and tool banners.
const LEVEL_PREFIXES: RegExp[] = [
  /^npm (?:ERR!|error|warn|WARN|notice)\s*(?:code\s+)?/,
  /^yarn (?:error|warn)\s*/i,
  /^(?:pnpm|ERR_PNPM_[A-Z_]+)\s*/,
  // A syslog line's program (`sshd[812]: `, `kernel: `), kept in the text as the tool's own name.
  new RegExp(`^(?:${SYSLOG_PROGRAM_NAME}|kernel):\\s*`),
  /^\[?(?:ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|WARN(?:ING)?|INFO|DEBUG|TRACE|NOTICE|ALERT|EMERG|PANIC)\]?(?:\s*[:|-]\s*|\s+)/i,
  /^(?:error|fatal|warning|panic)(?:\[[^\]]*\])?:\s*/i,
  // The same levels in a Chinese locale (PostgreSQL, git, Go): `错误:  `, `致命错误：`, `详细信息:`, `提示：`.
  /^(?:错误|致命错误|严重错误|警告|注意|提示|详细信息|语句|上下文|恐慌)\s*[:：]\s*/,
  // Python logging: "ERROR:root:" / "ERROR:app.module:"
  /^(?:ERROR|WARNING|CRITICAL|INFO|DEBUG):[\w.]+:\s*/,
  // glog / klog: "E0102 15:04:05.123456   12 file.go:33] "
  /^[EWIF]\d{4}\s+\d{2}:\d{2}:\d{2}\.\d+\s+\d+\s+[\w./-]+:\d+\]\s*/,
  // logback/spring: "12345 --- [main] o.s.b.Foo   : "
  /^\d+\s+---\s+\[[^\]]*\]\s+[\w.$\[\]-]+\s*:\s*/,
  /^\[[\w .:/#@-]{1,60}\]\s*/,
  // Airflow / Python "{module.py:12} "
  /^\{[\w.\/-]+:\d+\}\s*/,
  /^\w[\w.$-]{0,80}\s+-\s+(?=\S)/,
];

const prechecks = new WeakMap<RegExp[], RegExp>();
const anyNoise = anyOf(NOISE_PREFIXES);

/** Prefixes taken off one line at most (a timestamp, a container's name, another timestamp, a level…). */
const MAX_PREFIXES = 8;

function stripRepeated(line: string, patterns: RegExp[]): string {
  if (line.length > 512) {
    const head = line.slice(0, 512);
    return line.slice(head.length - stripRepeated(head, patterns).length);
  }
  let precheck = prechecks.get(patterns);
  if (!precheck) prechecks.set(patterns, (precheck = anyOf(patterns)));
  let current = line;
  // One prefix per round, the first pattern in the list that takes one: a later, looser pattern must
  // not cut into a prefix an earlier one takes whole (`[2026-11-18 12:40:12 +0000]`, gunicorn's
  // time after Cloud Run's, lost its date to the date-only pattern and its time to the time-only one).
  for (let round = 0; round < MAX_PREFIXES; round++) {
    if (!precheck.test(current)) break;
    let changed = false;
    for (const re of patterns) {
      const m = re.exec(current);
      if (m && m[0].length > 0 && m[0].length < current.length) {
        current = current.slice(m[0].length);
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return current;
}

/** "[10:00:01 ERR] msg" / "[2026-11-20 10:00:01 WARN] msg" (Serilog and others): keep the level, drop the time. */
const BRACKETED_TIME_LEVEL = /^\[(?:\d{4}-\d{2}-\d{2}[T ])?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?\s+([A-Za-z]{3,8})\]\s*/;

export function stripNoisePrefixes(line: string): string {
  const m = line.startsWith('[') ? BRACKETED_TIME_LEVEL.exec(line.length > 512 ? line.slice(0, 512) : line) : null;
  if (m && m[0].length < line.length) line = `${m[1]} ${line.slice(m[0].length)}`;
  const rest = stripRepeated(line, NOISE_PREFIXES);
  return onlyNoise(rest) ? '' : rest;
}

/** A prefix alone is short (an ISO timestamp with nanoseconds is 30 characters): longer lines are not looked at. */
const ONLY_NOISE_LONGEST = 48;

/**
 * A line that is nothing but a prefix (a CI runner's timestamp on an empty line, `##[endgroup]`, a
 * compose service's empty line) is an empty line: left as it is, it would stand between the lines
 * of one message as a line of its own.
 */
function onlyNoise(line: string): boolean {
  const text = line.trimEnd();
  if (text.length > ONLY_NOISE_LONGEST || !anyNoise.test(text)) return false;
  for (const re of NOISE_PREFIXES) if (re.exec(text)?.[0].trimEnd().length === text.length) return true;
  return false;
}

const SYSLOG_PROGRAM = new RegExp(`^${SYSLOG_PROGRAM_NAME}: ?`);

/** Java's `Caused by: …` and .NET's ` ---> System.X: …`: the cause of the exception printed above. */
export const CAUSED_BY = /^\s*(?:Caused by:|--->\s)/;

/**
 * A syslog line's program before an indented line, a stack frame or an exception's cause is
 * dropped: journald and syslog prefix every line of a multi-line message (`app[2211]:   at
 * com.acme.Api.handle(Api.java:41)`), and there the program hides the frame, the indentation and the
 * `Caused by:` that make the message's structure. Lines of a message of their own keep it (it names
 * the tool).
 */
export function withoutProgramOnContinuation(line: string): string {
  const rest = afterProgram(line);
  return rest !== line && (rest.charCodeAt(0) === 32 || isStackFrame(rest) || CAUSED_BY.test(rest)) ? rest : line;
}

/** A line's text after its syslog program (`app[2211]: KeyError: 'id'` → `KeyError: 'id'`), or the line. */
export function afterProgram(line: string): string {
  const m = line.length > 0 && line.charCodeAt(0) >= 97 ? SYSLOG_PROGRAM.exec(line) : null;
  return m ? line.slice(m[0].length) : line;
}

export function stripLevelPrefixes(line: string): string {
  return stripRepeated(line, LEVEL_PREFIXES);
}

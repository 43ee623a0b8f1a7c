/**
 * The numbers a record's wording names: `Minified React error #321`, MySQL's `ERROR 1146`, an exit
 * status `137`, RabbitMQ's port `5672`. Words leave numbers out (tokens.ts: mostly they are values),
 * so two records whose wording differs only by such a number tie on it. Of results tied with the
 * first (within NUMBER_TIE of its score), one whose wording names a number the paste shows goes first
 * when none of the first's numbers is there. Only the order changes, as for the tool named. And a
 * port a signature names is the service it is about: its whole wording holds only on a line that
 * shows that port (scoring.ts, wholeScore), and its words score less on a line that shows another
 * port and not its own (scoring.ts, PORT_ELSEWHERE).
 */
import type { MatcherIndex } from './build.ts';
import type { Scored } from './scoring.ts';
import { NUMBER_TIE } from './tuning.ts';
import { TWIN_ABOVE } from './twins.ts';

/** A number of three digits or more that is not part of a decimal, a version or an identifier. */
const NUMBER = /(?<![\w.])\d{3,}(?![\w.]*\d)(?![a-z_])/gi;

export function numbersIn(text: string, out: Set<string>): Set<string> {
  for (const m of text.matchAll(NUMBER)) out.add(m[0].replace(/^0+(?=\d)/, ''));
  return out;
}

/** The numbers of each record's signature and aliases, each record's computed on first use. */
export function recordNumbers(index: MatcherIndex): (r: number) => ReadonlySet<string> {
  const cache = new Map<number, Set<string>>();
  return (r) => {
    let out = cache.get(r);
    if (!out) {
      const row = index.rec[r]!;
      out = numbersIn(row[1], new Set());
      for (const alias of row[4] ?? []) numbersIn(alias, out);
      cache.set(r, out);
    }
    return out;
  };
}

/**
 * A port after a host placeholder, `localhost` or an IP address (`dial tcp <host>:5672`,
 * `127.0.0.1:6379`, `[::1]:5432`); not after a file name (`main.go:12:5` is a line and a column).
 */
const PORT = /(?:<[\w-]*host[\w-]*>|\blocalhost|\b\d{1,3}(?:\.\d{1,3}){3}|\]):(\d{2,5})(?!\d)/gi;

/** The ports a text shows after a host (PORT). */
const portsIn = (text: string): string[] => Array.from(text.matchAll(PORT), (m) => m[1]!);

/**
 * The ports each record's signature names, on first use: a signature that names one is about the
 * service behind it (RabbitMQ's 5672), not about any refused connection. Aliases' ports are not
 * added (an alias is one example, its port that day's: `connect ECONNREFUSED 127.0.0.1:8080`), but
 * a record whose aliases show other ports has none: its signature's port was an example too
 * (kubectl's `localhost:8080` beside minikube's `192.168.49.2:8443`).
 */
export function signaturePorts(index: MatcherIndex): (r: number) => ReadonlySet<string> {
  const cache = new Map<number, ReadonlySet<string>>();
  return (r) => {
    let out = cache.get(r);
    if (!out) {
      const own = new Set(portsIn(index.rec[r]![1]));
      const elsewhere = own.size > 0 && (index.rec[r]![4] ?? []).some((alias) => portsIn(alias).some((port) => !own.has(port)));
      cache.set(r, (out = elsewhere ? new Set() : own));
    }
    return out;
  };
}

/** Whether a line shows a port after a host (as PORT reads one) and none of `ports`. */
export function showsOtherPort(text: string, ports: ReadonlySet<string>): boolean {
  if (ports.size === 0 || !text.includes(':')) return false;
  const shown = portsIn(text);
  return shown.length > 0 && !shown.some((port) => ports.has(port)) && !showsPort(text, ports);
}

/** Whether a line shows one of `ports` as a port (`:5672`, `port 5672`), or `ports` is empty. */
export function showsPort(text: string, ports: ReadonlySet<string>): boolean {
  if (ports.size === 0) return true;
  for (const port of ports) if (text.includes(port) && new RegExp(`(?:[:\\s]|port\\s?)${port}(?!\\d)`, 'i').test(text)) return true;
  return false;
}

export function preferNamedNumber(scored: Scored[], numbersOf: (r: number) => ReadonlySet<string>, pasteText: () => string): void {
  if (scored.length < 2) return;
  let best: Scored | null = null;
  for (const s of scored) if (!best || s.score > best.score) best = s;
  if (!best) return;
  const tied = scored.filter((s) => s !== best && s.score >= best.score * NUMBER_TIE && numbersOf(s.r).size > 0);
  if (tied.length === 0) return;
  const shown = numbersIn(pasteText(), new Set());
  const holds = (r: number) => [...numbersOf(r)].some((n) => shown.has(n));
  // (The first itself may be the one: then it is placed above the results tied with it exactly.)
  let pick: Scored | null = null;
  for (const s of [best, ...tied]) if ((!pick || s.score > pick.score) && holds(s.r)) pick = s;
  if (!pick || (holds(best.r) && tied.every((s) => holds(s.r)))) return;
  pick.score = best.score + TWIN_ABOVE;
  if (pick.why) pick.why = { ...pick.why, numberNamed: 1 };
}

/**
 * The HTTP headers the site asks its host to send, and the `_headers` file that carries them
 * (the format Netlify and Cloudflare Pages read: a path, then indented `Name: value` lines), in one
 * pure module: the build writes the file, the test server applies it, the nginx snippet is made from it.
 *
 * The Content-Security-Policy header is the one Astro writes into every page's `<meta>` (the union
 * of all pages', should they ever differ) plus what a `<meta>` policy cannot say: `frame-ancestors`.
 */

/** A policy as directive → sources, in the order first seen. */
export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    const known = policy.get(key) ?? [];
    for (const source of sources) if (!known.includes(source)) known.push(source);
    policy.set(key, known);
  }
  return policy;
}

export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The union of several policies: a source allowed by any of them is allowed. */
export function mergePolicies(policies: Iterable<string>): Policy {
  const merged: Policy = new Map();
  for (const text of policies) {
    for (const [name, sources] of parsePolicy(text)) {
      const known = merged.get(name) ?? [];
      for (const source of sources) if (!known.includes(source)) known.push(source);
      merged.set(name, known);
    }
  }
  return merged;
}

/** Directives a `<meta>` policy cannot carry (browsers ignore them there); the header adds them. */
export const HEADER_ONLY_DIRECTIVES: [string, string[]][] = [['frame-ancestors', ["'none'"]]];

export interface HeaderRule {
  /** `/*` (every path) or an exact path. */
  path: string;
  headers: [string, string][];
}

/**
 * For files named by a hash of their content: kept a year and never revalidated. New content gets a
 * new name, so a returning reader downloads only what changed.
 */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/**
 * Every response of the site: the page policy, made complete for a header, and the usual hardening;
 * then `Cache-Control: IMMUTABLE_CACHE` for each folder of `contentHashed` (`/_astro/*`: folders whose
 * every file is named by its content's hash).
 */
export function siteHeaderRules(pagePolicy: Policy, contentHashed: readonly string[] = []): HeaderRule[] {
  const policy: Policy = new Map(pagePolicy);
  for (const [name, sources] of HEADER_ONLY_DIRECTIVES) if (!policy.has(name)) policy.set(name, sources);
  return [
    {
      path: '/*',
      headers: [
        ['Content-Security-Policy', formatPolicy(policy)],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ],
    },
    ...contentHashed.map((path): HeaderRule => ({ path, headers: [['Cache-Control', IMMUTABLE_CACHE]] })),
  ];
}

export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Written by the build: headers for every response of this site (Netlify / Cloudflare Pages format).\n${blocks.join('\n\n')}\n`;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" is not a "Name: value" line under a path`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for a path below the site's base (`/grpc/x/`): every matching rule's, in order. */
export function headersFor(path: string, rules: readonly HeaderRule[]): [string, string][] {
  const matches = (pattern: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
  return rules.filter((rule) => matches(rule.path)).flatMap((rule) => rule.headers);
}

/** A rule for the files of one folder: `/_astro/*`, `/pagefind/index/*`. */
const FOLDER_RULE = /^(?:\/[\w.-]+)+\/\*$/;

/**
 * The same rules as nginx lines, to include in the `location` that serves the site under `base`:
 * `add_header` lines for every path, then a nested `location` per folder rule. That location repeats
 * the lines for every path, since nginx drops a parent's `add_header` lines in a location with its own.
 */
export function toNginx(rules: readonly HeaderRule[], base = '/'): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines = (headers: readonly [string, string][], indent = '') => headers.map(([name, value]) => `${indent}add_header ${name} "${escape(value)}" always;`);
  const everywhere = rules.filter((rule) => rule.path === '/*').flatMap((rule) => rule.headers);
  const out = lines(everywhere);
  for (const rule of rules) {
    if (rule.path === '/*') continue;
    if (!FOLDER_RULE.test(rule.path)) throw new Error(`toNginx: only rules for every path ("/*") or for a folder ("/_astro/*") can be written as nginx locations, not "${rule.path}"`);
    out.push(`location ^~ ${base.slice(0, -1)}${rule.path.slice(0, -1)} {`, ...lines([...everywhere, ...rule.headers], '    '), '}');
  }
  return out.join('\n') + '\n';
}

/**
 * The ways a paste reaches the matcher besides a terminal's copy: the same text as a web page, a
 * chat, an issue's quote, a log viewer or a container runtime hands it over. `bench:match` scores
 * the shipped content's blind test split through each (what the matcher answers should not depend on
 * the carrier).
 */
export const TRANSPORTS: Readonly<Record<string, (text: string) => string>> = {
  'CRLF line ends': (text) => text.replace(/\n/g, '\r\n'),
  'ANSI colours': (text) => text.split('\n').map((line, i) => (i % 2 ? `\x1b[31m${line}\x1b[0m` : `\x1b[1m${line.slice(0, 5)}\x1b[0m${line.slice(5)}`)).join('\n'),
  'ANSI colours without their ESC byte': (text) => text.split('\n').map((line, i) => (i % 2 ? `[31m${line}[0m` : `[1m${line.slice(0, 5)}[0m${line.slice(5)}`)).join('\n'),
  'typographic quotes': (text) => text.replace(/"([^"\n]*)"/g, '\u201c$1\u201d').replace(/'([^'\n]*)'/g, '\u2018$1\u2019'),
  'no-break spaces': (text) => text.replace(/ /g, '\u00a0'),
  'zero-width spaces after dots': (text) => text.replace(/\./g, '.\u200b'),
  'HTML escapes': (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  'Markdown quote': (text) => text.split('\n').map((line) => `> ${line}`).join('\n'),
  "an e-mail reply's nested quote": (text) => `On Fri, Nov 20, 2026 at 10:42 AM Jane Roe <jane@example.com> wrote:\n> Bob wrote:\n${text.split('\n').map((line) => `>> ${line}`).join('\n')}`,
  'line-number gutter': (text) => text.split('\n').map((line, i) => `${String(i + 1).padStart(4)} | ${line}`).join('\n'),
  'terminal copy, 60 columns': (text) => hardWrapped(text, 60),
  'terminal copy, 80 columns': (text) => hardWrapped(text, 80),
  'terminal copy, 120 columns': (text) => hardWrapped(text, 120),
  'an e-mail wrapped at 72 columns': (text) => wordWrapped(text, 72),
  'Docker json-file lines': (text) => text.split('\n').map((line) => JSON.stringify({ log: `${line}\n`, stream: 'stderr', time: '2026-11-20T10:11:12.345678901Z' })).join('\n'),
  'syslog lines': (text) => text.split('\n').map((line) => `Nov 20 10:11:12 web-03 app[2841]: ${line}`).join('\n'),
  "a log viewer's CSV export": (text) => ['"@timestamp","log.level","message"', ...text.split('\n').map((line, i) => `"2026-11-20T10:11:${String(10 + (i % 50))}.345Z","error","${line.replace(/\r$/, '').replace(/"/g, '""')}"`)].join('\n'),
  "a log viewer's table, copied": (text) => text.split('\n').map((line) => `Nov 20, 2026 @ 10:11:12.345\tapi-7d9f8c6b5-x2k4q\t${line}`).join('\n'),
  'heroku logs': (text) => text.split('\n').map((line) => `2026-11-20T10:11:12.345678+00:00 app[web.1]: ${line}`).join('\n'),
  'stern (pod and container)': (text) => text.split('\n').map((line) => `checkout-7f9b6c5d8-2vxkq checkout ${line}`).join('\n'),
  'indented four spaces': (text) => text.split('\n').map((line) => `    ${line}`).join('\n'),
  "an issue template's code fence": (text) => `### Error output\n\n\`\`\`text\n${text}\n\`\`\`\n\n### Expected behaviour\n\nThe job passes.`,
  'a JSON string, quotes and all': (text) => JSON.stringify(text),
  "a Python bytes repr in an exception": (text) => `RuntimeError: the deploy step failed: b'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}'`,
  'a logfmt message': (text) => `time=2026-11-20T10:11:12Z level=error msg="${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}"`,
  'a JSON log message': (text) => JSON.stringify({ level: 'error', ts: 1763633472.345, msg: text }),
  'a YAML block scalar': (text) => `status: failed\nlog: |\n${text.split('\n').map((line) => `  ${line}`).join('\n')}`,
  'a chat with an AI assistant': (text) => `You said:\nthis fails since this morning:\n\n\`\`\`\n${text}\n\`\`\`\nChatGPT said:\n\nThis is a permission problem: "Error: EACCES: permission denied, open '/app/config.json'". Fix the owner:\n\nbash\nCopy code\nsudo chown -R $USER /app\nYou said:\nstill the same`,
  "a question's code block": (text) => `This fails in CI since this morning, any idea?\n\n${text.split('\n').map((line) => `    ${line}`).join('\n')}`,
  'a numbered list': (text) => text.split('\n').map((line, i) => `${i + 1}. ${line}`).join('\n'),
  'a Markdown list': (text) => text.split('\n').map((line) => `- ${line}`).join('\n'),
  'shell comments': (text) => text.split('\n').map((line) => `# ${line}`).join('\n'),
  'CloudWatch export': (text) => text.split('\n').map((line) => `1763633472345\t${line}`).join('\n'),
  'retyped without apostrophes': (text) => text.replace(/n't\b/g, 'nt'),
  'read back from a screenshot': readBack,
  'kubectl logs --prefix': (text) => text.split('\n').map((line) => `[pod/api-7d9f8c6b5-x2k4q/api] ${line}`).join('\n'),
};

/** The text as a terminal `width` columns wide shows it and an old console copies it: tabs as spaces, long lines broken. */
function hardWrapped(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      let shown = '';
      for (const c of line) shown += c === '\t' ? ' '.repeat(8 - (shown.length % 8)) : c;
      return shown.match(new RegExp(`.{1,${width}}`, 'gu'))?.join('\n') ?? shown;
    })
    .join('\n');
}

/** The text as a mail client sends it: each line broken between words to fit `width` columns, its indentation kept. */
function wordWrapped(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^\s*/.exec(line)![0];
      const out: string[] = [];
      let current = indent;
      for (const word of line.slice(indent.length).split(' ')) {
        if (current.trim() !== '' && `${current} ${word}`.length > width) {
          out.push(current);
          current = word;
        } else current = current.trim() === '' ? current + word : `${current} ${word}`;
      }
      return [...out, current].join('\n');
    })
    .join('\n');
}

/**
 * The text as OCR reads it back from a screenshot: in one word of three, its first `l` as `1`, its
 * first `m` as `rn` or its first `O` as `0` (which word by its length, so the same text always reads
 * the same).
 */
function readBack(text: string): string {
  return text.replace(/[A-Za-z]{4,}/g, (word) => {
    if (word.length % 3 !== 0) return word;
    if (word.includes('l')) return word.replace('l', '1');
    if (word.includes('m')) return word.replace('m', 'rn');
    return word.replace('O', '0');
  });
}

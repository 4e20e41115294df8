import * as fs from 'fs';
import * as path from 'path';

// Every relative link of the user and contributor docs (README.md, CONTRIBUTING.md, docs/*.md) names a
// file of this repository, and every #anchor a heading of the file it points at (GitHub's heading ids).
const root = path.resolve(__dirname, '..');
const docsDir = path.join(root, 'docs');
const markdownFiles = [
  'README.md',
  'CONTRIBUTING.md',
  ...fs
    .readdirSync(docsDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

/** The text outside fenced code blocks, with inline code spans blanked (links in code are no links). */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
  });
}

/** GitHub's id of a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (!m) continue;
    const base = m[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}

/** Every link target of a Markdown file, with its line number. */
function links(markdown: string): { line: number; target: string }[] {
  const out: { line: number; target: string }[] = [];
  prose(markdown).forEach((text, i) => {
    for (const m of text.matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) out.push({ line: i + 1, target: m[1] });
  });
  return out;
}

/** The broken links of one file: `<file>:<line>: <target>: <why>`; `read` gives a file's text ('' for a folder). */
function brokenLinks(file: string, markdown: string, read: (abs: string) => string | undefined): string[] {
  const broken: string[] = [];
  for (const { line, target } of links(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not checked offline
    const [filePart, anchor] = target.split('#') as [string, string | undefined];
    const abs = filePart ? path.resolve(path.dirname(path.join(root, file)), filePart) : path.join(root, file);
    const text = read(abs);
    if (text === undefined) broken.push(`${file}:${line}: ${target}: no such file`);
    else if (anchor !== undefined && !headingIds(text).has(anchor)) {
      broken.push(`${file}:${line}: ${target}: no heading #${anchor} in ${path.relative(root, abs)}`);
    }
  }
  return broken;
}

const readFile = (abs: string): string | undefined => {
  if (!fs.existsSync(abs)) return undefined;
  return fs.statSync(abs).isDirectory() ? '' : fs.readFileSync(abs, 'utf-8');
};

describe('links of README.md, CONTRIBUTING.md and docs/', () => {
  test('the guide has its topics, and README and CONTRIBUTING link into it', () => {
    expect(markdownFiles).toEqual(
      expect.arrayContaining([
        'docs/README.md',
        'docs/clusters-and-pools.md',
        'docs/config-checks.md',
        'docs/doctor.md',
        'docs/gitops.md',
        'docs/listeners-and-load-balancers.md',
        'docs/migrate.md',
        'docs/operator-and-crds.md',
        'docs/rules.md',
        'docs/security.md',
        'docs/validate.md',
      ]),
    );
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf-8');
    expect(links(readme).map((l) => l.target)).toEqual(
      expect.arrayContaining(['docs/README.md', 'CONTRIBUTING.md', 'docs/rules.md']),
    );
  });

  test.each(markdownFiles)('every relative link and #anchor of %s resolves', (file) => {
    // GIVEN the file WHEN its links are followed THEN none is broken
    const markdown = fs.readFileSync(path.join(root, file), 'utf-8');
    expect(links(markdown).length).toBeGreaterThan(0);
    expect(brokenLinks(file, markdown, readFile)).toEqual([]);
  });

  test('a missing file, a missing heading and a link in code are told apart (the check can fail)', () => {
    // GIVEN a page with a good link, two broken ones, and a broken one inside code
    const page = [
      '# Page',
      '## `new KraftCluster(scope, id, props)`',
      '## Node IDs',
      '## Node IDs',
      'See [props](#new-kraftclusterscope-id-props), [again](#node-ids-1), [gone](missing.md) and',
      '[nowhere](#no-such-heading); `[code](missing.md)` is code.',
      '```',
      '[fenced](missing.md)',
      '```',
    ].join('\n');
    const files: Record<string, string> = { [path.join(root, 'docs', 'page.md')]: page };

    // WHEN / THEN only the two broken prose links are reported, with their lines
    expect(brokenLinks('docs/page.md', page, (abs) => files[abs])).toEqual([
      'docs/page.md:5: missing.md: no such file',
      'docs/page.md:6: #no-such-heading: no heading #no-such-heading in docs/page.md',
    ]);
  });
});

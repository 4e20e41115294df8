/** Plain data as a TypeScript expression (prettier lays it out afterwards). */

/** Code to print as is (a variable, a `Storage.jbod(...)` call). */
export class Code {
  constructor(public readonly text: string) {}
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await app chart'
  ).split(' '),
);

const key = (k: string) => (IDENTIFIER.test(k) || /^(0|[1-9]\d*)$/.test(k) ? k : JSON.stringify(k));

/** Pieces of at most about `width` characters, cut after a space where there is one. */
function pieces(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > width / 2 ? space + 1 : width;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...out, rest];
}

/** A string literal; a long one as a concatenation, so no line of the app runs past 120 characters. */
function stringLiteral(s: string): string {
  return s.length <= 70
    ? JSON.stringify(s)
    : pieces(s, 70)
        .map((p) => JSON.stringify(p))
        .join(' +\n');
}

/** The TypeScript expression of a value; undefined entries are left out. */
export function literal(v: unknown): string {
  if (v instanceof Code) return v.text;
  if (typeof v === 'string') return stringLiteral(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    const entry = ([k, x]: [string, unknown]) => (x instanceof Code && x.text === k ? k : `${key(k)}: ${literal(x)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.map(entry).join(', ')} }`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

/** A camelCase variable name for a resource name, unique among `taken` (which it joins). */
export function variableName(name: string, suffix: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w);
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1))).join('');
  if (!IDENTIFIER.test(base) || RESERVED.has(base))
    base = `${suffix}${base ? base[0].toUpperCase() + base.slice(1) : ''}`;
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base}${i}`;
  taken.add(candidate);
  return candidate;
}

/** A comment text on lines of at most 100 characters (no line breaks of its own, no comment terminators). */
export function commentLines(s: string): string[] {
  return pieces(s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /'), 100).map((l) => l.trimEnd());
}

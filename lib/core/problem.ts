import { Rule } from './rules';

/** One finding without its place: a rule broken by a field. */
export interface Finding {
  /** The rule of the catalogue. */
  readonly rule: Rule;
  /** The field, as a path inside that construct's props, e.g. `brokers[3].nodePort`. */
  readonly field: string;
  /** The offending value. */
  readonly value?: unknown;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** A finding tied to the construct whose props hold the field. */
export interface Problem extends Finding {
  /** The construct path, e.g. `seed/my-cluster/broker`. */
  readonly path: string;
}

/** Builds a finding (keeps call sites short). */
export function finding(rule: Rule, field: string, value: unknown, message: string, fix: string): Finding {
  return { rule, field, value, message, fix };
}

/** Where a finding is stated: `.says('<message>. Fix: <fix>')` records it. */
export interface FindingAt {
  says(text: string): void;
}

/**
 * One line per finding: `const flag = collector(out)`, then
 * `flag(RULES.lbWorkerUnique, field, w).says(\`listed twice (also at [${first}]). Fix: list every worker once\`)`
 * pushes the finding onto `out` (or hands it to `out`, a function; see `found` for the text).
 */
export function collector(
  out: Finding[] | ((f: Finding) => void),
): (rule: Rule, field: string, value: unknown) => FindingAt {
  const add = typeof out === 'function' ? out : (f: Finding) => void out.push(f);
  return (rule, field, value) => ({ says: (text) => add(found(rule, field, value, text)) });
}

/** What separates a finding's message from its fix in the one-line form of `found`. */
const FIX = '. Fix: ';

/**
 * States a finding on one line, its text written as users read it: `'<message>. Fix: <fix>'`, e.g.
 * `found(RULES.lbWorkerAddress, 'shape.externalHost.listenAddress', a, 'not an address. Fix: give an IP address')`.
 * The text splits at the first `. Fix: ` (a text without one is a programming error).
 */
export function found(rule: Rule, field: string, value: unknown, text: string): Finding {
  const at = text.indexOf(FIX);
  if (at < 0) throw new Error(`finding of rule ${rule.id} states no fix: ${text}`);
  return finding(rule, field, value, text.slice(0, at), text.slice(at + FIX.length));
}

function formatValue(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  } catch {
    json = undefined; // a cycle: fall back to String()
  }
  return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text on one line: control and line-separator characters (a user's `\n` in a name) escaped. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return String(text).replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A finding without its construct path (cdk8s validation adds the path); always one line. */
export function describeProblem(p: Finding): string {
  const value = p.value === undefined ? '' : ` = ${oneLine(formatValue(p.value))}`;
  const severity = p.rule.severity === 'warning' ? 'warning: ' : '';
  return `${severity}${oneLine(p.field)}${value}: ${oneLine(p.message)}. Fix: ${oneLine(p.fix)} [${p.rule.id}]`;
}

/** A finding with its construct path, as shown to users. */
export function formatProblem(p: Problem): string {
  return `[${p.path}] ${describeProblem(p)}`;
}

/** An error thrown where construction cannot go on (a duplicate construct name). */
export class KraftConfigError extends Error {
  constructor(p: Problem) {
    super(formatProblem(p));
    this.name = 'KraftConfigError';
  }
}

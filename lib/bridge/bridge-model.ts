/**
 * The findings and ACLs of a KafkaBridge: pure functions of its checked props and its cluster's
 * release. What each release serves comes from `bridge-releases.json`, generated from the release's
 * KafkaBridge CRD by `scripts/import-bridge-releases.js`.
 */
import { Finding, collector } from '../core/problem';
import { compareVersions } from '../core/release';
import { Acl } from '../model/acl';
import { groupAcl, topicAcl } from '../model/client-acls';
import { ResourceRequirements, podFindings } from '../model/pod';
import { RULES } from '../rules';
import DATA from './bridge-releases.json';

/** A field of the KafkaBridge spec the construct renders (a key of `bridge-releases.json`'s `fields`). */
export type BridgeField = keyof typeof DATA.fields;

/** A bridge's choices, as far as its findings go. */
export interface BridgeInput {
  /** The KafkaBridge resource name. */
  readonly bridgeName: string;
  /** The cluster's Strimzi release. */
  readonly release: string;
  /** The API version the bridge is rendered in (its cluster's). */
  readonly apiVersion: string;
  readonly replicas?: number;
  readonly http?: {
    readonly port?: number;
    readonly cors?: { readonly allowedOrigins: readonly string[]; readonly allowedMethods: readonly string[] };
    readonly tls?: unknown;
  };
  readonly producer?: { readonly enabled?: boolean; readonly config?: Record<string, unknown> };
  readonly consumer?: {
    readonly enabled?: boolean;
    readonly timeoutSeconds?: number;
    readonly config?: Record<string, unknown>;
  };
  readonly resources?: ResourceRequirements;
}

/** Whether a release serves a field of the KafkaBridge spec in an API version. */
export function bridgeServes(field: BridgeField, release: string, apiVersion: string): boolean {
  const r = (DATA.fields[field] as Record<string, { from: string; to: string } | undefined>)[apiVersion];
  return r !== undefined && compareVersions(release, r.from) >= 0 && compareVersions(release, r.to) <= 0;
}

/** The first release serving a field in an API version (for the fix), or undefined. */
function servedFrom(field: BridgeField, apiVersion: string): string | undefined {
  return (DATA.fields[field] as Record<string, { from: string } | undefined>)[apiVersion]?.from;
}

/** The fields the props set, by the spec path they render to. */
function setFields(b: BridgeInput): BridgeField[] {
  const set: [BridgeField, unknown][] = [
    ['http.tls', b.http?.tls],
    ['producer.enabled', b.producer?.enabled],
    ['consumer.enabled', b.consumer?.enabled],
    ['consumer.timeoutSeconds', b.consumer?.timeoutSeconds],
  ];
  return set.filter(([, v]) => v !== undefined).map(([f]) => f);
}

/** The forbidden-config list of a section (producer, consumer) for a release: the newest stated by then. */
function forbiddenList(section: 'producer' | 'consumer', release: string) {
  const lists = DATA.forbidden[section].filter((l) => compareVersions(release, l.since) >= 0);
  return lists[lists.length - 1] ?? DATA.forbidden[section][0];
}

/** Whether the operator drops a producer or consumer config key (case-insensitive, as the operator matches). */
export function bridgeConfigForbidden(section: 'producer' | 'consumer', key: string, release: string): boolean {
  const k = key.toLowerCase();
  const l = forbiddenList(section, release);
  return l.prefixes.some((p) => k.startsWith(p)) && !l.exceptions.includes(k);
}

/**
 * Why a string is not a Java regular expression, as far as `java.util.regex.Pattern` refuses it
 * for a reason checked here: an unclosed group or class, a `)` without its `(`, a quantifier with
 * nothing to repeat, a trailing `\` (`\Q...\E` quotes). Undefined when none of these applies (Java may still refuse it
 * for a reason not checked here; nothing Java accepts is refused).
 */
export function javaRegexProblem(s: string): string | undefined {
  let depth = 0;
  // 0: nothing to repeat; 1: an atom; 2: a quantified atom (one lazy `?` or possessive `+` may follow)
  let state = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      if (i === s.length - 1) return 'ends with an unescaped \\';
      // \Q...\E quotes everything up to \E (or the end)
      i = s[i + 1] === 'Q' ? (s.indexOf('\\E', i + 2) < 0 ? s.length : s.indexOf('\\E', i + 2) + 1) : i + 1;
      state = 1;
    } else if (c === '[') {
      const end = classEnd(s, i);
      if (end < 0) return `unclosed character class at index ${i}`;
      i = end;
      state = 1;
    } else if (c === '(') {
      depth++;
      state = 0;
      if (s[i + 1] === '?') i = groupFlagsEnd(s, i + 1);
    } else if (c === ')') {
      if (depth === 0) return `unmatched ')' at index ${i}`;
      depth--;
      state = 1;
    } else if (c === '|') state = 0;
    else if (c === '*' || c === '+' || c === '?') {
      if (state === 0 || (state === 2 && c === '*')) return `dangling meta character '${c}' at index ${i}`;
      state = state === 1 ? 2 : 0;
    } else state = 1; // a literal, an anchor, `.`, or `{n,m}` (its characters are not checked)
  }
  return depth > 0 ? 'unclosed group' : undefined;
}

/** The index of the `]` closing the class opened at `i` (a leading `]` or `^]` is literal), or -1. */
function classEnd(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === '^') j++;
  if (s[j] === ']') j++;
  let nested = 0;
  for (; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '[') nested++;
    else if (s[j] === ']') {
      if (nested === 0) return j;
      nested--;
    }
  }
  return -1;
}

/** The index of the last character of a group's `?...` prefix (`?:`, `?=`, `?<name>`, `?i`), so the body follows. */
function groupFlagsEnd(s: string, q: number): number {
  const m = /^\?(<[A-Za-z][A-Za-z0-9]*>|[:=!>]|<[=!]|[a-zA-Z-]*:?)/.exec(s.slice(q));
  return m ? q + m[0].length - 1 : q;
}

/** An HTTP method token (RFC 9110, section 9.1: `method = token`). */
const HTTP_TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Every finding about a bridge. */
export function bridgeFindings(b: BridgeInput): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(b.bridgeName) || b.bridgeName.length > 48) {
    flag(RULES.bridgeName, 'bridgeName', b.bridgeName).says(
      'not a DNS-1035 label of at most 48 characters (lower-case letters, digits and -, a letter first). ' +
        "Fix: name the bridge e.g. 'http-bridge' (its Service is '<name>-bridge-service', at most 63 characters)",
    );
  }
  const port = b.http?.port;
  if (port !== undefined && !(Number.isInteger(port) && port >= 1023 && port <= 65535)) {
    flag(RULES.bridgeHttpPort, 'http.port', port).says(
      'not an integer from 1023 to 65535. Fix: use e.g. 8080 (the default; Strimzi allows no port below 1023)',
    );
  }
  if (b.replicas !== undefined && !(Number.isInteger(b.replicas) && b.replicas >= 0)) {
    flag(RULES.bridgeReplicas, 'replicas', b.replicas).says('not an integer from 0. Fix: use e.g. 1 (the default)');
  }
  corsFindings(b, out);
  for (const f of setFields(b).filter((x) => !bridgeServes(x, b.release, b.apiVersion))) {
    const from = servedFrom(f, b.apiVersion);
    flag(RULES.bridgeFieldServed, f, valueAt(b, f)).says(
      `Strimzi ${b.release} does not serve ${f} in KafkaBridge ${b.apiVersion}. ` +
        `Fix: leave it out${from ? `, or move the cluster to Strimzi ${from} or later` : ''}`,
    );
  }
  for (const section of ['producer', 'consumer'] as const) {
    for (const key of Object.keys(b[section]?.config ?? {}).sort()) {
      if (!bridgeConfigForbidden(section, key, b.release)) continue;
      flag(RULES.bridgeConfigForbidden, `${section}.config['${key}']`, b[section]?.config?.[key]).says(
        'the operator sets this itself (from the listener, the user and the bridge) and ignores yours. ' +
          `Fix: leave it out${key.toLowerCase() === 'group.id' ? ' (HTTP consumers name their group in the URL)' : ''}`,
      );
    }
  }
  out.push(...podFindings(b.resources, undefined));
  return out;
}

function valueAt(b: BridgeInput, f: BridgeField): unknown {
  return f.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], b);
}

function corsFindings(b: BridgeInput, out: Finding[]): void {
  const flag = collector(out);
  const cors = b.http?.cors;
  (cors?.allowedOrigins ?? []).forEach((o, i) => {
    const why = o === '' ? 'empty' : javaRegexProblem(o);
    if (why === undefined) return;
    flag(RULES.bridgeCorsOrigin, `http.cors.allowedOrigins[${i}]`, o).says(
      `not a Java regular expression (${why}). Fix: give the origin, e.g. 'https://app.example.com', or a ` +
        "regular expression such as 'https://.*\\.example\\.com'",
    );
  });
  (cors?.allowedMethods ?? []).forEach((m, i) => {
    if (HTTP_TOKEN.test(m)) return;
    flag(RULES.bridgeCorsMethod, `http.cors.allowedMethods[${i}]`, m).says(
      "not an HTTP method. Fix: list methods such as 'GET', 'POST', 'DELETE'",
    );
  });
}

/** What the bridge's user may do: the topics HTTP clients use, and their consumer groups. */
export interface BridgeNeeds {
  readonly topics?: readonly string[];
  readonly consumerGroups?: readonly string[];
  /** `producer.enabled` (default true). */
  readonly producer?: boolean;
  /** `consumer.enabled` (default true). */
  readonly consumer?: boolean;
}

/**
 * The bridge user's ACLs, as upstream's `security/{tls-auth,scram-sha-512-auth}/bridge.yaml` grant
 * them: Read on each consumer group; Read, Describe, Write and Create on each topic. With the HTTP
 * producer disabled the topics lose Write and Create; with the consumer disabled, Read and the groups.
 */
export function bridgeAcls(n: BridgeNeeds): Acl[] {
  const produce = n.producer !== false;
  const consume = n.consumer !== false;
  const ops = (['Read', 'Describe', 'Write', 'Create'] as const).filter(
    (o) => (o !== 'Read' || consume) && ((o !== 'Write' && o !== 'Create') || produce),
  );
  return [
    ...(consume ? (n.consumerGroups ?? []).map((g) => groupAcl(g, ['Read'])) : []),
    ...(n.topics ?? []).map((t) => topicAcl(t, ops)),
  ];
}

/** A bridge as the per-namespace name check sees it. */
export interface NamedBridge {
  readonly path: string;
  readonly bridgeName: string;
  readonly namespace?: string;
}

/** Each bridge name once per namespace; the later bridge in the tree is reported, naming the first. */
export function bridgeNamesUniqueFindings(bridges: readonly NamedBridge[]): { index: number; finding: Finding }[] {
  const first = new Map<string, NamedBridge>();
  const out: { index: number; finding: Finding }[] = [];
  bridges.forEach((b, index) => {
    const key = `${b.namespace ?? ''}/${b.bridgeName}`;
    const o = first.get(key);
    if (!o) {
      first.set(key, b);
      return;
    }
    const found: Finding[] = [];
    collector(found)(RULES.bridgeNameUnique, 'bridgeName', b.bridgeName).says(
      `${o.path} is a KafkaBridge of this name in namespace ${b.namespace ?? '(default)'} too; one would overwrite ` +
        'the other. Fix: give the bridges distinct bridgeName values',
    );
    out.push({ index, finding: found[0] });
  });
  return out;
}

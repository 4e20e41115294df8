import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Duration } from 'cdk8s';
import * as YAML from 'yaml';
import {
  JbodVolume,
  KafkaMirrorMaker2,
  KafkaBridge,
  KafkaRebalance,
  KafkaConnect,
  KafkaTopic,
  KafkaUser,
  KraftCluster,
  LoadBalancerShape,
  Storage,
  StrimziOperator,
  printWarnings,
  synthApp,
} from '../../lib';
import { RULE_LIST } from '../../lib/rules';
import { readManifests, validateManifests } from '../../lib/tools';
import { AppSpec, FuzzCase } from './arbitraries';

/** What one case did. */
export type Outcome =
  | 'accepted' // synthesized, and the output passed every check
  | 'rejected' // failed with every message in the problem format, nothing written
  | 'crash' // failed with anything else (a TypeError, a message without path, field, fix or rule)
  | 'invalid-output' // synthesized output that fails the strict CRD check, the nginx shape check or nginx -t
  | 'write-on-failure' // failed, but left files behind
  | 'coerced' // accepted a value of the wrong type, or without a required field
  | 'skipped'; // the user's own code threw (cdk8s's Duration or Chart), before the library ran

export interface CaseResult {
  readonly outcome: Outcome;
  readonly detail?: string;
}

type Path = (string | number)[];

/** Fields a valid app must set (where they are: any object key of this name in the spec). */
const REQUIRED = new Set([
  'roles',
  'replicas',
  'storage',
  'size',
  'bootstrapNodePort',
  'advertisedHost',
  'workers',
  'shape',
  'from',
  'to',
]);
/** The same for users, topics and operators (where `replicas` is optional, `type` required). */
const USER_REQUIRED = new Set(['cluster', 'authentication', 'type', 'resource', 'operations', 'secretName', 'key']);
const TOPIC_REQUIRED = new Set(['cluster']);
const MIRROR_REQUIRED = new Set(['target', 'cluster', 'alias', 'bootstrapServers', 'type', 'secretName']);
const REBALANCE_REQUIRED = new Set(['cluster', 'volumeIds']);
const CONNECT_REQUIRED = new Set(['cluster', 'output', 'plugins', 'type', 'image', 'name', 'artifacts']);
const CONNECTOR_REQUIRED = new Set(['class']);
const OPERATOR_REQUIRED = new Set(['minAvailable']);
function requiredAt(p: Path): Set<string> {
  if (p[0] === 'operators') return OPERATOR_REQUIRED;
  if (p[4] === 'users') return USER_REQUIRED;
  if (p[4] === 'topics') return TOPIC_REQUIRED;
  if (p[4] === 'mirrors') return MIRROR_REQUIRED;
  if (p[4] === 'rebalances') return REBALANCE_REQUIRED;
  if (p[4] === 'connects') return CONNECT_REQUIRED;
  if (p[4] === 'connectors') return CONNECTOR_REQUIRED;
  return REQUIRED;
}
/** Fields that take `true`/`false` or an object of options (`cruiseControl`): either kind is not a coercion. */
const BOOLEAN_OR_OPTIONS = new Set(['cruiseControl']);
/** Map-like fields whose values may be any scalar. */
const SCALAR_MAPS = new Set(['config']);

function isPlain(v: unknown): v is Record<string, unknown> | unknown[] {
  // fast-check's records may have a null prototype
  return (
    Array.isArray(v) ||
    (v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v)))
  );
}

function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T;
  return v;
}

/**
 * Every path of the spec a corruption may hit: namespaces, and every value inside cluster props and
 * load-balancer options.
 */
export function corruptiblePaths(spec: AppSpec): Path[] {
  const paths: Path[] = [];
  const walk = (v: unknown, p: Path) => {
    paths.push(p);
    if (!isPlain(v)) return;
    for (const [k, x] of Object.entries(v))
      if (k !== '$factory' && k !== '$ref') walk(x, [...p, Array.isArray(v) ? Number(k) : k]);
  };
  spec.charts.forEach((c, i) => {
    paths.push(['charts', i, 'namespace']);
    c.clusters.forEach((cl, j) => {
      for (const [k, x] of Object.entries(cl.props)) walk(x, ['charts', i, 'clusters', j, 'props', k]);
      cl.loadBalancers.forEach((lb, l) =>
        walk(lb.options, ['charts', i, 'clusters', j, 'loadBalancers', l, 'options']),
      );
      for (const kind of ['users', 'topics', 'mirrors', 'rebalances', 'connects', 'connectors'] as const)
        (cl[kind] ?? []).forEach((u, l) => walk(u.props, ['charts', i, 'clusters', j, kind, l, 'props']));
    });
  });
  (spec.operators ?? []).forEach((o, i) => walk(o.props, ['operators', i, 'props']));
  return paths;
}

function getAt(root: unknown, p: Path): unknown {
  return p.reduce<unknown>((v, k) => (isPlain(v) ? (v as Record<string | number, unknown>)[k] : undefined), root);
}

function setAt(root: unknown, p: Path, value: unknown): void {
  const parent = getAt(root, p.slice(0, -1));
  if (isPlain(parent)) (parent as Record<string | number, unknown>)[p[p.length - 1]] = value;
}

/** The kind of a value for the coercion check: a class name, 'array', 'null' or typeof. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (isPlain(v) && typeof (v as Record<string, unknown>).$factory === 'string')
    return String((v as Record<string, unknown>).$factory).split('.')[0];
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}

/** Applies the corruptions to a copy of the spec; returns it and what was replaced. */
export function corrupt(c: FuzzCase): { spec: AppSpec; replaced: { path: Path; before: unknown; after: unknown }[] } {
  const spec = clone(c.spec);
  const replaced: { path: Path; before: unknown; after: unknown }[] = [];
  for (const { index, value } of c.corruptions) {
    const paths = corruptiblePaths(spec);
    const p = paths[index % paths.length];
    replaced.push({ path: p, before: getAt(spec, p), after: value });
    setAt(spec, p, value);
  }
  return { spec, replaced };
}

/** `{ $ref: 'cluster' }` becomes the cluster construct (garbage in its place stays garbage). */
export function resolveRefs(x: unknown, cluster: KraftCluster): unknown {
  if (Array.isArray(x)) return x.map((v) => resolveRefs(v, cluster));
  if (!isPlain(x)) return x;
  const v = x as Record<string, unknown>;
  if (v.$ref === 'cluster' && Object.keys(v).length === 1) return cluster;
  return Object.fromEntries(Object.entries(v).map(([k, y]) => [k, resolveRefs(y, cluster)]));
}

/** Durations are cdk8s's: made in "user code" before the library runs (cdk8s throws on negatives). */
export function makeDurations(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(makeDurations);
  if (!isPlain(x)) return x;
  const v = x as Record<string, any>;
  if (v.$factory === 'Duration.seconds') return Duration.seconds(v.amount as number);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, makeDurations(x)]));
}

/** The library's own factories, called as a JavaScript user would call them. */
export function makeFactories(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(makeFactories);
  if (!isPlain(x)) return x;
  const v = x as Record<string, any>;
  const f = v.$factory;
  const any = (x: unknown) => x as any;
  if (f === 'Storage.persistentClaim') return Storage.persistentClaim(any(makeFactories(v.options)));
  if (f === 'Storage.ephemeral') return Storage.ephemeral(any(makeFactories(v.options)));
  if (f === 'Storage.jbod') {
    const volumes = makeFactories(v.volumes);
    return Array.isArray(volumes) ? Storage.jbod(...volumes) : Storage.jbod(any(volumes));
  }
  if (f === 'JbodVolume.persistentClaim') return JbodVolume.persistentClaim(any(v.id), any(makeFactories(v.options)));
  if (f === 'LoadBalancerShape.externalHost') return LoadBalancerShape.externalHost(any(makeFactories(v.options)));
  if (f === 'LoadBalancerShape.inCluster') return LoadBalancerShape.inCluster(any(makeFactories(v.options)));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, makeFactories(x)]));
}

const RULE_IDS = new Set(RULE_LIST.map((r) => r.id));
const PROBLEM =
  /^\[([^\]\n]+)\] (?:warning: )?([^\s=:][^\n]*?)(?: = ([^\n]+?))?: ([^\n]+)\. Fix: ([^\n]+) \[([a-z0-9-]+)\]$/;

/** The lines of an error that are not `[path] field = value: message. Fix: fix [rule]`, with a known rule. */
export function badMessageLines(e: unknown): string[] {
  if (!(e instanceof Error)) return [`thrown a non-Error: ${typeof e}`];
  const lines = e.message.split('\n');
  const body =
    lines[0] === 'Validation failed with the following errors:'
      ? lines.slice(1).map((l) => l.replace(/^ {2}/, ''))
      : lines;
  const bad = body.filter((l) => {
    const m = PROBLEM.exec(l);
    // eslint-disable-next-line no-control-regex
    return !m || !RULE_IDS.has(m[6]) || /[\u0000-\u001f\u2028\u2029]/.test(l);
  });
  return body.length === 0 ? ['empty message'] : bad.map((l) => (l === e.message ? `${e.name}: ${l}` : l));
}

const TOKEN = '[A-Za-z0-9_./-]+';
const HOST = '(?:\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9.-]+)';
const NGINX_LINES = [
  /^$/,
  /^#( [^\n]*)?$/,
  new RegExp(`^load_module ${TOKEN};$`),
  /^worker_processes auto;$/,
  /^worker_rlimit_nofile \d+;$/,
  new RegExp(`^pid ${TOKEN};$`),
  new RegExp(`^error_log ${TOKEN} notice;$`),
  /^events \{$/,
  /^worker_connections \d+;$/,
  /^\}$/,
  /^stream \{$/,
  /^upstream [A-Za-z0-9_.-]+ \{$/,
  new RegExp(`^server ${HOST}:\\d+ max_fails=\\d+ fail_timeout=\\d+s;$`),
  /^server \{$/,
  new RegExp(`^listen (?:${HOST}:)?\\d+;$`),
  /^proxy_pass [A-Za-z0-9_.-]+;$/,
  /^proxy_(?:connect_)?timeout \d+s;$/,
];

/** Lines of a generated nginx file that are not one of the directives the library writes (an injection). */
export function nginxShapeErrors(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const bad = lines.filter((l) => !NGINX_LINES.some((re) => re.test(l)));
  for (const directive of ['pid', 'error_log', 'load_module', 'worker_processes', 'worker_rlimit_nofile']) {
    if (lines.filter((l) => l.startsWith(`${directive} `)).length > 1) bad.push(`${directive} appears twice`);
  }
  return bad;
}

/** nginx -t on a complete config, with pid and error log moved to `dir` and every upstream host name resolvable. */
function nginxTest(nginx: string, text: string, dir: string): string | undefined {
  const conf = path.join(dir, 'test.nginx.conf');
  fs.writeFileSync(
    conf,
    text.replace(/^pid .*;$/m, `pid ${dir}/t.pid;`).replace(/^error_log .*;$/m, `error_log ${dir}/t.log notice;`),
  );
  const names = [
    ...new Set([...text.matchAll(/^\s*server ([A-Za-z0-9.-]*[A-Za-z-][A-Za-z0-9.-]*):\d+ /gm)].map((m) => m[1])),
  ];
  const hosts = path.join(dir, 'hosts');
  fs.writeFileSync(
    hosts,
    `127.0.0.1 localhost\n${names.map((n, i) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)} ${n}`).join('\n')}\n`,
  );
  const r = spawnSync(
    'unshare',
    [
      '--mount',
      'sh',
      '-c',
      'mount --bind "$0" /etc/hosts && exec "$@"',
      hosts,
      nginx,
      '-t',
      '-q',
      '-e',
      'stderr',
      '-c',
      conf,
    ],
    { encoding: 'utf-8' },
  );
  return r.status === 0 ? undefined : `nginx -t: ${`${r.stdout}${r.stderr}`.trim().split('\n')[0]}`;
}

/** Checks everything an accepted case wrote: strict CRD and kubernetes-models validation, nginx shape and nginx -t. */
function checkOutput(app: App, outdir: string, nginx: string | undefined, scratch: string): string[] {
  const problems: string[] = [];
  for (const chart of app.charts) {
    const clusters = chart.node.findAll().filter((c): c is KraftCluster => c instanceof KraftCluster);
    const file = path.join(outdir, `${chart.node.id}.k8s.yaml`);
    if (!fs.existsSync(file)) {
      problems.push(`no ${path.basename(file)}`);
      continue;
    }
    const objects = readManifests([file]);
    for (const tag of new Set(clusters.map((c) => c.release.tag))) {
      problems.push(
        ...validateManifests(objects, { strimziVersion: tag }).errors.filter(
          (e: string) => !/does not serve/.test(e) || clusters.length === 1,
        ),
      );
    }
    for (const cm of objects.filter(
      (o: any) => o.kind === 'ConfigMap' && typeof o.data?.['nginx.conf'] === 'string',
    ) as any[]) {
      const text = cm.data['nginx.conf'] as string;
      problems.push(
        ...nginxShapeErrors(text).map((l) => `ConfigMap ${cm.metadata.name} nginx.conf line: ${JSON.stringify(l)}`),
      );
      const t = nginx && problems.length === 0 ? nginxTest(nginx, text, scratch) : undefined;
      if (t) problems.push(`ConfigMap ${cm.metadata.name}: ${t}`);
    }
  }
  for (const f of fs
    .readdirSync(outdir)
    .filter((n) => n.endsWith('.conf'))
    .sort()) {
    const text = fs.readFileSync(path.join(outdir, f), 'utf-8');
    problems.push(...nginxShapeErrors(text).map((l) => `${f} line: ${JSON.stringify(l)}`));
    if (f.endsWith('.nginx.conf') && nginx && problems.length === 0) {
      const t = nginxTest(nginx, text, scratch);
      if (t) problems.push(`${f}: ${t}`);
    }
  }
  // every YAML document must parse back to what cdk8s rendered (no value lost to an odd type)
  for (const f of fs.readdirSync(outdir).filter((n) => n.endsWith('.yaml'))) {
    try {
      YAML.parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf-8')).forEach((d) => {
        if (d.errors.length) throw d.errors[0];
      });
    } catch (e) {
      problems.push(`${f}: ${(e as Error).message}`);
    }
  }
  return problems;
}

/**
 * Runs one case: builds the app as a JavaScript user would (no type checks), synthesizes it with
 * synthApp into `<scratch>/out`, and classifies what happened.
 */
export function runCase(c: FuzzCase, scratch: string, nginx?: string): CaseResult {
  const { spec, replaced } = corrupt(c);
  const outdir = path.join(scratch, 'out');
  fs.rmSync(outdir, { recursive: true, force: true });
  let prepared: AppSpec;
  let app: App;
  const charts: { chart: Chart; spec: AppSpec['charts'][number] }[] = [];
  try {
    prepared = makeDurations(spec) as AppSpec;
    app = new App({ outdir });
    for (const cs of prepared.charts)
      charts.push({ chart: new Chart(app, cs.id, { namespace: cs.namespace as any }), spec: cs });
  } catch (e) {
    return { outcome: 'skipped', detail: String(e) };
  }
  try {
    for (const { chart, spec: cs } of charts) {
      for (const cl of cs.clusters) {
        const cluster = new KraftCluster(chart, cl.id, makeFactories(cl.props) as any);
        for (const lb of cl.loadBalancers) cluster.addLoadBalancer(lb.id, makeFactories(lb.options) as any);
        const withCluster = (v: unknown) => resolveRefs(v, cluster);
        for (const u of cl.users ?? []) new KafkaUser(chart, `${cl.id}-${u.id}`, withCluster(u.props) as any);
        for (const t of cl.topics ?? []) new KafkaTopic(chart, `${cl.id}-${t.id}`, withCluster(t.props) as any);
        for (const m of cl.mirrors ?? []) new KafkaMirrorMaker2(chart, `${cl.id}-${m.id}`, withCluster(m.props) as any);
        for (const b of cl.bridges ?? []) new KafkaBridge(chart, `${cl.id}-${b.id}`, withCluster(b.props) as any);
        for (const r of cl.rebalances ?? []) new KafkaRebalance(chart, `${cl.id}-${r.id}`, withCluster(r.props) as any);
        const connects = (cl.connects ?? []).map(
          (k) => new KafkaConnect(chart, `${cl.id}-${k.id}`, withCluster(k.props) as any),
        );
        for (const k of cl.connectors ?? []) connects[0]?.addConnector(k.id, k.props as any);
      }
    }
    if (prepared.operators?.length) {
      const chart = new Chart(app, 'operators');
      for (const o of prepared.operators) new StrimziOperator(chart, o.id, o.props as any);
    }
    printWarnings(app, () => undefined);
    synthApp(app);
  } catch (e) {
    const bad = badMessageLines(e);
    if (fs.existsSync(outdir))
      return {
        outcome: 'write-on-failure',
        detail: `${fs.readdirSync(outdir).join(', ')} after: ${String(e).slice(0, 300)}`,
      };
    if (bad.length > 0)
      return {
        outcome: 'crash',
        detail: `${bad[0].slice(0, 300)}${e instanceof Error && bad[0].startsWith(e.name) ? `\n${(e.stack ?? '').split('\n').slice(1, 4).join('\n')}` : ''}`,
      };
    return { outcome: 'rejected', detail: e instanceof Error ? e.message : undefined };
  }
  const problems = checkOutput(app, outdir, nginx, scratch);
  if (problems.length > 0) return { outcome: 'invalid-output', detail: problems.slice(0, 3).join('\n') };
  // a replacement overwritten by a later one at the same path or above it no longer matters
  const within = (p: Path, q: Path) => q.length <= p.length && q.every((k, i) => k === p[i]);
  const effective = replaced.filter((r, i) => !replaced.slice(i + 1).some((later) => within(r.path, later.path)));
  for (const r of effective) {
    const key = r.path.filter((k) => typeof k === 'string').pop() as string;
    const REQUIRED = requiredAt(r.path);
    const inScalarMap = r.path.some((k) => typeof k === 'string' && SCALAR_MAPS.has(k));
    if (r.after === undefined) {
      if (REQUIRED.has(key) && r.before !== undefined)
        return { outcome: 'coerced', detail: `required ${r.path.join('.')} removed, and accepted` };
      continue;
    }
    const scalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
    if (inScalarMap && scalar(r.before) && scalar(r.after)) continue;
    const option = (v: unknown) => typeof v === 'boolean' || (isPlain(v) && !Array.isArray(v));
    if (BOOLEAN_OR_OPTIONS.has(key) && option(r.before) && option(r.after)) continue;
    if (r.before !== undefined && kindOf(r.before) !== kindOf(r.after)) {
      return {
        outcome: 'coerced',
        detail: `${r.path.join('.')}: ${kindOf(r.before)} replaced by ${kindOf(r.after)} ${safeString(r.after)}, and accepted`,
      };
    }
  }
  return { outcome: 'accepted' };
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'bigint' ? `${v}n` : (JSON.stringify(v) ?? String(v));
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** Printable form of a case, for reports. */
export function describeCase(c: FuzzCase): string {
  const { replaced } = corrupt(c);
  return (
    replaced.map((r) => `${r.path.join('.')} = ${safeString(r.after)} (was ${safeString(r.before)})`).join('; ') ||
    '(no corruption)'
  );
}

/** Counts of outcomes over many cases, with the first examples of each bad outcome. */
export interface FuzzReport {
  readonly runs: number;
  readonly counts: Record<Outcome, number>;
  readonly examples: { outcome: Outcome; input: string; detail?: string }[];
}

export function emptyReport(): { runs: number; counts: Record<Outcome, number>; examples: FuzzReport['examples'] } {
  return {
    runs: 0,
    counts: {
      'accepted': 0,
      'rejected': 0,
      'crash': 0,
      'invalid-output': 0,
      'write-on-failure': 0,
      'coerced': 0,
      'skipped': 0,
    },
    examples: [],
  };
}

export const BAD_OUTCOMES: Outcome[] = ['crash', 'invalid-output', 'write-on-failure', 'coerced'];

/**
 * The migration plan as the `main.ts` of a cdk8s app: one Chart class per namespace, a
 * `KraftCluster` per `Kafka` with its pools as props, users and topics referring to their cluster's
 * variable, and the escape-hatch patches with the reason above each. Prettier formats it after.
 */
import { Code, commentLines, literal, variableName } from './literal';
import {
  AppPlan,
  ChartPlan,
  ClusterPlan,
  ENTITY_SUFFIX,
  EntityPlan,
  PatchPlan,
  ResourcePlan,
  StoragePlan,
  VolumePlan,
} from './plan';

/** What a chart's code needs from the imports of the library and of cdk8s. */
interface Uses {
  readonly library: Set<string>;
  jsonPatch: boolean;
}

function volumeCode(v: VolumePlan, jbod: boolean, uses: Uses): string {
  const owner = jbod ? 'JbodVolume' : 'Storage';
  uses.library.add(owner);
  const args = [
    ...(jbod ? [String(v.id)] : []),
    ...(v.kind === 'ephemeral' && Object.keys(v.options).length === 0 ? [] : [literal(v.options)]),
  ];
  return `${owner}.${v.kind}(${args.join(', ')})`;
}

/** `Storage.jbod(JbodVolume.persistentClaim(0, {...}))` and the like. */
export function storageCode(s: StoragePlan, uses: Uses): string {
  uses.library.add('Storage');
  if (s.kind !== 'jbod') return volumeCode(s, false, uses);
  return `Storage.jbod(${s.volumes.map((v) => volumeCode(v, true, uses)).join(', ')})`;
}

function patchCode(p: PatchPlan): string {
  const args = [JSON.stringify(p.path), ...(p.op === 'remove' ? [] : [literal(p.value)])];
  return `${commentLines(p.why)
    .map((l) => `// ${l}\n`)
    .join('')}JsonPatch.${p.op}(${args.join(', ')}),`;
}

/** `x.apiObject.addJsonPatch(...)` with the reason above each patch, or nothing. */
function patchesCode(variable: string, r: ResourcePlan, uses: Uses): string[] {
  if (r.patches.length === 0) return [];
  uses.jsonPatch = true;
  return [
    '// Escape hatch: what no prop of the library expresses, kept as the input has it.',
    `${variable}.apiObject.addJsonPatch(\n${r.patches.map(patchCode).join('\n')}\n);`,
  ];
}

const comment = (text: string) => commentLines(text).map((l, i) => `//${i > 0 ? '   ' : ' '}${l}`);

/** `const storage = ...` when every pool (two or more) has the same storage, as a person would write it. */
function sharedStorage(c: ClusterPlan, taken: Set<string>, uses: Uses): { lines: string[]; name?: string } {
  const texts = c.pools.map((p) => storageCode(p.props.storage as StoragePlan, uses));
  if (texts.length < 2 || texts.some((t) => t !== texts[0])) return { lines: [] };
  const name = variableName('storage', 'storage', taken);
  return { lines: [`const ${name} = ${texts[0]};`], name };
}

function loadBalancerCode(c: ClusterPlan, variable: string, uses: Uses): string[] {
  return (c.loadBalancers ?? []).flatMap((lb) => {
    uses.library.add('LoadBalancerShape');
    const shape = new Code(`LoadBalancerShape.externalHost(${literal({ workers: lb.workers })})`);
    const options = literal({ listener: lb.listener, shape });
    return [...comment(lb.note), `${variable}.addLoadBalancer(${JSON.stringify(lb.id)}, ${options});`];
  });
}

function clusterCode(c: ClusterPlan, variable: string | undefined, taken: Set<string>, uses: Uses): string[] {
  uses.library.add('KraftCluster');
  const storage = sharedStorage(c, taken, uses);
  const lines = [...storage.lines, ...c.notes.flatMap(comment)];
  const poolProps = (p: ResourcePlan) => ({
    ...p.props,
    storage: new Code(storage.name ?? storageCode(p.props.storage as StoragePlan, uses)),
  });
  const inProps = c.pools.filter((p) => p.patches.length === 0);
  const nodePools = inProps.length > 0 ? Object.fromEntries(inProps.map((p) => [p.id, poolProps(p)])) : undefined;
  const made = `new KraftCluster(this, ${JSON.stringify(c.id)}, ${literal({ ...c.props, nodePools })});`;
  if (variable === undefined) return [...lines, made];
  lines.push(`const ${variable} = ${made}`, ...patchesCode(variable, c, uses), ...loadBalancerCode(c, variable, uses));
  for (const p of c.pools.filter((x) => x.patches.length > 0)) {
    const pool = variableName(p.id, 'pool', taken);
    lines.push(`const ${pool} = ${variable}.addNodePool(${JSON.stringify(p.id)}, ${literal(poolProps(p))});`);
    lines.push(...patchesCode(pool, p, uses));
  }
  return lines;
}

function entityCode(e: EntityPlan, cluster: string, taken: Set<string>, uses: Uses): string[] {
  uses.library.add(e.kind);
  const made = `new ${e.kind}(this, ${JSON.stringify(e.id)}, ${literal({ cluster: new Code(cluster), ...e.props })});`;
  if (e.patches.length === 0) return [made];
  const variable = variableName(e.id, ENTITY_SUFFIX[e.kind], taken);
  return [`const ${variable} = ${made}`, ...patchesCode(variable, e, uses)];
}

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/** The class name of a chart. */
export const chartClassName = (c: ChartPlan) => `${/^[A-Za-z]/.test(pascal(c.id)) ? pascal(c.id) : 'Kafka'}Chart`;

function chartCode(c: ChartPlan, uses: Uses): string {
  const taken = new Set<string>();
  const used = (x: ClusterPlan) =>
    [x, ...x.pools].some((r) => r.patches.length > 0) ||
    (x.loadBalancers ?? []).length > 0 ||
    c.entities.some((e) => e.cluster === x.name);
  const vars = new Map(
    c.clusters
      .filter(used)
      .map((x) => [x.name, variableName(c.clusters.length === 1 ? 'cluster' : x.name, 'cluster', taken)]),
  );
  const body = [
    ...c.clusters.flatMap((x) => clusterCode(x, vars.get(x.name), taken, uses)),
    ...c.entities.flatMap((e) => entityCode(e, vars.get(e.cluster)!, taken, uses)),
  ];
  const namespace = c.namespace ? `{ namespace: ${JSON.stringify(c.namespace)}, ...props }` : 'props';
  return [
    `/** The Strimzi resources${c.namespace ? ` of namespace ${c.namespace}` : ''}. */`,
    `export class ${chartClassName(c)} extends Chart {`,
    'constructor(scope: Construct, id: string, props: ChartProps = {}) {',
    `super(scope, id, ${namespace});`,
    '',
    ...body,
    '}',
    '}',
  ].join('\n');
}

/** The `main.ts` of the plan (unformatted). */
export function mainSource(plan: AppPlan, header: readonly string[]): string {
  const uses: Uses = { library: new Set<string>(), jsonPatch: false };
  const charts = plan.charts.map((c) => chartCode(c, uses));
  const cdk8s = ['App', 'Chart', 'ChartProps', ...(uses.jsonPatch ? ['JsonPatch'] : [])];
  return [
    '/*',
    ...header.flatMap((h) => commentLines(h).map((l, i) => ` *${i > 0 ? '   ' : ' '}${l}`)),
    ' */',
    `import { ${cdk8s.join(', ')} } from 'cdk8s';`,
    "import { Construct } from 'constructs';",
    `import { ${[...uses.library].sort().join(', ')} } from 'cdk8s-strimzi-kraft';`,
    '',
    ...charts.flatMap((c) => [c, '']),
    'const app = new App();',
    ...plan.charts.map((c) => `new ${chartClassName(c)}(app, ${JSON.stringify(c.id)});`),
    'app.synth(); // checks everything, then writes dist/ and the files beside it (nothing when a rule is broken)',
    '',
  ].join('\n');
}

/** The `cdk8s.yaml` of the generated app. */
export const CDK8S_YAML = 'language: typescript\napp: npx ts-node main.ts\n';

#!/usr/bin/env node
/**
 * Props are declared once: as the TypeScript interfaces users read in their editor. This script
 * derives the run-time shape of each public props interface from those declarations with the
 * TypeScript compiler's own type checker, and writes them as plain data to
 * lib/core/props-shapes.json, which lib/core/shape.ts interprets at every construct's boundary.
 * Nothing is written twice: a new prop is a new line in the interface (with its doc comment).
 *
 * Types map to shapes: string, number (`@integer` for integers), boolean, string-literal unions
 * (an enumeration, or a string checked by a rule: `@checkedBy <rule>`), arrays, records
 * (`Record<string, T>`), objects (interfaces and type literals), unions of those, and instances
 * of the library's classes (`@instance` on the class or a name in INSTANCES below). Doc tags on a
 * prop bound the work and name syntaxes: `@maxLength`, `@maxItems`, `@syntax`, `@keys`, `@json`
 * (plain JSON passed through to Strimzi or Kubernetes), `@checkedBy` (checked as a plain object or
 * string here, in detail by the named rule or method).
 *
 * Usage: node scripts/gen-props.js [--check]   (--check: exit 1 when the committed file differs)
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'lib/core/props-shapes.json');
const NAMES = path.join(ROOT, 'lib/core/props-names.ts');

/** The public props interfaces, by the file that declares them. */
const PROPS = [
  ['lib/kafka/cluster.ts', 'KraftClusterProps'],
  ['lib/kafka/node-pool.ts', 'NodePoolOptions'],
  ['lib/model/listeners.ts', 'InternalListenerOptions'],
  ['lib/model/listeners.ts', 'ExternalNodePortListenerOptions'],
  ['lib/model/listeners.ts', 'ExternalListenerOptions'],
  ['lib/model/storage.ts', 'PersistentClaimOptions'],
  ['lib/model/storage.ts', 'EphemeralOptions'],
  ['lib/load-balancer/load-balancer.ts', 'LoadBalancerOptions'],
  ['lib/load-balancer/load-balancer.ts', 'LoadBalancerProps'],
  ['lib/model/load-balancer.ts', 'ExternalHostOptions'],
  ['lib/model/load-balancer.ts', 'InClusterOptions'],
  ['lib/users/kafka-user.ts', 'KafkaUserProps'],
  ['lib/users/doctor-user.ts', 'DoctorUserProps'],
  ['lib/topics/kafka-topic.ts', 'KafkaTopicProps'],
  ['lib/operator/operator.ts', 'StrimziOperatorProps'],
  ['lib/operator/crds.ts', 'StrimziCrdsProps'],
  ['lib/model/imported-cluster.ts', 'ClusterAttributes'],
  ['lib/model/node-id-lock.ts', 'LockedPools'],
  ['lib/clients/kafka-client.ts', 'KafkaClientProps'],
  ['lib/mirror-maker/kafka-mirror-maker-2.ts', 'KafkaMirrorMaker2Props'],
  ['lib/bridge/kafka-bridge.ts', 'KafkaBridgeProps'],
  ['lib/monitoring/strimzi-monitoring.ts', 'StrimziMonitoringProps'],
  ['lib/rebalance/kafka-rebalance.ts', 'KafkaRebalanceProps'],
  ['lib/connect/kafka-connect.ts', 'KafkaConnectProps'],
  ['lib/connect/kafka-connector.ts', 'KafkaConnectorProps'],
  ['lib/common/arguments.ts', 'ConstructPlace'],
  ['lib/common/arguments.ts', 'NodeIdArgument'],
  ['lib/common/arguments.ts', 'TreeArgument'],
  ['lib/users/client-config.ts', 'ClientConnectionOfArguments'],
  ['lib/app/synth-app.ts', 'SynthAppArguments'],
  ['lib/kafka/node-pool.ts', 'NodePoolPlace'],
];

/** Types whose values are instances checked by a test the construct registers (by this name). */
const INSTANCES = {
  Storage: 'Storage',
  Duration: 'Duration',
  ICluster: 'cluster',
  KafkaUser: 'KafkaUser',
  IKafkaConnect: 'KafkaConnect',
  IMetricsClient: 'metricsClient',
  LoadBalancerShape: 'LoadBalancerShape',
  NodePool: 'NodePool',
  IConstruct: 'scope',
  App: 'app',
  Construct: 'construct',
  IPoolCluster: 'poolCluster',
};

const DEFAULT_MAX_LENGTH = 253;
const DEFAULT_MAX_ITEMS = 1000;

function fail(message) {
  throw new Error(`gen-props: ${message}`);
}

/** The doc tags of a prop, as { name: text }. */
function tagsOf(symbol, checker) {
  const tags = {};
  for (const t of symbol.getJsDocTags(checker)) {
    tags[t.name] = ts.displayPartsToString(t.text ?? []).trim();
  }
  return tags;
}

function number(tags, name) {
  if (tags[name] === undefined) return undefined;
  const n = Number(tags[name]);
  if (!Number.isSafeInteger(n) || n < 0) fail(`@${name} ${tags[name]} is not a count`);
  return n;
}

/** The shape of a type; `tags` are the prop's doc tags, `where` names it in errors. */
function shapeOf(type, tags, checker, where) {
  if (tags.json !== undefined) return { t: 'json', max: tags.json ? number(tags, 'json') : 10000 };
  const named = type.aliasSymbol?.name ?? type.getSymbol()?.name;
  if (named && INSTANCES[named]) return { t: 'instance', name: INSTANCES[named] };
  if (type.flags & ts.TypeFlags.Unknown || type.flags & ts.TypeFlags.Any) return { t: 'json', max: 10000 };
  if (type.isUnion()) return unionShape(type, tags, checker, where);
  if (type.flags & ts.TypeFlags.StringLike) return stringShape(type, tags, where);
  if (type.flags & ts.TypeFlags.NumberLike) return tags.integer !== undefined ? { t: 'integer' } : { t: 'number' };
  if (type.flags & ts.TypeFlags.BooleanLike) return { t: 'boolean' };
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const item = checker.getTypeArguments(type)[0];
    return {
      t: 'array',
      items: shapeOf(item, tags, checker, `${where}[]`),
      max: number(tags, 'maxItems') ?? DEFAULT_MAX_ITEMS,
    };
  }
  if (type.flags & ts.TypeFlags.Object) return objectShape(type, tags, checker, where);
  fail(`${where}: no shape for type ${checker.typeToString(type)}`);
}

function stringShape(type, tags, where) {
  if (type.isStringLiteral?.() && tags.enum !== undefined) return { t: 'enum', values: [type.value] };
  if (!(type.flags & ts.TypeFlags.StringLike)) fail(`${where}: unexpected string-like type`);
  const shape = { t: 'string', max: number(tags, 'maxLength') ?? DEFAULT_MAX_LENGTH };
  if (tags.syntax) shape.syntax = tags.syntax;
  return shape;
}

function unionShape(type, tags, checker, where) {
  const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  if (members.length === 1) return shapeOf(members[0], tags, checker, where);
  if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { t: 'boolean' };
  if (members.every((t) => t.isStringLiteral())) {
    if (tags.enum !== undefined) return { t: 'enum', values: members.map((t) => t.value).sort() };
    return stringShape(members[0], { ...tags, enum: undefined }, where);
  }
  const kinds = members.map((t) =>
    t.flags & ts.TypeFlags.StringLike
      ? 's'
      : t.flags & ts.TypeFlags.NumberLike
        ? 'n'
        : t.flags & ts.TypeFlags.BooleanLike
          ? 'b'
          : 'o',
  );
  if (
    kinds.every((k) => 'snb'.includes(k)) &&
    new Set(kinds).size === 3 &&
    members.every((t) => !t.isLiteral?.() || t.flags & ts.TypeFlags.BooleanLiteral)
  ) {
    return { t: 'scalar' };
  }
  const literals = members.filter((t) => t.isStringLiteral());
  const others = members.filter((t) => !t.isStringLiteral() && !(t.flags & ts.TypeFlags.BooleanLiteral));
  const options = [];
  if (literals.length > 0) options.push({ t: 'enum', values: literals.map((t) => t.value).sort() });
  // `boolean | { ... }` (e.g. `metrics: true` or its options): the boolean is an option of its own
  if (members.some((t) => t.flags & ts.TypeFlags.BooleanLiteral)) options.push({ t: 'boolean' });
  // object members of one union (discriminated by `type`) are checked as one object of every field
  const objects = others.filter((t) => t.flags & ts.TypeFlags.Object && !checker.isArrayType(t));
  if (objects.length > 1) options.push(mergedObjectShape(objects, tags, checker, where));
  else if (objects.length === 1) options.push(shapeOf(objects[0], tags, checker, where));
  for (const t of others.filter((x) => !objects.includes(x))) options.push(shapeOf(t, tags, checker, where));
  // `boolean | Options` (e.g. `cruiseControl: true` or its options): true and false stay accepted
  if (members.some((t) => t.flags & ts.TypeFlags.BooleanLiteral)) options.unshift({ t: 'boolean' });
  return options.length === 1 ? options[0] : { t: 'union', options };
}

/** A union of object types (e.g. discriminated by `type`): each field is allowed, required when all require it. */
function mergedObjectShape(objects, tags, checker, where) {
  return objects.map((o) => objectShape(o, tags, checker, where)).reduce(mergeShapes);
}

/** Two shapes of one field in different union members, as one: every field allowed, required when both require it. */
function mergeShapes(a, b) {
  if (a.t === 'object' && b.t === 'object') {
    const fields = {};
    for (const k of new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])) {
      const x = a.fields[k];
      const y = b.fields[k];
      fields[k] =
        x && y
          ? clean({ shape: mergeShapes(x.shape, y.shape), required: (x.required && y.required) || undefined })
          : clean({ ...(x ?? y), required: undefined });
    }
    return { t: 'object', fields };
  }
  if (a.t === 'enum' && b.t === 'enum') return { t: 'enum', values: [...new Set([...a.values, ...b.values])].sort() };
  if (a.t === 'array' && b.t === 'array') return { ...a, items: mergeShapes(a.items, b.items) };
  if (JSON.stringify(a) !== JSON.stringify(b))
    fail(`fields of one name with different types: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return a;
}

function objectShape(type, tags, checker, where) {
  const index = checker
    .getIndexInfosOfType(type)
    .find((i) => i.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.Number));
  if (index) {
    const objectValues = index.type.flags & ts.TypeFlags.Object && !checker.isArrayType(index.type);
    const shallow = objectValues ? { t: 'plain', what: plainWhat(index.type, checker) } : { t: 'any' };
    const values = tags.checkedBy !== undefined ? shallow : shapeOf(index.type, tags, checker, `${where}{}`);
    const shape = { t: 'record', values, max: number(tags, 'maxItems') ?? DEFAULT_MAX_ITEMS };
    if (tags.keys) shape.keys = tags.keys;
    return shape;
  }
  if (tags.checkedBy !== undefined) return { t: 'plain', what: plainWhat(type, checker) };
  const symbol = type.getSymbol();
  if (symbol && symbol.flags & ts.SymbolFlags.Class) fail(`${where}: class ${symbol.name} needs an entry in INSTANCES`);
  const fields = {};
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    const propTags = tagsOf(prop, checker);
    const propType = checker.getTypeOfSymbolAtLocation(prop, decl);
    // a prop checked by a rule of its own is optional here: that rule reports it missing
    const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0 || propTags.checkedBy !== undefined;
    fields[prop.name] = clean({
      shape: shapeOf(propType, propTags, checker, `${where}.${prop.name}`),
      required: !optional || undefined,
    });
  }
  // declaration order: the order users read in the interface, and the order findings come in
  return { t: 'object', fields };
}

/** How messages name an object checked in detail elsewhere: `NodePoolOptions { roles, replicas, storage, ... }`. */
function plainWhat(type, checker) {
  const props = checker.getPropertiesOfType(type);
  const required = props.filter((p) => !(p.flags & ts.SymbolFlags.Optional)).map((p) => p.name);
  const more = required.length < props.length ? ', ...' : '';
  const name = type.aliasSymbol?.name ?? type.getSymbol()?.name ?? 'an object';
  return `${name} { ${required.join(', ')}${more} }`;
}

function clean(o) {
  return JSON.parse(JSON.stringify(o));
}

/** The shapes of the named interfaces, each declared in its file (paths relative to the repository). */
function shapesOf(entries) {
  const files = [...new Set(entries.map(([f]) => path.join(ROOT, f)))];
  const options = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    noEmit: true,
    types: [],
  };
  const program = ts.createProgram(files, {
    ...options,
    resolveJsonModule: true,
    esModuleInterop: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const shapes = {};
  for (const [file, name] of entries) {
    const source = program.getSourceFile(path.join(ROOT, file));
    const decl = source.statements.find((d) => ts.isInterfaceDeclaration(d) && d.name.text === name);
    if (!decl) fail(`no interface ${name} in ${file}`);
    shapes[name] = objectShape(checker.getTypeAtLocation(decl.name), {}, checker, name);
  }
  return shapes;
}

function generate() {
  return `${JSON.stringify(shapesOf(PROPS), null, 1)}\n`;
}

/** The names as a TypeScript type, so declarations never import the JSON. */
function names() {
  const union = PROPS.map(([, name]) => `  | '${name}'`).join('\n');
  const head = '// Generated by scripts/gen-props.js from the props interfaces; do not edit.\n\n';
  return `${head}/** The props interfaces whose shapes are generated. */\nexport type PropsName =\n${union};\n`;
}

function main() {
  const outputs = [
    [OUT, generate()],
    [NAMES, names()],
  ];
  if (process.argv.includes('--check')) {
    const stale = outputs.filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text);
    stale.forEach(([file]) => console.error(`${path.relative(ROOT, file)} is stale: run npm run props`));
    if (stale.length > 0) process.exit(1);
    return;
  }
  outputs.forEach(([file, text]) => fs.writeFileSync(file, text));
  console.log(`wrote ${outputs.map(([f]) => path.relative(ROOT, f)).join(', ')} (${PROPS.length} props interfaces)`);
}

if (require.main === module) main();
module.exports = { generate, names, shapesOf };

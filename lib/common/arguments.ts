/**
 * The arguments of public constructors and methods, checked like props: against shapes generated
 * from the interfaces below (`npm run props`), by the same interpreter (`checkProps`), so a
 * JavaScript or JSON caller's bad argument is one line naming the construct path, the argument,
 * the value and the fix, not a TypeError from deep inside cdk8s or constructs
 * (`addLoadBalancer(10n, ...)` was `id.replace is not a function`). A construct cannot be made in a
 * wrong place, so a bad argument throws a `KraftConfigError` at once, as a duplicate name does.
 */
import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { KraftConfigError, Problem } from '../core/problem';
import { InstanceType, Instances, PropsName, checkProps } from '../core/shape';

/** Where a new construct goes: `new KafkaUser(scope, id, props)`, `cluster.addLoadBalancer(id, options)`. */
export interface ConstructPlace {
  /** The construct it joins: a Chart, or a construct inside one. */
  readonly scope: IConstruct;
  /**
   * Its id: its name in the construct path, unique among the scope's children.
   * @maxLength 1000
   * @syntax constructId
   */
  readonly id: string;
}

/** The argument of `findProblems(root)` and `printWarnings(root)`. */
export interface TreeArgument {
  /** An app, a chart or any construct of the library's: the tree whose findings are wanted. */
  readonly root: Construct;
}

/** The argument of `ExternalNodePortListener.endpointFor(nodeId)`. */
export interface NodeIdArgument {
  /**
   * A node ID.
   * @integer
   */
  readonly nodeId: number;
}

/** Whether a construct is in a Chart (`Chart.of` throws outside one; cdk8s 2.0 has no `Chart.isChart`). */
function inChart(c: IConstruct): boolean {
  try {
    Chart.of(c);
    return true;
  } catch {
    return false;
  }
}

/** A construct in a Chart (the generated objects of every construct of the library need one). */
export const SCOPE_INSTANCE: InstanceType = {
  test: (v) => Construct.isConstruct(v) && inChart(v),
  what: 'a Chart or a construct inside one',
};

/** Where an argument's finding is reported: the construct it is given to, or the scope a new one joins. */
const pathOf = (where: unknown): string =>
  Construct.isConstruct(where) ? where.node.path || '(the app)' : '(no construct)';

/**
 * Checks arguments against the shape of their interface; throws the first finding, placed at
 * `where`, as a KraftConfigError. Returns them clean.
 */
export function checkedArguments<T>(where: unknown, args: T, name: PropsName, instances: Instances = {}): T {
  const checked = checkProps<T>(args, name, instances);
  const [first] = checked.findings;
  if (first) throw new KraftConfigError({ ...first, path: pathOf(where) } as Problem);
  return checked.props;
}

/** Any construct (an App too). */
export const CONSTRUCT_INSTANCE: InstanceType = {
  test: (v) => Construct.isConstruct(v),
  what: 'a construct (an App, a Chart or a construct inside one)',
};

/**
 * The id of a new construct, checked with its scope before it joins (for `super(scope, placed(scope, id))`):
 * a non-empty string, in a construct inside a Chart.
 */
export function placed(scope: unknown, id: unknown): string {
  return checkedArguments<ConstructPlace>(scope, { scope, id } as ConstructPlace, 'ConstructPlace', {
    scope: SCOPE_INSTANCE,
  }).id;
}

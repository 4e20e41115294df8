/**
 * The pattern every resource construct follows (as cdk8s-plus's `base.ts` gives its constructs one
 * shape), in this order:
 * 1. `checkedProps`: its props are checked once, at the boundary, against the shape generated from
 *    its props interface (`npm run props`); the type findings are recorded at the construct and the
 *    rest of the construct sees clean values.
 * 2. its kind's pure `*-model.ts` functions compute every other finding from plain data;
 *    `placeFindings` places them at the construct, once per validation pass.
 * 3. `lazySpec`: its generated object's spec is produced from the model at synth, so later changes
 *    (pools, listeners added after it) are in it.
 * 4. `validateAtSynth`: cdk8s validation reports its errors, and `app.synth()` writes everything or
 *    nothing.
 */
import { Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { addChecks, at, record } from './problems';
import { Finding } from '../core/problem';
import { Instances, PropsName, checkProps } from '../core/shape';

export { validateAtSynth } from './problems';

/** Step 1: the props checked against their generated shape; the type findings recorded at `scope`. */
export function checkedProps<T>(
  scope: IConstruct,
  raw: unknown,
  name: PropsName,
  instances: Instances = {},
  field = '',
): { props: T; findings: Finding[] } {
  const checked = checkProps<T>(raw, name, instances, field);
  record(scope, checked.findings);
  return checked;
}

/** Step 2: the kind's model findings, computed once per validation pass and placed at `scope`. */
export function placeFindings(scope: IConstruct, findings: () => readonly Finding[]): void {
  addChecks(scope, () => findings().map((f) => at(scope, f)));
}

/** Step 3: a value (a spec, an annotation) produced from the model at synth. */
export function lazySpec<T>(produce: () => T): T {
  return Lazy.any({ produce }) as unknown as T;
}

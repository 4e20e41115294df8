import { registerAppCheck, registerProblemSource } from '../problem';
import { operatorAppProblems } from './app-checks';
import { StrimziOperator } from './operator';

export * from './crds';
export * from './feature-gates';
export * from './image';
export * from './operator';
export * from './release-facts';
export { operatorAppProblems } from './app-checks';
export { clustersOf } from './clusters';
export type { ClusterRef } from './clusters';

registerAppCheck(operatorAppProblems);
registerProblemSource((root) => root.node.findAll().filter((c): c is StrimziOperator => c instanceof StrimziOperator).flatMap((o) => o.problems));

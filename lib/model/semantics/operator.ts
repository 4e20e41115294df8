/**
 * Operator props whose effect the construct owns: env variables it renders from typed, checked
 * props, and an empty watch list.
 */
import { Finding, finding } from '../../core/problem';
import { RULES } from '../../rules';
import { isDnsSubdomain } from '../../core/syntax';

/** The env variables the operator construct renders from its props, with the prop to use. */
export const MANAGED_OPERATOR_ENV: Readonly<Record<string, string>> = {
  STRIMZI_FEATURE_GATES: 'featureGates',
  STRIMZI_FULL_RECONCILIATION_INTERVAL_MS: 'fullReconciliationInterval',
  STRIMZI_KUBERNETES_VERSION: 'kubernetesVersion',
  STRIMZI_LEADER_ELECTION_ENABLED: 'leaderElection',
  STRIMZI_LOG_LEVEL: 'logLevel',
  STRIMZI_NAMESPACE: 'watchNamespaces (or watchAnyNamespace)',
  STRIMZI_OPERATION_TIMEOUT_MS: 'operationTimeout',
};

/** The operator construct's one call: `env` and `watchNamespaces` as given. */
export function operatorSemanticFindings(props: {
  readonly env?: Readonly<Record<string, unknown>>;
  readonly watchNamespaces?: readonly unknown[];
  readonly imagePullSecrets?: readonly unknown[];
}): Finding[] {
  const out: Finding[] = [];
  for (const name of Object.keys(props.env ?? {}).sort()) {
    const prop = MANAGED_OPERATOR_ENV[name];
    if (!prop) continue;
    out.push(
      finding(
        RULES.operatorEnvManaged,
        `env.${name}`,
        props.env![name],
        `the construct sets ${name} from ${prop}, with its checks; env would override it unchecked`,
        `remove it from env and set ${prop}`,
      ),
    );
  }
  (props.imagePullSecrets ?? []).forEach((name, i) => {
    if (typeof name === 'string' && !isDnsSubdomain(name))
      out.push(
        finding(
          RULES.secretReference,
          `imagePullSecrets[${i}]`,
          name,
          'not a Secret name (a lower-case DNS subdomain); the kubelet cannot use it to pull images',
          "use the name of the docker-registry Secret in the operator's namespace, e.g. 'registry-credentials'",
        ),
      );
  });
  if (Array.isArray(props.watchNamespaces) && props.watchNamespaces.length === 0) {
    out.push(
      finding(
        RULES.operatorWatchEmpty,
        'watchNamespaces',
        [],
        'an empty list sets STRIMZI_NAMESPACE to nothing; the operator refuses to start',
        "list the namespaces of your clusters, omit it (the operator's own namespace), or set watchAnyNamespace: true",
      ),
    );
  }
  return out;
}

/**
 * The string syntaxes that props name with `@syntax` (a value) or `@keys` (the keys of a record),
 * each with the rule that reports a mismatch and its fix. The generated shapes refer to them by name.
 */
import { CORE_RULES as RULES, Rule } from './rules';
import { isDnsLabel } from './syntax';

/** A string syntax: a predicate, what it is called, and the rule that reports a mismatch. */
export interface Syntax {
  readonly test: (v: string) => boolean;
  readonly what: string;
  readonly rule: Rule;
  readonly fix: string;
}

/** An absolute path nginx reads or writes: nothing that could end or add a directive. */
const NGINX_PATH = /^\/[A-Za-z0-9._/-]*$/;
const isNginxPath = (v: string) => NGINX_PATH.test(v) && !v.split('/').includes('..');

const nginxPath = (what: string): Syntax => ({
  test: isNginxPath,
  what: `an absolute path (letters, digits, ., _, - and /) for ${what}`,
  rule: RULES.lbPathSyntax,
  fix: "use a plain absolute path such as '/run/nginx.pid'",
});

/** [registry[:port]/]name[/name...][:tag][@sha256:digest], as container runtimes parse image references. */
const IMAGE_REFERENCE = new RegExp(
  '^([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*' +
    '(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$',
);

const LABEL_KEY_RE = new RegExp(
  '^(([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$',
);

const isCidr = (v: string) =>
  (/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(v) && v.split(/[./]/).every((n, i) => Number(n) <= (i === 4 ? 32 : 255))) ||
  (/^[0-9a-fA-F:]+\/\d{1,3}$/.test(v) && v.includes(':') && Number(v.split('/')[1]) <= 128);

/** Every named syntax. */
export const SYNTAXES: Readonly<Record<string, Syntax>> = {
  jvmKey: {
    test: (k) => /^[A-Za-z0-9][A-Za-z0-9._+:-]*$/.test(k) && k.length <= 255,
    what: 'an option or property name (letters, digits, ., _, +, : and -)',
    rule: RULES.propType,
    fix: 'use the bare name, e.g. UseG1GC or javax.net.debug',
  },
  resourceName: {
    test: (k) => /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/.test(k) && k.length <= 253,
    what: 'a resource name such as cpu, memory or nvidia.com/gpu',
    rule: RULES.resourceQuantity,
    fix: 'use a Kubernetes resource name: cpu, memory, ephemeral-storage or <domain>/<name>',
  },
  envName: {
    test: (k) => /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(k) && k.length <= 253,
    what: 'an environment variable name (letters, digits, _, . and -, not starting with a digit)',
    rule: RULES.propType,
    fix: "use e.g. 'STRIMZI_CUSTOM_SETTING'",
  },
  labelKey: {
    test: (k) => LABEL_KEY_RE.test(k) && k.length <= 316 && k.split('/').pop()!.length <= 63,
    what: 'a label key such as kubernetes.io/os or node-role',
    rule: RULES.propType,
    fix: "use a Kubernetes label key, e.g. 'kubernetes.io/os'",
  },
  topicConfigKey: {
    test: (k) => /^[a-zA-Z0-9._-]{1,255}$/.test(k),
    what: 'a Kafka topic property name (letters, digits, ., _ and -)',
    rule: RULES.topicConfig,
    fix: "use the property name from the Kafka documentation, e.g. 'retention.ms'",
  },
  referenceFolder: {
    test: (v) => /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(v) && !v.split('/').some((x) => x === '.' || x === '..'),
    what: "a relative folder (letters, digits, ., _ and -, separated by '/'; no '..')",
    rule: RULES.propType,
    fix: "use a folder inside the output folder, e.g. '00-crds'",
  },
  pidFile: nginxPath('the pid file'),
  modulePath: nginxPath('the stream module'),
  errorLog: {
    ...nginxPath('the error log'),
    test: (v) => v === 'stderr' || isNginxPath(v),
    what: "'stderr' or an absolute path (letters, digits, ., _, - and /)",
  },
  clusterDomain: {
    test: (v) =>
      v.length <= 253 && v.split('.').every((l) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(l) && l.length <= 63),
    what: 'a DNS subdomain (lower-case labels separated by dots)',
    rule: RULES.lbClusterDomain,
    fix: "use your cluster's DNS domain, e.g. 'cluster.local'",
  },
  image: {
    test: (v) => IMAGE_REFERENCE.test(v),
    what: 'an image reference such as nginx:1.27.3-alpine',
    rule: RULES.lbImage,
    fix: "give repository and tag, e.g. 'nginx:1.27.3-alpine' or 'registry.example.com/nginx:1.27'",
  },
  imageDigest: {
    test: (v) => /^sha256:[a-f0-9]{64}$/.test(v),
    what: "a digest 'sha256:' followed by 64 hex digits",
    rule: RULES.lbImage,
    fix: 'copy the digest from `docker buildx imagetools inspect <image>` or your registry',
  },
  kafkaPropertyName: {
    test: (k) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(k) && k.length <= 255,
    what: 'a Kafka property name (letters, digits, ., _ and -)',
    rule: RULES.propType,
    fix: "use the property name as in config, e.g. 'remote.log.copy.disable'",
  },
  reason: {
    test: (v) => v.trim().length > 0,
    what: 'the reason the key is not checked',
    rule: RULES.propType,
    fix: "say why, e.g. 'Kafka 4.3 key (KIP-1150); the catalogue ends at 4.2'",
  },
  namespace: {
    // Kubernetes: a namespace name is a DNS label (RFC 1123), at most 63 characters
    test: (v) => isDnsLabel(v),
    what: 'a namespace name (a lower-case DNS label of at most 63 characters)',
    rule: RULES.propType,
    fix: "use e.g. 'kafka'",
  },
  constructId: {
    test: (v) => v.length > 0,
    what: 'a non-empty string',
    rule: RULES.propType,
    fix: "give it a name, e.g. 'kafka' (only an app has an empty id)",
  },
  cidr: {
    test: isCidr,
    what: 'a CIDR such as 10.0.0.0/8',
    rule: RULES.propType,
    fix: "give source ranges as CIDRs, e.g. '203.0.113.0/24'",
  },
};

/**
 * The findings about the in-cluster nginx pod as it is rendered, after a user adjusted its
 * cdk8s-plus Deployment: the controls of the Kubernetes Pod Security Standards "restricted"
 * profile (which includes "baseline") that the library's pod meets and a change can undo. Pure
 * functions of the rendered pod spec (plain JSON).
 */
import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';

/** A rendered pod spec or container, as plain JSON. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Volume types "restricted" allows (Pod Security Standards, "Volume Types"). */
const VOLUME_TYPES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];
/** The one capability "restricted" lets a container add. */
const ADDABLE = ['NET_BIND_SERVICE'];
const SECCOMP = ['RuntimeDefault', 'Localhost'];

/** Every control of "restricted" the rendered pod breaks, one finding each, under `at` (its path in the Deployment). */
export function restrictedPodFindings(pod: Json, at = 'deployment.spec.template.spec'): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const breaks = (field: string, value: unknown, control: string, fix: string) =>
    flag(RULES.lbPodRestricted, `${at}.${field}`, value).says(
      `breaks Pod Security "restricted" (${control}); a namespace that enforces it refuses the nginx pods. Fix: ${fix}`,
    );
  for (const ns of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[ns] === true) breaks(ns, true, 'host namespaces', `remove ${ns}`);
  }
  const psc: Json = pod.securityContext ?? {};
  ((pod.volumes ?? []) as Json[]).forEach((v, i) => {
    const type = Object.keys(v).find((k) => k !== 'name' && !VOLUME_TYPES.includes(k));
    if (type)
      breaks(`volumes[${i}].${type}`, v.name, 'volume types', 'use a configMap, secret, emptyDir or PVC volume');
  });
  const containers = [
    ...((pod.initContainers ?? []) as Json[]).map((c, i) => ({ c, field: `initContainers[${i}]` })),
    ...((pod.containers ?? []) as Json[]).map((c, i) => ({ c, field: `containers[${i}]` })),
  ];
  for (const { c, field } of containers)
    containerFindings(c, psc, (f, v, control, fix) => breaks(`${field}.${f}`, v, control, fix));
  return out;
}

type Breaks = (field: string, value: unknown, control: string, fix: string) => void;

/** The container-level controls: privilege, escalation, capabilities, non-root, seccomp, host ports. */
function containerFindings(c: Json, psc: Json, breaks: Breaks): void {
  const sc: Json = c.securityContext ?? {};
  if (sc.privileged === true) breaks('securityContext.privileged', true, 'privileged', 'remove privileged');
  if (sc.allowPrivilegeEscalation !== false) {
    breaks(
      'securityContext.allowPrivilegeEscalation',
      sc.allowPrivilegeEscalation,
      'privilege escalation',
      'set allowPrivilegeEscalation: false',
    );
  }
  const caps: Json = sc.capabilities ?? {};
  if (!(caps.drop ?? []).includes('ALL')) {
    breaks('securityContext.capabilities.drop', caps.drop, 'capabilities', "drop ALL: capabilities: { drop: ['ALL'] }");
  }
  const added = ((caps.add ?? []) as string[]).filter((a) => !ADDABLE.includes(a));
  if (added.length > 0)
    breaks('securityContext.capabilities.add', added, 'capabilities', 'add none but NET_BIND_SERVICE');
  const nonRoot = sc.runAsNonRoot === true || (psc.runAsNonRoot === true && sc.runAsNonRoot !== false);
  if (!nonRoot)
    breaks('securityContext.runAsNonRoot', sc.runAsNonRoot, 'running as non-root', 'set runAsNonRoot: true');
  if (sc.runAsUser === 0 || (sc.runAsUser === undefined && psc.runAsUser === 0)) {
    breaks('securityContext.runAsUser', 0, 'running as non-root user', 'run as a user other than 0');
  }
  const seccomp = sc.seccompProfile ?? psc.seccompProfile;
  if (!SECCOMP.includes(seccomp?.type)) {
    breaks('securityContext.seccompProfile', seccomp, 'seccomp', "set seccompProfile: { type: 'RuntimeDefault' }");
  }
  ((c.ports ?? []) as Json[]).forEach((p, i) => {
    if (p.hostPort) breaks(`ports[${i}].hostPort`, p.hostPort, 'host ports', 'remove hostPort');
  });
}

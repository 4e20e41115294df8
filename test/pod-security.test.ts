import { Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { LoadBalancerShape } from '../lib';
import { restrictedPodFindings } from '../lib/load-balancer/in-cluster-model';
import { validateManifests } from '../lib/tools';
import { external, pools } from './support/rule-cases';
import { clusterChart } from './support/synth';

/**
 * The controls of the Kubernetes Pod Security Standards "restricted" profile (which includes
 * "baseline"), as the Pod Security Standards page lists them, checked on a pod spec. Returns one
 * line per violation.
 */
function restrictedViolations(pod: any): string[] {
  const out: string[] = [];
  const containers: any[] = [
    ...(pod.containers ?? []),
    ...(pod.initContainers ?? []),
    ...(pod.ephemeralContainers ?? []),
  ];
  const psc = pod.securityContext ?? {};
  const each = (what: string, bad: (c: any) => boolean) =>
    containers.filter(bad).forEach((c) => out.push(`${what}: container ${c.name}`));
  // baseline
  if (psc.windowsOptions?.hostProcess || containers.some((c) => c.securityContext?.windowsOptions?.hostProcess))
    out.push('HostProcess');
  for (const ns of ['hostNetwork', 'hostPID', 'hostIPC']) if (pod[ns]) out.push(`Host namespaces: ${ns}`);
  each('Privileged containers', (c) => c.securityContext?.privileged === true);
  const baselineCaps = [
    'AUDIT_WRITE',
    'CHOWN',
    'DAC_OVERRIDE',
    'FOWNER',
    'FSETID',
    'KILL',
    'MKNOD',
    'NET_BIND_SERVICE',
    'SETFCAP',
    'SETGID',
    'SETPCAP',
    'SETUID',
    'SYS_CHROOT',
  ];
  each('Capabilities (baseline)', (c) =>
    (c.securityContext?.capabilities?.add ?? []).some((a: string) => !baselineCaps.includes(a)),
  );
  (pod.volumes ?? []).filter((v: any) => v.hostPath).forEach((v: any) => out.push(`HostPath volume ${v.name}`));
  each('Host ports', (c) => (c.ports ?? []).some((p: any) => p.hostPort !== undefined && p.hostPort !== 0));
  const appArmorOk = (p: any) => p === undefined || ['RuntimeDefault', 'Localhost'].includes(p.type);
  if (!appArmorOk(psc.appArmorProfile)) out.push('AppArmor: pod');
  each('AppArmor', (c) => !appArmorOk(c.securityContext?.appArmorProfile));
  const seLinuxOk = (o: any) =>
    o === undefined ||
    ((o.type === undefined ||
      ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'].includes(o.type)) &&
      o.user === undefined &&
      o.role === undefined);
  if (!seLinuxOk(psc.seLinuxOptions)) out.push('SELinux: pod');
  each('SELinux', (c) => !seLinuxOk(c.securityContext?.seLinuxOptions));
  each(
    '/proc mount type',
    (c) => c.securityContext?.procMount !== undefined && c.securityContext.procMount !== 'Default',
  );
  if (psc.seccompProfile?.type === 'Unconfined') out.push('Seccomp (baseline): pod Unconfined');
  each('Seccomp (baseline)', (c) => c.securityContext?.seccompProfile?.type === 'Unconfined');
  const safeSysctls = [
    'kernel.shm_rmid_forced',
    'net.ipv4.ip_local_port_range',
    'net.ipv4.ip_unprivileged_port_start',
    'net.ipv4.tcp_syncookies',
    'net.ipv4.ping_group_range',
    'net.ipv4.ip_local_reserved_ports',
    'net.ipv4.tcp_keepalive_time',
    'net.ipv4.tcp_fin_timeout',
    'net.ipv4.tcp_keepalive_intvl',
    'net.ipv4.tcp_keepalive_probes',
  ];
  (psc.sysctls ?? [])
    .filter((s: any) => !safeSysctls.includes(s.name))
    .forEach((s: any) => out.push(`Sysctl ${s.name}`));
  // restricted
  const volumeTypes = [
    'configMap',
    'csi',
    'downwardAPI',
    'emptyDir',
    'ephemeral',
    'persistentVolumeClaim',
    'projected',
    'secret',
  ];
  (pod.volumes ?? []).forEach((v: any) =>
    Object.keys(v)
      .filter((k) => k !== 'name' && !volumeTypes.includes(k))
      .forEach((k) => out.push(`Volume type ${k}: ${v.name}`)),
  );
  each(
    'Privilege escalation (allowPrivilegeEscalation must be false)',
    (c) => c.securityContext?.allowPrivilegeEscalation !== false,
  );
  each(
    'Running as non-root',
    (c) =>
      !(
        c.securityContext?.runAsNonRoot === true ||
        (psc.runAsNonRoot === true && c.securityContext?.runAsNonRoot !== false)
      ),
  );
  if (psc.runAsUser === 0) out.push('Running as non-root user: pod runAsUser 0');
  each('Running as non-root user', (c) => c.securityContext?.runAsUser === 0);
  const seccompOk = (p: any) => p !== undefined && ['RuntimeDefault', 'Localhost'].includes(p.type);
  each(
    'Seccomp (restricted)',
    (c) =>
      !(
        seccompOk(c.securityContext?.seccompProfile) ||
        (seccompOk(psc.seccompProfile) && c.securityContext?.seccompProfile === undefined)
      ),
  );
  each('Capabilities (restricted): drop ALL', (c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL'));
  each('Capabilities (restricted): add only NET_BIND_SERVICE', (c) =>
    (c.securityContext?.capabilities?.add ?? []).some((a: string) => a !== 'NET_BIND_SERVICE'),
  );
  return out;
}

describe('the in-cluster nginx passes Pod Security "restricted"', () => {
  test('the in-cluster example app', () => {
    const objects = Testing.synth(APPS['in-cluster'](Testing.app()));
    const pods = objects.filter((o) => o.kind === 'Deployment').map((d) => d.spec.template.spec);
    expect(pods).toHaveLength(2); // the nodeport listener's nginx and the cluster-ip listener's
    expect(pods.map(restrictedViolations)).toEqual([[], []]);
  });

  test('the check finds what the pod spec had before it was hardened', () => {
    const objects = Testing.synth(APPS['in-cluster'](Testing.app()));
    const pod = structuredClone(objects.find((o) => o.kind === 'Deployment').spec.template.spec);
    delete pod.securityContext.seccompProfile;
    delete pod.containers[0].securityContext.capabilities;
    delete pod.containers[0].securityContext.seccompProfile;
    expect(restrictedViolations(pod)).toEqual([
      'Seccomp (restricted): container nginx',
      'Capabilities (restricted): drop ALL: container nginx',
    ]);
  });

  test('image pinned by digest, and a NetworkPolicy admitting only the load balancer ports', () => {
    // GIVEN
    const { chart, cluster } = clusterChart({ nodePools: pools, nodePortListeners: [external] });
    const digest = `sha256:${'ab'.repeat(32)}`;

    // WHEN
    cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster({ imageDigest: digest, networkPolicy: true }) });
    const objects = Testing.synth(chart);

    // THEN
    const deployment = objects.find((o) => o.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0].image).toBe(`nginx:1.27.3-alpine@${digest}`);
    expect(restrictedViolations(deployment.spec.template.spec)).toEqual([]);
    const policy = objects.find((o) => o.kind === 'NetworkPolicy');
    expect(policy.spec).toEqual({
      ingress: [{ ports: [8091, 8092, 8093, 9094].map((port) => ({ port, protocol: 'TCP' })) }],
      podSelector: { matchLabels: deployment.spec.selector.matchLabels },
      policyTypes: ['Ingress'],
    });
    expect(validateManifests(objects, { strimziVersion: '1.2.0' }).errors).toEqual([]);
  });
});

describe('lb-pod-restricted checks what a cdk8s-plus adjustment can undo, as the profile does', () => {
  const at = (f: string) => `deployment.spec.template.spec.${f}`;
  test.each<[string, (pod: any) => void, string[]]>([
    ['the hardened pod', () => undefined, []],
    [
      'no seccomp profile, no dropped capabilities',
      (pod) => {
        delete pod.securityContext.seccompProfile;
        delete pod.containers[0].securityContext.capabilities;
        delete pod.containers[0].securityContext.seccompProfile;
      },
      [
        `${at('containers[0].securityContext.capabilities.drop')}: capabilities`,
        `${at('containers[0].securityContext.seccompProfile')}: seccomp`,
      ],
    ],
    [
      'a privileged root sidecar on the host network with a hostPath volume and a host port',
      (pod) => {
        pod.hostNetwork = true;
        pod.volumes.push({ name: 'host', hostPath: { path: '/' } });
        pod.containers.push({
          name: 'debug',
          securityContext: { privileged: true, runAsUser: 0, runAsNonRoot: false, capabilities: { drop: ['ALL'] } },
          ports: [{ containerPort: 80, hostPort: 80 }],
        });
      },
      [
        `${at('hostNetwork')}: host namespaces`,
        `${at('volumes[2].hostPath')}: volume types`,
        `${at('containers[1].securityContext.privileged')}: privileged`,
        `${at('containers[1].securityContext.allowPrivilegeEscalation')}: privilege escalation`,
        `${at('containers[1].securityContext.runAsNonRoot')}: running as non-root`,
        `${at('containers[1].securityContext.runAsUser')}: running as non-root user`,
        `${at('containers[1].ports[0].hostPort')}: host ports`,
      ],
    ],
  ])('%s', (_name, change, expected) => {
    // GIVEN the in-cluster app's nginx pod, changed
    const objects = Testing.synth(APPS['in-cluster'](Testing.app()));
    const pod = structuredClone(objects.find((o) => o.kind === 'Deployment').spec.template.spec);
    change(pod);

    // WHEN the library's check looks at it
    const found = restrictedPodFindings(pod).map((f) => `${f.field}: ${/\(([^)]*)\)/.exec(f.message)![1]}`);

    // THEN one finding per control broken, and a violation exactly where this file's reading of the profile sees one
    expect(found).toEqual(expected);
    expect(found.length > 0).toBe(restrictedViolations(pod).length > 0);
  });
});

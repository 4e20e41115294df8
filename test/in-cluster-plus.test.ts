import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { LoadBalancerShape, NodePoolOptions, findProblems, formatProblem } from '../lib';
import '../lib/load-balancer/in-cluster';
import { external, pools } from './support/rule-cases';
import { clusterChart, synthObjects } from './support/synth';

describe('the in-cluster load balancer as cdk8s-plus-27 constructs', () => {
  test('a user adds a toleration, a node affinity and a pod label to the Deployment; the output shows them', () => {
    // GIVEN an in-cluster load balancer
    const { chart, cluster } = clusterChart({ nodePools: pools, nodePortListeners: [external] });
    const lb = cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster({ networkPolicy: true }) });

    // WHEN the user adjusts its Deployment the cdk8s-plus way
    lb.deployment!.scheduling.tolerate(kplus.Node.tainted(kplus.NodeTaintQuery.is('dedicated', 'edge')));
    lb.deployment!.scheduling.attract(kplus.Node.labeled(kplus.NodeLabelQuery.is('node-role', 'edge')));
    lb.deployment!.podMetadata.addLabel('team', 'streaming');
    const out = synthObjects(chart);

    // THEN the pod spec carries them, next to what the library set
    const deployment = out.get('Deployment', 'my-cluster-external-lb');
    const pod = deployment.spec.template.spec;
    expect(pod.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'edge' }]);
    expect(pod.affinity.nodeAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-role', operator: 'In', values: ['edge'] }] }],
      },
    });
    expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight).toBe(100);
    expect(deployment.spec.template.metadata.labels).toEqual({
      'cdk8s.io/metadata.addr': deployment.spec.selector.matchLabels['cdk8s.io/metadata.addr'],
      'team': 'streaming',
    });
    // and the other members are the objects written under the same name
    expect(out.get('ConfigMap', 'my-cluster-external-lb').data['nginx.conf']).toContain('listen 9094;');
    expect(out.get('Service', 'my-cluster-external-lb').spec.ports.map((p: any) => p.port)).toEqual([
      8091, 8092, 8093, 9094,
    ]);
    expect(out.get('NetworkPolicy', 'my-cluster-external-lb').spec.podSelector).toEqual(deployment.spec.selector);
  });

  test('the ports are bound at synth, once: a second synth of the same app writes the same objects', () => {
    // GIVEN an in-cluster load balancer, synthesized once
    // (a NodePort Service: every listen port inside the NodePort range)
    const listener = { ...external, port: 30094, advertisedPortBase: 31000 };
    const { chart, cluster } = clusterChart({ nodePools: pools, nodePortListeners: [listener] });
    const lb = cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster({ serviceType: 'NodePort' }) });
    expect(lb.deployment!.containers[0].ports).toEqual([]);
    const first = Testing.synth(chart);

    // WHEN it is synthesized again
    const second = Testing.synth(chart);

    // THEN the container and the Service have each port once
    expect(second).toEqual(first);
    expect(lb.deployment!.containers[0].ports.map((p) => p.number)).toEqual([30094, 31000, 31001, 31002]);
    expect(lb.service!.ports.map((p) => `${p.name}:${p.port}->${p.nodePort}`)).toEqual([
      'bootstrap:30094->30094',
      'broker-0:31000->31000',
      'broker-1:31001->31001',
      'broker-2:31002->31002',
    ]);
  });

  test('a broker added after the first synth is an error naming the ports, not a stale Service', () => {
    // GIVEN a synthesized in-cluster load balancer
    const { chart, cluster } = clusterChart({
      nodePools: { controller: pools.controller, broker: { ...pools.broker, nodeIds: [0, 1, 2] } },
      nodePortListeners: [external],
    });
    cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster() });
    Testing.synth(chart);

    // WHEN a fourth broker joins and the app is synthesized again
    cluster.addNodePool('more', { roles: ['broker'], replicas: 1, storage: pools.broker.storage, nodeIds: [6] });

    // THEN
    expect(() => Testing.synth(chart)).toThrow(
      '[test/my-cluster/lb] ports: broker-0:8091,broker-1:8092,broker-2:8093,broker-6:8097,bootstrap:9094, were ' +
        'broker-0:8091,broker-1:8092,broker-2:8093,bootstrap:9094 at an earlier synth of this app. Fix: finish the ' +
        'cluster (node pools, listeners) before the first synth, or build a new app',
    );
  });

  test('the external-host shape has none of them, and the main entry does not load cdk8s-plus-27', () => {
    // GIVEN an external-host load balancer
    const { cluster } = clusterChart({ nodePools: pools, nodePortListeners: [external] });
    const lb = cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers: ['10.0.0.1'] }) });

    // THEN
    expect([lb.configMap, lb.deployment, lb.service, lb.networkPolicy]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // and a fresh module registry loading the library loads no module of cdk8s-plus-27
    const loaded: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('cdk8s-plus-27', () => {
        loaded.push('cdk8s-plus-27');
        return jest.requireActual('cdk8s-plus-27');
      });
      const lib = require('../lib') as typeof import('../lib');
      const cdk8s = require('cdk8s') as typeof import('cdk8s'); // this registry's, as the library's
      const chart = cdk8s.Testing.chart();
      const storage = lib.Storage.ephemeral();
      const nodePools: Record<string, NodePoolOptions> = {
        dual: { roles: ['broker', 'controller'], replicas: 3, storage },
      };
      const c = new lib.KraftCluster(chart, 'c', { nodePools, nodePortListeners: [external] });
      c.addLoadBalancer('lb', { shape: lib.LoadBalancerShape.externalHost({ workers: ['10.0.0.1'] }) });
      cdk8s.Testing.synth(chart);
      expect(loaded).toEqual([]);
      // WHEN the in-cluster shape is used, THEN it is loaded
      c.addLoadBalancer('edge', { shape: lib.LoadBalancerShape.inCluster(), listener: 'external' });
      expect(loaded).toEqual(['cdk8s-plus-27']);
    });
  });
});

describe('without cdk8s-plus-27', () => {
  test('the in-cluster shape says what to install; the external-host shape works', () => {
    jest.isolateModules(() => {
      // GIVEN a module registry where cdk8s-plus-27 is not installed
      jest.doMock('cdk8s-plus-27', () => {
        throw Object.assign(new Error("Cannot find module 'cdk8s-plus-27' from 'lib/load-balancer/in-cluster.ts'"), {
          code: 'MODULE_NOT_FOUND',
        });
      });
      const lib = require('../lib') as typeof import('../lib');
      const cdk8s = require('cdk8s') as typeof import('cdk8s');
      const storage = lib.Storage.ephemeral();
      const nodePools: Record<string, NodePoolOptions> = {
        dual: { roles: ['broker', 'controller'], replicas: 3, storage },
      };
      const c = new lib.KraftCluster(cdk8s.Testing.chart(), 'c', { nodePools, nodePortListeners: [external] });

      // WHEN / THEN
      expect(() => c.addLoadBalancer('lb', { shape: lib.LoadBalancerShape.inCluster() })).toThrow(
        '[test/c/lb] shape: the in-cluster shape makes cdk8s-plus-27 objects, and cdk8s-plus-27 is not installed. ' +
          'Fix: npm install cdk8s-plus-27@^2.9.5 (an optional peer dependency; it needs cdk8s 2.68.11 or later), ' +
          'or use LoadBalancerShape.externalHost',
      );
      const lb = c.addLoadBalancer('host', { shape: lib.LoadBalancerShape.externalHost({ workers: ['10.0.0.1'] }) });
      expect(Object.keys(lb.files)).toEqual(['c-external-lb.nginx.conf', 'c-external-lb.stream.conf']);
    });
  });
});

describe('an in-cluster load balancer whose model has errors', () => {
  test('a listen port used twice is the one finding, not a crash of cdk8s-plus binding it twice', () => {
    // GIVEN broker 1's advertised port set to the bootstrap port (found by the fuzzer)
    const { chart, cluster } = clusterChart({
      nodePools: pools,
      nodePortListeners: [{ ...external, brokers: { 1: { advertisedPort: 9094 } } }],
    });
    cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster() });

    // WHEN / THEN the synth fails with the finding
    expect(() => Testing.synth(chart)).toThrow(
      '[test/my-cluster/lb] listenPorts = 9094: the port of broker 1 is also the port of the bootstrap; nginx cannot ' +
        'listen twice on it.',
    );
  });
});

describe('what a user adds stays restricted, or is a warning', () => {
  test('a sidecar that drops every capability passes; the same sidecar with cdk8s-plus defaults is one warning', () => {
    // GIVEN an in-cluster load balancer with two sidecars added through cdk8s-plus
    const { chart, cluster } = clusterChart({ nodePools: pools, nodePortListeners: [external] });
    const lb = cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster() });
    const drop = { capabilities: { drop: ['ALL' as kplus.Capability] } };
    lb.deployment!.addContainer({ name: 'hardened', image: 'busybox:1.36', securityContext: drop });
    lb.deployment!.addContainer({ name: 'defaults', image: 'busybox:1.36' });

    // WHEN
    const warnings = findProblems(chart).filter((p) => p.rule.id === 'lb-pod-restricted');

    // THEN only the second is named, and the synth still writes (a warning)
    expect(warnings.map(formatProblem)).toEqual([
      '[test/my-cluster/lb] warning: deployment.spec.template.spec.containers[2].securityContext.capabilities.drop: ' +
        'breaks Pod Security "restricted" (capabilities); a namespace that enforces it refuses the nginx pods. ' +
        "Fix: drop ALL: capabilities: { drop: ['ALL'] } [lb-pod-restricted]",
    ]);
    expect(Testing.synth(chart).filter((o) => o.kind === 'Deployment')).toHaveLength(1);
  });
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Testing } from 'cdk8s';
import { KraftCluster, KraftClusterProps, LoadBalancerShape, NodePoolOptions, Storage } from '../lib';
import { loadBalancerFiles } from '../lib/load-balancer/files';
import { clusterChart, synthObjects, validationErrors } from './support/synth';

const storage = Storage.persistentClaim({ size: '10Gi' });
const pools: Record<string, NodePoolOptions> = {
  broker: { roles: ['broker'], replicas: 3, storage },
  controller: { roles: ['controller'], replicas: 3, storage },
};
const external = { bootstrapNodePort: 32100, advertisedHost: 'kafka.example.com', advertisedPortBase: 8091 };
const workers = ['10.0.0.10', '10.0.0.9', 'worker-a.example.com'];
const withCluster = (props: KraftClusterProps = {}) =>
  clusterChart({ nodePools: pools, nodePortListeners: [external], ...props });

describe('LoadBalancer', () => {
  test('external host: one block per broker and the bootstrap, ports taken from the model', () => {
    // GIVEN
    const { cluster } = withCluster();

    // WHEN
    const lb = cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) });
    const config = lb.model.streamConfig!;

    // THEN broker N's advertised port 8091+N forwards to its NodePort 32101+N on every worker
    const on = (port: number) => ['10.0.0.9', '10.0.0.10', 'worker-a.example.com'].map((w) => `${w}:${port}`);
    expect(config.blocks.map((b) => [b.listenPort, b.servers.map((s) => `${s.host}:${s.port}`)])).toEqual([
      [9094, on(32100)],
      [8091, on(32101)],
      [8092, on(32102)],
      [8093, on(32103)],
    ]);
    expect(config.blocks.map((b) => b.listenPort)).toEqual([9094, 8091, 8092, 8093]);
    expect(Object.keys(lb.files)).toEqual(['my-cluster-external-lb.nginx.conf', 'my-cluster-external-lb.stream.conf']);
  });

  test('scaling the brokers adds a block for the new broker', () => {
    const { cluster } = withCluster({
      nodePools: {
        ...pools,
        broker: { ...pools.broker, replicas: 4, nodeIds: [0, 1, 2] },
        controller: { ...pools.controller, nodeIds: [3, 4, 5] },
      },
    });
    const lb = cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) });
    expect(lb.listenPorts).toEqual([9094, 8091, 8092, 8093, 8191]);
    expect(lb.files['my-cluster-external-lb.stream.conf']).toContain(
      '# broker 100 (pool broker): kafka.example.com:8191 -> NodePort 32201 on every worker',
    );
  });

  test('tuning and listen address are rendered; blocks are sorted by listen port', () => {
    const { cluster } = withCluster();
    const lb = cluster.addLoadBalancer('lb', {
      shape: LoadBalancerShape.externalHost({ workers: ['10.0.0.1'], listenAddress: '192.168.1.5' }),
      maxFails: 5,
      failTimeout: Duration.seconds(10),
      proxyConnectTimeout: Duration.seconds(5),
      proxyTimeout: Duration.minutes(10),
    });
    const snippet = lb.files['my-cluster-external-lb.stream.conf'];
    expect(snippet).toContain('    server 10.0.0.1:32101 max_fails=5 fail_timeout=10s;');
    expect(snippet).toContain('    listen 192.168.1.5:8091;');
    expect(snippet).toContain('    proxy_connect_timeout 5s;\n    proxy_timeout 600s;');
    const listens = [...snippet.matchAll(/listen 192\.168\.1\.5:(\d+);/g)].map((m) => Number(m[1]));
    expect(listens).toEqual([...listens].sort((a, b) => a - b));
  });

  test('in cluster: nginx Deployment, ConfigMap and Service forwarding to the per-broker Services', () => {
    // GIVEN
    const { chart, cluster } = withCluster();

    // WHEN
    cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster() });
    const out = synthObjects(chart);

    // THEN the Service exposes the bootstrap and every advertised port
    const service = out.get('Service', 'my-cluster-external-lb');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.ports).toEqual([
      { name: 'broker-0', port: 8091, targetPort: 8091 },
      { name: 'broker-1', port: 8092, targetPort: 8092 },
      { name: 'broker-2', port: 8093, targetPort: 8093 },
      { name: 'bootstrap', port: 9094, targetPort: 9094 },
    ]);
    // and nginx forwards to the Services Strimzi creates (names as in the operator's ListenersUtils)
    const conf = out.get('ConfigMap', 'my-cluster-external-lb').data['nginx.conf'];
    expect(conf).toContain('server my-cluster-kafka-external-bootstrap:9094 max_fails=3 fail_timeout=30s;');
    expect(conf).toContain('server my-cluster-broker-2:9094 max_fails=3 fail_timeout=30s;');
    // with hardened pods
    const pod = out.get('Deployment', 'my-cluster-external-lb').spec.template.spec;
    expect(pod.containers[0].securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      privileged: false,
    });
    expect(pod.containers[0].readinessProbe.tcpSocket.port).toBe(9094);
    expect(pod.containers[0].resources).toEqual({
      limits: { cpu: '1000m', memory: '256Mi' },
      requests: { cpu: '100m', memory: '64Mi' },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  test('in cluster: rendered at synth, so brokers added after it are served too', () => {
    // GIVEN an in-cluster load balancer added before the broker pool
    const { chart, cluster } = clusterChart({
      nodePools: { controller: pools.controller },
      nodePortListeners: [external],
    });
    cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster() });

    // WHEN the brokers come afterwards
    cluster.addNodePool('broker', { ...pools.broker, replicas: 4 });
    const objects = Testing.synth(chart);

    // THEN the Service exposes the bootstrap and all four brokers' advertised ports
    const service = objects.find((o) => o.kind === 'Service');
    expect(service.spec.ports.map((p: any) => `${p.name}:${p.port}`)).toEqual([
      'broker-0:8091',
      'broker-1:8092',
      'broker-2:8093',
      'broker-3:8094',
      'bootstrap:9094',
    ]);
  });

  test('in cluster, namespaced: full Service DNS names; a non-default listener uses its own Service names', () => {
    // GIVEN a namespaced chart and a listener not named 'external' on 9094
    const ns = new Chart(Testing.app(), 'ns', { namespace: 'kafka' });
    const cluster = new KraftCluster(ns, 'c', {
      nodePools: pools,
      nodePortListeners: [{ ...external, name: 'ext', port: 9095 }],
    });

    // WHEN
    cluster.addLoadBalancer('lb', {
      shape: LoadBalancerShape.inCluster({ serviceType: 'NodePort', clusterDomain: 'corp.local' }),
    });

    // THEN
    expect(cluster.loadBalancers[0].model.streamConfig!.blocks.map((b) => b.servers[0].host)).toEqual([
      'c-kafka-ext-bootstrap.kafka.svc.corp.local',
      'c-broker-ext-0.kafka.svc.corp.local',
      'c-broker-ext-1.kafka.svc.corp.local',
      'c-broker-ext-2.kafka.svc.corp.local',
    ]);
    // and a NodePort Service cannot expose ports outside the NodePort range
    const fix =
      "Fix: use serviceType 'LoadBalancer', or advertised and bootstrap ports inside the NodePort range [lb-node-port-service]";
    expect(validationErrors(ns)).toEqual(
      [9095, 8091, 8092, 8093].map(
        (port) =>
          `[ns/c/lb] shape.inCluster.serviceType = ${port}: a NodePort Service exposes this port as a NodePort, outside 30000-32767. ${fix}`,
      ),
    );
  });

  test('asked for its config without a listener, it names path, field and fix', () => {
    const { cluster } = clusterChart({ nodePools: pools });
    const lb = cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) });
    expect(() => lb.files).toThrow(
      '[test/my-cluster/lb] listener: no external nodeport listener to balance. Fix: add one with addNodePortListener',
    );
  });

  test('two load balancers that would write the same file fail before anything is written', () => {
    // GIVEN two clusters named alike in two charts of one app
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lb-files-'));
    const app = new App({ outdir });
    for (const id of ['one', 'two']) {
      const c = new KraftCluster(new Chart(app, id), 'c', { nodePools: pools, nodePortListeners: [external] });
      c.addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) });
    }

    // WHEN / THEN
    expect(() => loadBalancerFiles(app)).toThrow(
      '[two/c/lb] file c-external-lb.nginx.conf: load balancer one/c/lb writes a file of this name too. Fix: give the clusters (clusterName) or listeners (name) of the two load balancers distinct names',
    );
    expect(fs.readdirSync(outdir)).toEqual([]);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

import { Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { KraftCluster, LoadBalancerShape, STRIMZI_RELEASES, Storage, findStrimziRelease } from '../lib';
import { CrdSchemaValidator, validateManifests } from '../lib/tools';
import { clusterChart } from './support/synth';

const validators = new Map<string, CrdSchemaValidator>();
const validatorFor = (tag: string) => {
  if (!validators.has(tag)) validators.set(tag, CrdSchemaValidator.forRelease(tag));
  return validators.get(tag)!;
};

const strimziObjects = (objects: any[]) => objects.filter((o) => String(o.apiVersion).startsWith('kafka.strimzi.io/'));

describe('CRD schema validity', () => {
  test.each(Object.keys(APPS).sort())('app %s: every Strimzi object validates strictly against its release', (name) => {
    // GIVEN the app and the release its clusters target
    const chart = APPS[name](Testing.app());
    const clusters = chart.node.findAll().filter((c): c is KraftCluster => c instanceof KraftCluster);
    const tags = [...new Set(clusters.map((c) => c.release.tag))];
    expect(tags).toHaveLength(1);

    // WHEN validated against that release's CRDs
    const objects = strimziObjects(Testing.synth(chart));
    const errors = objects.flatMap((o) => validatorFor(tags[0]).validate(o));

    // THEN
    expect(objects.length).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  test.each(STRIMZI_RELEASES.map((r) => r.tag))(
    'a full-featured cluster for Strimzi %s validates against its shipped CRD schemas',
    (tag) => {
      // GIVEN every feature the foundation renders, on that release's default Kafka version
      const { chart } = clusterChart(
        {
          strimziVersion: tag,
          nodePools: {
            controller: {
              roles: ['controller'],
              replicas: 3,
              storage: Storage.persistentClaim({ size: '20Gi', storageClass: 'ssd', kraftMetadata: true }),
            },
            broker: {
              roles: ['broker'],
              replicas: 3,
              storage: Storage.ephemeral({ sizeLimit: '5Gi' }),
              resources: { requests: { cpu: '1', memory: '2Gi' } },
              jvmOptions: { xms: '1g', xmx: '1g', xx: { UseG1GC: 'true' } },
              template: { pod: { terminationGracePeriodSeconds: 60 } },
            },
            dual: { roles: ['broker', 'controller'], replicas: 0, storage: Storage.persistentClaim({ size: '1Gi' }) },
          },
          listeners: [
            { name: 'plain', port: 9092 },
            { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
          ],
          nodePortListeners: [
            {
              bootstrapNodePort: 32000,
              advertisedHost: 'kafka.example.com',
              advertisedPortBase: 9100,
              tls: true,
              authentication: { type: 'scram-sha-512' },
            },
          ],
          config: { 'auto.create.topics.enable': false },
          cruiseControl: true,
        },
        'my-cluster',
        (c) => c.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster() }),
      );

      // WHEN
      const all = Testing.synth(chart);
      const objects = strimziObjects(all);

      // THEN every Strimzi object is valid for the release, and the core objects for Kubernetes
      expect(objects.map((o) => o.apiVersion)).toEqual(
        Array(4).fill(`kafka.strimzi.io/${findStrimziRelease(tag)!.apiVersions[0]}`),
      );
      const result = validateManifests(all, { strimziVersion: tag });
      expect(result.errors).toEqual([]);
      expect(Object.values(result.checked).reduce((a, b) => a + b, 0)).toBe(7);
    },
  );

  test('the validator is strict: an unknown field fails', () => {
    const objects = strimziObjects(
      Testing.synth(
        clusterChart({
          nodePools: { broker: { roles: ['broker', 'controller'], replicas: 1, storage: Storage.ephemeral() } },
        }).chart,
      ),
    );
    const kafka = objects.find((o) => o.kind === 'Kafka');
    kafka.spec.kafka.listenerz = [];
    expect(validatorFor('1.2.0').validate(kafka)).toEqual([
      "Kafka/my-cluster (kafka.strimzi.io/v1): /spec/kafka must NOT have additional properties 'listenerz'",
    ]);
  });

  test('the validator rejects an API version the release does not serve', () => {
    expect(
      validatorFor('1.2.0').validate({
        apiVersion: 'kafka.strimzi.io/v1beta2',
        kind: 'Kafka',
        metadata: { name: 'x' },
      }),
    ).toEqual(['Kafka/x (kafka.strimzi.io/v1beta2): Strimzi 1.2.0 does not serve kafka.strimzi.io/v1beta2 Kafka']);
  });
});

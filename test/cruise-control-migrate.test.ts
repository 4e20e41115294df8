import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { migrate, readInputs } from '../lib/migrate';

// A cluster over zones with Cruise Control options, a remove-disks rebalance and an auto-rebalance
// template, as a Strimzi user writes them.
const INPUT = `
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: { name: controller, namespace: kafka, labels: { strimzi.io/cluster: events } }
spec:
  replicas: 3
  roles: [controller]
  storage: { type: jbod, volumes: [{ id: 0, type: persistent-claim, size: 10Gi, kraftMetadata: shared, deleteClaim: false }] }
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: { name: broker, namespace: kafka, labels: { strimzi.io/cluster: events } }
spec:
  replicas: 3
  roles: [broker]
  storage:
    type: jbod
    volumes:
      - { id: 0, type: persistent-claim, size: 10Gi, kraftMetadata: shared, deleteClaim: false }
      - { id: 1, type: persistent-claim, size: 10Gi, deleteClaim: false }
---
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: { name: events, namespace: kafka }
spec:
  kafka:
    version: 4.3.1
    metadataVersion: 4.3-IV0
    listeners: [{ name: tls, port: 9093, type: internal, tls: true }]
    rack: { topologyKey: topology.kubernetes.io/zone }
    config:
      offsets.topic.replication.factor: 3
      transaction.state.log.replication.factor: 3
      transaction.state.log.min.isr: 2
      default.replication.factor: 3
      min.insync.replicas: 2
  entityOperator: { topicOperator: {}, userOperator: {} }
  cruiseControl:
    brokerCapacity:
      cpu: "2"
      inboundNetwork: 125MiB/s
      outboundNetwork: 125MiB/s
      overrides: [{ brokers: [0], cpu: "4" }]
    config:
      hard.goals: com.linkedin.kafka.cruisecontrol.analyzer.goals.RackAwareGoal
      cpu.balance.threshold: 1.1
    autoRebalance: [{ mode: remove-brokers, template: { name: drain } }]
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaRebalance
metadata: { name: drain, namespace: kafka, annotations: { strimzi.io/rebalance-template: "true" } }
spec: {}
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaRebalance
metadata:
  name: drop-disk-1
  namespace: kafka
  labels: { strimzi.io/cluster: events }
  annotations: { strimzi.io/rebalance-auto-approval: "true" }
spec:
  mode: remove-disks
  moveReplicasOffVolumes: [{ brokerId: 0, volumeIds: [1] }, { brokerId: 1, volumeIds: [1] }]
`;

describe('migrate: Cruise Control, zones and rebalances', () => {
  test('become typed props and KafkaRebalance constructs, with no patch', async () => {
    // GIVEN the manifest in a file
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-migrate-'));
    try {
      const file = path.join(dir, 'kafka.yaml');
      fs.writeFileSync(file, INPUT);

      // WHEN migrated
      const r = await migrate(readInputs([file]), { strimziVersion: '1.2.0' });
      const main = r.files.find((f) => f.name === 'main.ts')!.text;

      // THEN every object is migrated without a patch
      expect(r.notMigrated).toEqual([]);
      expect(r.migrated.map((m) => `${m.object} ${m.patches}`)).toEqual([
        'Kafka kafka/events 0',
        'KafkaNodePool kafka/broker 0',
        'KafkaNodePool kafka/controller 0',
        'KafkaRebalance kafka/drain 0',
        'KafkaRebalance kafka/drop-disk-1 0',
      ]);
      // and the options are props: goals by simple name, overrides by node ID, the rack without added spread
      expect(main).toContain("hardGoals: ['RackAwareGoal']");
      expect(main).toContain("overrides: [{ nodeIds: [0], cpu: '4' }]");
      expect(main).toContain("autoRebalance: { removeBrokers: { template: 'drain' } }");
      expect(main).toContain("rack: { topologyKey: 'topology.kubernetes.io/zone', spreadPods: false }");
      expect(main).toContain("new KafkaRebalance(this, 'drain', { cluster, template: true });");
      expect(main).toContain(
        "new KafkaRebalance(this, 'drop-disk-1', {\n      cluster,\n      mode: 'remove-disks',\n" +
          '      volumes: { nodeIds: [0, 1], volumeIds: [1] },\n      autoApprove: true,\n    });',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

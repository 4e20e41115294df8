import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { readManifests, validateManifests } from '../lib/tools';
import { main } from '../lib/tools/validate-cli';

describe('validateManifests (the reusable check)', () => {
  test('accepts the in-cluster app: Strimzi objects by CRD, core objects by kubernetes-models', () => {
    const objects = Testing.synth(APPS['in-cluster'](Testing.app()));
    const result = validateManifests(objects, { strimziVersion: '1.2.0' });
    expect(result.errors).toEqual([]);
    expect(result.checked).toEqual({
      'apps/v1/Deployment': 1, 'kafka.strimzi.io/v1/Kafka': 1, 'kafka.strimzi.io/v1/KafkaNodePool': 2, 'v1/ConfigMap': 1, 'v1/Service': 1,
    });
  });

  test('rejects an invalid core object, an unknown kind, an unknown Strimzi field and an unserved API version', () => {
    const objects = [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 'http' }] } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } },
      { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaNodePool', metadata: { name: 'p' }, spec: { replicas: 1, roles: ['broker'], storage: { type: 'ephemeral' }, bogus: 1 } },
      { apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'Kafka', metadata: { name: 'k' } },
    ];
    expect(validateManifests(objects, { strimziVersion: '1.2.0' }).errors).toEqual([
      'Service/s (v1): data/spec/ports/0/port must be integer',
      'Widget/w (example.com/v1): no schema for this kind',
      "KafkaNodePool/p (kafka.strimzi.io/v1): /spec must NOT have additional properties 'bogus'",
      'Kafka/k (kafka.strimzi.io/v1beta2): Strimzi 1.2.0 does not serve kafka.strimzi.io/v1beta2 Kafka',
    ]);
  });

  test('the CLI checks files and folders and exits 1 on problems', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
    const seed = path.resolve(__dirname, '..', 'dist', 'seed');
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(main(['--strimzi', '0.43.0', seed])).toBe(0);
      expect(log).toHaveBeenLastCalledWith('Strimzi 0.43.0: 20 objects checked (1 apps/v1/Deployment, 1 kafka.strimzi.io/v1beta2/Kafka, 2 kafka.strimzi.io/v1beta2/KafkaNodePool, '
        + '7 rbac.authorization.k8s.io/v1/ClusterRole, 3 rbac.authorization.k8s.io/v1/ClusterRoleBinding, 4 rbac.authorization.k8s.io/v1/RoleBinding, '
        + '1 v1/ConfigMap, 1 v1/ServiceAccount); 0 problem(s)');
      // the seed's v1beta2 objects are not valid for 1.2.0, which serves only v1
      expect(main(['--strimzi', '1.2.0', seed])).toBe(1);
      expect(error).toHaveBeenCalledWith('Kafka/my-cluster (kafka.strimzi.io/v1beta2): Strimzi 1.2.0 does not serve kafka.strimzi.io/v1beta2 Kafka');
      expect(main([])).toBe(2);
      fs.writeFileSync(path.join(dir, 'x.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n');
      expect(readManifests([dir])).toHaveLength(1);
    } finally {
      log.mockRestore();
      error.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

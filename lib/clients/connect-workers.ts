/**
 * Every group of Kafka Connect workers of an app: a KafkaConnect, and a KafkaMirrorMaker2 (whose
 * connectors run on Connect workers of its own, on its target cluster). Each marks itself with its
 * group and storage topics, so one check finds two of them sharing one, whatever their kinds.
 */
import { IConstruct } from 'constructs';
import type { ICluster } from '../common/cluster';

/** A group of Connect workers: its Kafka cluster, group and storage topics. */
export interface ConnectWorkers {
  readonly cluster: ICluster;
  /** The name once per namespace (a second of one name is reported by its kind's name check). */
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly storage: {
    readonly groupId: string;
    readonly configStorageTopic: string;
    readonly offsetStorageTopic: string;
    readonly statusStorageTopic: string;
  };
}

const WORKERS = Symbol.for('cdk8s-strimzi-kraft.ConnectWorkers');

/** Marks a construct as a group of Connect workers (its facts read at check time). */
export function markConnectWorkers(c: IConstruct, workers: () => ConnectWorkers | undefined): void {
  Object.defineProperty(c, WORKERS, { value: workers });
}

/** Every group of Connect workers under `root`, in tree order, the later of one kind and name left out. */
export function connectWorkersIn(root: IConstruct): { construct: IConstruct; workers: ConnectWorkers }[] {
  const seen = new Set<string>();
  return root.node.findAll().flatMap((construct) => {
    const read = (construct as unknown as Record<symbol, (() => ConnectWorkers | undefined) | undefined>)[WORKERS];
    const workers = read?.();
    if (!workers?.cluster) return [];
    const key = `${workers.kind}\u0000${workers.namespace ?? ''}\u0000${workers.name}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ construct, workers }];
  });
}

/** The contract a KafkaConnector uses to refer to its KafkaConnect, without importing the construct (no cycle). */
import { IConstruct } from 'constructs';
import { ICluster } from '../common/cluster';
import { Acl } from '../model/acl';
import { InstanceType } from '../core/shape';

/** A Kafka Connect cluster that connectors run in: a `KafkaConnect` of this app. */
export interface IKafkaConnect extends IConstruct {
  /** Name of the `KafkaConnect` resource (the connectors' `strimzi.io/cluster` label). */
  readonly connectName: string;
  /** Namespace of the `KafkaConnect` (its chart's). */
  readonly namespace?: string;
  /** The Kafka version of the Connect (its `version`, else its cluster's). */
  readonly kafkaVersion: string;
  /** The Kafka cluster the Connect stores its state in. */
  readonly cluster: ICluster;
  /** Whether Strimzi manages its connectors through KafkaConnector resources. */
  readonly connectorResources: boolean;
  /**
   * Called by each KafkaConnector of the Connect once: turns on connector resources (unless turned
   * off) and grants the Connect's created user the connector's ACLs.
   * @internal
   */
  registerConnector(acls: readonly Acl[], connector?: IConstruct, topics?: readonly string[]): void;
}

const CONNECT_MARK = Symbol.for('cdk8s-strimzi-kraft.IKafkaConnect');

/** Marks a construct as a Kafka Connect cluster, so the connector's props check finds it. */
export function markConnect(connect: IKafkaConnect): void {
  Object.defineProperty(connect, CONNECT_MARK, { value: true });
}

/** The `connect` prop of connectors: a construct marked as a Kafka Connect cluster. */
export const CONNECT_INSTANCE: InstanceType = {
  test: (v) => v !== null && typeof v === 'object' && (v as Record<symbol, unknown>)[CONNECT_MARK] === true,
  what: 'a KafkaConnect',
};

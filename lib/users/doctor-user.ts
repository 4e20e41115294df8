import { Construct } from 'constructs';
import { CLUSTER_INSTANCE, ICluster } from '../common/cluster';
import { record } from '../common/problems';
import { checkProps } from '../core/shape';
import { Acl } from '../model/acl';
import { managesAcls } from '../model/authorization';
import { KafkaUser } from './kafka-user';

/** Properties of a DoctorUser. */
export interface DoctorUserProps {
  /** The cluster the doctor checks. */
  readonly cluster: ICluster;
  /** @default 'strimzi-kraft-doctor' */
  readonly userName?: string;
  /**
   * How the doctor signs in: SCRAM-SHA-512 (`--sasl-scram USER --password-file FILE`) or a client
   * certificate the User Operator issues (`--cert user.crt --key user.key`).
   * @default 'scram-sha-512'
   */
  readonly authentication?: 'scram-sha-512' | 'tls';
}

/**
 * The least ACLs the online doctor needs on a cluster: none for what it asks every client may ask
 * (ApiVersions, Metadata without topics) and for identifying brokers on TLS listeners (from the
 * certificate); DescribeConfigs on the cluster to identify brokers on listeners without TLS (or
 * with certificates of your own), by a DescribeConfigs of the BROKER resource, which Kafka
 * authorizes against DescribeConfigs on the cluster (KafkaApis, DescribeConfigs of BROKER
 * resources). Empty when the cluster manages no ACLs: there every authenticated user may.
 */
export function doctorAcls(cluster: ICluster): Acl[] {
  const a = cluster.facts.authorization;
  return a && a.type !== 'none' && managesAcls(a)
    ? [{ resource: { type: 'cluster' }, operations: ['DescribeConfigs'] }]
    : [];
}

/**
 * An opt-in `KafkaUser` for `strimzi-kraft doctor --bootstrap`: SCRAM-SHA-512 (or TLS), with only
 * `doctorAcls(cluster)`. Checked and rendered as any KafkaUser, with its client connection file.
 */
export class DoctorUser extends KafkaUser {
  constructor(scope: Construct, id: string, rawProps: DoctorUserProps) {
    const { props, findings } = checkProps<DoctorUserProps>(rawProps, 'DoctorUserProps', { cluster: CLUSTER_INSTANCE });
    super(scope, id, {
      cluster: props.cluster,
      userName: props.userName ?? 'strimzi-kraft-doctor',
      authentication: { type: props.authentication ?? 'scram-sha-512' },
      acls: props.cluster ? doctorAcls(props.cluster) : undefined,
    });
    // the cluster is reported by KafkaUser too: once is enough
    record(
      this,
      findings.filter((f) => f.field !== 'cluster'),
    );
  }
}

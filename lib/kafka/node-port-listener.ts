import { Construct } from 'constructs';
import { NodeIdArgument, checkedArguments, placed } from '../common/arguments';
import { record, validateAtSynth } from '../common/problems';
import {
  BrokerEndpoint,
  ExternalNodePortListenerOptions,
  NodePortListenerSpec,
  badOverrideKeys,
  endpointFor,
  nodePortListenerSpec,
} from '../model/listeners';

/**
 * An external `nodeport` listener of a KraftCluster: a bootstrap NodePort plus, for every broker
 * node ID, a pinned NodePort and advertised host and port, so nothing is left to the operator's
 * random choice. Create it with `KraftCluster.addNodePortListener`.
 */
export class ExternalNodePortListener extends Construct {
  /** The listener as plain data, with every default applied. @internal */
  public readonly spec: NodePortListenerSpec;

  constructor(scope: Construct, id: string, options: ExternalNodePortListenerOptions) {
    super(scope, placed(scope, id));
    this.spec = nodePortListenerSpec(options);
    record(this, badOverrideKeys(options));
    validateAtSynth(this);
  }

  /** Listener name. */
  public get name(): string {
    return this.spec.name;
  }

  /** Port inside the cluster. */
  public get port(): number {
    return this.spec.port;
  }

  /** Where clients reach the broker with this node ID. */
  public endpointFor(nodeId: number): BrokerEndpoint {
    const args = checkedArguments<NodeIdArgument>(this, { nodeId }, 'NodeIdArgument');
    return endpointFor(this.spec, args.nodeId);
  }
}

import { placed } from '../common/arguments';
import { Construct } from 'constructs';
import { record, validateAtSynth } from '../common/problems';
import { ExternalListenerOptions, ExternalListenerSpec, badOverrideKeys } from '../model/listeners';
import { externalListenerSpec } from '../model/external-listeners';

/**
 * An external listener of type `loadbalancer`, `ingress`, `route` or `cluster-ip` of a KraftCluster:
 * a bootstrap plus, for every broker node ID, its own Service (and Ingress or Route) with its host
 * and advertised address pinned. Create it with `KraftCluster.addExternalListener`; the addresses
 * are in `cluster.model.externalListeners`.
 */
export class ExternalListener extends Construct {
  /** The listener as plain data, with every default applied. @internal */
  public readonly spec: ExternalListenerSpec;

  constructor(scope: Construct, id: string, options: ExternalListenerOptions) {
    super(scope, placed(scope, id));
    this.spec = externalListenerSpec(options);
    record(this, badOverrideKeys(options));
    validateAtSynth(this);
  }

  /** Listener name. */
  public get name(): string {
    return this.spec.name;
  }

  /** Listener type. */
  public get type(): ExternalListenerOptions['type'] {
    return this.spec.type;
  }

  /** Port inside the cluster. */
  public get port(): number {
    return this.spec.port;
  }
}

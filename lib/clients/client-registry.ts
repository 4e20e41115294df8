/**
 * The clients of an app, for what draws or checks them across kinds (ARCHITECTURE.md): every
 * construct that owns a `ClientLink` is registered when the link is made, so a reader finds
 * KafkaConnect, KafkaMirrorMaker2, KafkaBridge and KafkaClient alike without importing any of them.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import type { ICluster } from '../common/cluster';
import type { ClientWiring } from '../model/client';

/** What the registry keeps of a `ClientLink` (declared here: the link registers itself, so no import back). */
export interface ClientLinkView {
  /** The cluster the client connects to. */
  readonly cluster: ICluster;
  /** Where the link's options stand in the client's props. */
  readonly field: string;
  /** The wiring, when no finding prevents it. */
  readonly wiring?: ClientWiring;
}

const LINKS = Symbol.for('cdk8s-strimzi-kraft.ClientLinks');

/** A client of a cluster as the app holds it: the construct, its kind and name, and one link. */
export interface RegisteredClient {
  /** The construct owning the link (a KafkaBridge, a KafkaClient, ...). */
  readonly construct: IConstruct;
  /** The Strimzi kind of the construct's resource (`KafkaBridge`), else its class name (`KafkaClient`). */
  readonly kind: string;
  /** The resource's name (`metadata.name`), else the construct id. */
  readonly name: string;
  /** Where the link's options stand in the construct's props (`''`, `target.`, `sources[0].`). */
  readonly field: string;
  readonly link: ClientLinkView;
}

/** Records a link at the construct that owns it (called by `ClientLink`'s constructor). */
export function registerClientLink(scope: IConstruct, link: ClientLinkView): void {
  const holder = scope as unknown as Record<symbol, ClientLinkView[] | undefined>;
  if (!holder[LINKS]) Object.defineProperty(scope, LINKS, { value: [] });
  holder[LINKS]!.push(link);
}

/** Whether a construct is a client of this library (it owns a `ClientLink`): it runs its own checks. */
export function isLibraryClient(scope: IConstruct | undefined): boolean {
  return scope !== undefined && ((scope as unknown as Record<symbol, unknown[] | undefined>)[LINKS]?.length ?? 0) > 0;
}

/** The Strimzi resource a client construct renders (its first `kafka.strimzi.io` child that is not a KafkaUser). */
function resourceOf(scope: IConstruct): ApiObject | undefined {
  return scope.node.children.find(
    (c): c is ApiObject =>
      c instanceof ApiObject && c.apiVersion.startsWith('kafka.strimzi.io/') && c.kind !== 'KafkaUser',
  );
}

/** Every client link under `root`, in construct-tree order. */
export function clientLinksIn(root: IConstruct): RegisteredClient[] {
  return root.node.findAll().flatMap((construct) => {
    const links = (construct as unknown as Record<symbol, ClientLinkView[] | undefined>)[LINKS] ?? [];
    const resource = links.length > 0 ? resourceOf(construct) : undefined;
    return links.map((link) => ({
      construct,
      kind: resource?.kind ?? construct.constructor.name,
      name: resource?.name ?? construct.node.id,
      field: link.field,
      link,
    }));
  });
}

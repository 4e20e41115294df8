/**
 * The construct side of a client's wiring, shared by every client kind (KafkaConnect,
 * KafkaMirrorMaker2 for each cluster it talks to, KafkaBridge, KafkaClient): it creates the
 * client's KafkaUser when none is passed, and derives the wiring from `model/client.ts` at synth.
 */
import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ICluster } from '../common/cluster';
import { addAppCheck, at } from '../common/problems';
import { Finding, Problem } from '../core/problem';
import { Acl } from '../model/acl';
import {
  ClientInput,
  ClientResult,
  ClientWiring,
  NamedTopic,
  SecretCopies,
  COPIED_SECRETS_ANNOTATION,
  clientListener,
  clientRack,
  clientWiring,
  copiedSecretsAnnotation,
  isClientAuthentication,
  undeclaredTopicFindings,
  userAuthenticationFor,
} from '../model/client';
import { StrimziClientBlock, strimziClientBlock, strimziClientRack } from '../render/strimzi/client';
import { KafkaTopic } from '../topics/kafka-topic';
import { KafkaUser } from '../users/kafka-user';
import { clientLinksIn, registerClientLink } from './client-registry';

/** How a client connects to its cluster: the same options for every client kind. */
export interface ClientOptions {
  /** The cluster the client connects to: a `KraftCluster` of this app or `KraftCluster.fromAttributes(...)`. */
  readonly cluster: ICluster;
  /**
   * The listener the client uses, by name.
   * @default - the cluster's internal listener with the strongest security (one with scram-sha-512 or
   *   tls authentication first, then one with TLS; the lowest port on a tie)
   * @maxLength 25
   */
  readonly listener?: string;
  /**
   * The KafkaUser the client authenticates as: a `scram-sha-512` user on a scram-sha-512 listener, a
   * `tls` user on a tls listener.
   * @default - a KafkaUser created with the client, of the listener's type, in the namespace the
   *   cluster's User Operator watches, with the ACLs the client needs when the cluster uses simple
   *   authorization
   */
  readonly user?: KafkaUser;
  /**
   * For a client in another namespace than its user and cluster: the copies you keep of their Secrets
   * in the client's namespace (Strimzi writes the user's Secret and `<cluster>-cluster-ca-cert` in the
   * cluster's namespace only, and a pod mounts Secrets of its own namespace only).
   * @default - none: a client in another namespace is refused, naming the copies it needs
   */
  readonly copiedSecrets?: CopiedSecrets;
}

/** Names of Secret copies in a client's namespace. */
export interface CopiedSecrets {
  /**
   * The copy of the user's Secret.
   * @default - the client's namespace holds the original
   * @maxLength 253
   */
  readonly user?: string;
  /**
   * The copy of `<cluster>-cluster-ca-cert`.
   * @default - the client's namespace holds the original
   * @maxLength 253
   */
  readonly clusterCa?: string;
}

/** What the client kind tells the link: its user's name, its ACLs, where its options stand in its props. */
export interface ClientNeeds {
  /** Name of the KafkaUser created when none is passed. */
  readonly userName: string;
  /** The ACLs the created user gets under simple authorization. */
  readonly acls: readonly Acl[];
  /** Where the options stand in the client's props (`''`, `target.`, `sources[0].`). */
  readonly field: string;
  /**
   * The topics the client reads or writes as its props name them (checked against the app's KafkaTopics).
   * @default - none
   */
  readonly topics?: readonly NamedTopic[];
}

/** The copies declared on each resource so far (a MirrorMaker 2 has a link per cluster). */
const ANNOTATED = new WeakMap<ApiObject, Record<string, string>>();

/** A client's link to its cluster: the created user (if any) and the wiring, derived at synth. */
export class ClientLink {
  /** The user the client authenticates as (passed or created); undefined on a listener without authentication. */
  public readonly user?: KafkaUser;
  /** The topics the client names, each with the construct whose props name it. */
  public namedTopics: readonly { readonly where: IConstruct; readonly topic: NamedTopic }[];

  constructor(
    private readonly scope: Construct,
    id: string,
    private readonly options: ClientOptions,
    private readonly needs: ClientNeeds,
  ) {
    this.user = options.user ?? (options.cluster && createdUser(scope, id, options, needs));
    this.namedTopics = (needs.topics ?? []).map((topic) => ({ where: scope as IConstruct, topic }));
    registerClientLink(scope, this);
    addAppCheck(scope, 'clients/topics-declared', topicsDeclared);
  }

  /** More topics the client names, at a construct of its own (a connector's `topics`). */
  public addTopics(where: IConstruct, topics: readonly NamedTopic[]): void {
    this.namedTopics = [...this.namedTopics, ...topics.map((topic) => ({ where, topic }))];
  }

  /** The cluster the client connects to (undefined only when a JavaScript caller passed none). */
  public get cluster(): ICluster {
    return this.options.cluster;
  }

  /** Where the options stand in the client's props (`''`, `target.`, `sources[0].`). */
  public get field(): string {
    return this.needs.field;
  }

  /**
   * Grants the created user more ACLs under simple authorization (a passed user keeps the ACLs its
   * owner gave it): for what the client declares after its creation, such as a Connect's connectors.
   */
  public addAcls(acls: readonly Acl[]): void {
    const c = this.options.cluster;
    if (!this.user || this.user === this.options.user || c?.facts.authorization?.type !== 'simple') return;
    if (acls.length > 0) this.user.addAcls(acls);
  }

  /** The wiring and its findings, from the cluster's facts as they are now. */
  public get result(): ClientResult {
    const o = this.options;
    if (!o.cluster) return { findings: [] }; // reported as prop-type by the client's props check
    const input: ClientInput = {
      cluster: { clusterName: o.cluster.clusterName, namespace: o.cluster.namespace, facts: o.cluster.facts },
      listener: o.listener,
      namespace: Chart.of(this.scope).namespace,
      user: this.user && {
        userName: this.user.userName,
        namespace: this.user.namespace,
        authentication: this.user.authentication,
        sameCluster: this.user.cluster === o.cluster,
        created: this.user !== o.user,
      },
      copiedSecrets: o.copiedSecrets as SecretCopies | undefined,
      field: this.needs.field,
    };
    return clientWiring(input);
  }

  /** The wiring (undefined when a finding prevents it; the synth then fails). */
  public get wiring(): ClientWiring | undefined {
    return this.result.wiring;
  }

  /** Every finding about the client's wiring. */
  public get findings(): readonly Finding[] {
    return this.result.findings;
  }

  /**
   * Declares the Secret copies the client mounts on its Strimzi resource (annotation
   * `cdk8s-strimzi-kraft/copied-secrets`, merged across the links of one resource), so the offline
   * doctor can follow a copy to its original. Nothing without `copiedSecrets`.
   */
  public annotateCopies(resource: ApiObject): void {
    const o = this.options;
    if (!o.copiedSecrets || !o.cluster) return;
    const mine: Record<string, string> = {};
    if (o.copiedSecrets.clusterCa)
      mine[o.copiedSecrets.clusterCa] = `${o.cluster.namespace ?? ''}/${o.cluster.clusterName}-cluster-ca-cert`;
    if (o.copiedSecrets.user && this.user) {
      const a = this.user.authentication;
      const secret = a.type === 'scram-sha-512' && a.password ? a.password.secretName : this.user.userName;
      mine[o.copiedSecrets.user] = `${this.user.namespace ?? ''}/${secret}`;
    }
    const all = { ...(ANNOTATED.get(resource) ?? {}), ...mine };
    ANNOTATED.set(resource, all);
    resource.metadata.addAnnotation(COPIED_SECRETS_ANNOTATION, copiedSecretsAnnotation(all));
  }

  /**
   * `spec.rack` of the client's pods when `wanted` (`client.rack` from its cluster's rack awareness),
   * with its findings at `field`.
   */
  public rack(wanted: boolean | undefined, field = 'rack'): { spec?: Record<string, unknown>; findings: Finding[] } {
    const c = this.options.cluster;
    if (!wanted || !c) return { findings: [] };
    const r = clientRack({ clusterName: c.clusterName, namespace: c.namespace, facts: c.facts }, field);
    return { spec: r.rack && strimziClientRack(r.rack), findings: r.findings };
  }

  /**
   * The Strimzi client block (`bootstrapServers`, `tls`, `authentication`) for the release of the
   * resource it goes into (a mirror's, for each of its clusters), by default the cluster's.
   */
  public strimziBlock(release: string = this.options.cluster.release.tag): StrimziClientBlock | undefined {
    const w = this.wiring;
    return w && strimziClientBlock(w, release);
  }
}

/**
 * The KafkaUser a client gets when none is passed: of the authentication type of the listener it
 * will use (as the cluster's listeners are now), in the namespace the User Operator watches, with
 * ACLs under simple authorization. None when the listener does not authenticate (or is unknown:
 * the wiring reports it).
 */
function createdUser(scope: Construct, id: string, o: ClientOptions, needs: ClientNeeds): KafkaUser | undefined {
  const c = o.cluster;
  const listeners = c.facts.listeners ?? [];
  const l = clientListener(listeners, o.listener);
  if (!l || !isClientAuthentication(l.authentication)) return undefined;
  const type = userAuthenticationFor(l.authentication) as 'scram-sha-512' | 'tls';
  return new KafkaUser(scope, id, {
    cluster: c,
    userName: needs.userName,
    authentication: { type },
    acls: c.facts.authorization?.type === 'simple' && needs.acls.length > 0 ? needs.acls : undefined,
    namespace: c.facts.watchedNamespace ?? c.namespace,
  });
}

/**
 * The topics every client names against the KafkaTopics the app declares for its cluster: one pass
 * per synth (a cluster whose topics the app does not declare is left out).
 */
function topicsDeclared(root: IConstruct): Problem[] {
  const declared = new Map<ICluster, string[]>();
  for (const c of root.node.findAll()) {
    if (c instanceof KafkaTopic && c.cluster)
      declared.set(c.cluster, [...(declared.get(c.cluster) ?? []), c.topicName]);
  }
  return clientLinksIn(root).flatMap(({ link }) => {
    const l = link as ClientLink;
    const topics = declared.get(l.cluster) ?? [];
    return (l.namedTopics ?? []).flatMap(({ where, topic }) =>
      undeclaredTopicFindings(l.cluster.clusterName, [topic], topics).map((f) => at(where, f)),
    );
  });
}

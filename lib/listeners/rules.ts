/**
 * The rules of the listener types with per-broker addresses (`loadbalancer`, `ingress`, `route`, and
 * `cluster-ip` with advertised addresses), declared with them and collected into the catalogue
 * (lib/rules.ts). Each limit names its source.
 */
import { APISERVER, OPERATOR, RUNTIME, rule } from '../core/rules';

/** The listener-type rules, by a short key used in the code. */
export const LISTENER_TYPE_RULES = {
  listenerHost: rule(
    'listener-host',
    'External addresses',
    'error',
    'An Ingress or Route host is a lower-case DNS name, not an IP address (Kubernetes Ingress `rules[].host`, ' +
      'OpenShift Route `spec.host`: RFC 1123 subdomain); an advertised host is a host name or IP address ' +
      "(Kafka's `advertised.listeners`)",
    APISERVER,
  ),
  listenerHostRequired: rule(
    'listener-host-required',
    'External addresses',
    'error',
    "An `ingress` listener has a bootstrap host and a host for every broker (Strimzi CRD: `host` is 'required' " +
      'for ingress)',
    OPERATOR,
  ),
  listenerHostUnique: rule(
    'listener-host-unique',
    'External addresses',
    'error',
    "Within a listener, every broker's host and advertised address is its own and not the bootstrap's (Kafka " +
      'clients reach each broker at its advertised address; an ingress controller routes TLS by the SNI host)',
    RUNTIME,
  ),
  listenerTemplateRelease: rule(
    'listener-template-release',
    'External addresses',
    'error',
    '`hostTemplate` and `advertisedHostTemplate` need Strimzi 0.44.0 or later (the CRDs of 0.41-0.43 have neither)',
    APISERVER,
    '0.41.0-0.43.0',
  ),
  listenerTemplateResolves: rule(
    'listener-template-resolves',
    'External addresses',
    'error',
    'A host template resolves to a valid host name for every node ID of the model, scale-up ranges included; ' +
      'its placeholders are `{nodeId}` and `{nodePodName}` (Strimzi CRD 0.44.0+)',
    OPERATOR,
    '0.44.0-1.2.0',
  ),
  listenerTlsRequired: rule(
    'listener-tls-required',
    'External addresses',
    'error',
    '`ingress` and `route` listeners have `tls: true` (Strimzi: both pass TLS through and route by SNI; the ' +
      'operator rejects them without TLS)',
    OPERATOR,
  ),
  listenerFieldForType: rule(
    'listener-field-for-type',
    'External addresses',
    'error',
    "A listener field is one its type uses (Strimzi CRD: `class` 'for ingress and loadbalancer listeners only', " +
      '`loadBalancerIP`, `loadBalancerSourceRanges`, `externalTrafficPolicy` for loadbalancer, `host` for ' +
      'ingress and route, annotations and labels not for cluster-ip, broker annotations not for route)',
    OPERATOR,
  ),
  listenerLoadBalancerIp: rule(
    'listener-load-balancer-ip',
    'External addresses',
    'error',
    '`loadBalancerIP` is an IP address (Kubernetes Service `spec.loadBalancerIP`)',
    APISERVER,
  ),
  listenerLabels: rule(
    'listener-labels',
    'External addresses',
    'error',
    'Labels of the listener Services, Ingresses and Routes are valid Kubernetes labels (keys: qualified names; ' +
      'values: 63 characters of letters, digits, `-`, `_`, `.`)',
    APISERVER,
  ),
  listenerAddressUnpinned: rule(
    'listener-address-unpinned',
    'External addresses',
    'warning',
    'The bootstrap address of a `loadbalancer` or `route` listener is known before apply (a `bootstrap.host`), ' +
      'so client files, the doctor and the certificates can name it',
    RUNTIME,
  ),
  listenerSniHost: rule(
    'listener-sni-host',
    'External addresses',
    'warning',
    'A broker of an `ingress` or `route` listener advertises its own host (clients send the advertised host as ' +
      'TLS SNI, which the controller routes by)',
    RUNTIME,
  ),
};

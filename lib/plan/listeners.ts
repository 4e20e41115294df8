/** Changes of a Kafka's listeners: renamed, removed, added; port, type, TLS, authentication, addresses. */
import { change, same, show, stable } from './change';
import { Obj } from './facts';
import { PlanChange } from './types';

type Listener = Record<string, any>;

const isListener = (l: unknown): l is Listener => typeof l === 'object' && l !== null && !Array.isArray(l);
const listenersOf = (k: Obj): Listener[] =>
  Array.isArray(k.spec?.kafka?.listeners) ? k.spec.kafka.listeners.filter(isListener) : [];
const UPDATE_CLIENTS = "update every client's bootstrap address and security settings in the same release";
const KEEP_AND_ADD = 'keep the old listener and add the new one next to it; move clients; remove the old one later';

/** The addresses clients use, per broker: `nodePort`, `advertisedHost`, `advertisedPort`, by broker ID. */
function brokerAddresses(l: Listener): Map<number, string> {
  const brokers: any[] = Array.isArray(l.configuration?.brokers) ? l.configuration.brokers : [];
  return new Map(brokers.map((b) => [Number(b?.broker), stable({ ...b, broker: undefined })] as const));
}

function addressChanges(k: Obj, f: string, b: Listener, a: Listener): PlanChange[] {
  const out: PlanChange[] = [];
  const [cb, ca] = [b.configuration ?? {}, a.configuration ?? {}];
  // more names in the bootstrap certificate change no address: a restart, not a break
  const names = (c: Listener) => c.bootstrap?.alternativeNames;
  const address = (c: Listener) => (c.bootstrap ? { ...c.bootstrap, alternativeNames: undefined } : c.bootstrap);
  if (!same(names(cb), names(ca))) {
    const values = { before: names(cb), after: names(ca) };
    const effect = 'brokers restart with a bootstrap certificate for the new names';
    out.push(change('restart', k, `${f}.configuration.bootstrap.alternativeNames`, values, effect));
  }
  for (const key of ['bootstrap', 'externalTrafficPolicy', 'class', 'useServiceDnsDomain']) {
    if (key === 'bootstrap' ? same(address(cb), address(ca)) : same(cb[key], ca[key])) continue;
    const effect = 'clients bootstrapping through the old address fail; brokers restart with the new listener setup';
    out.push(
      change('breaking', k, `${f}.configuration.${key}`, { before: cb[key], after: ca[key] }, effect, UPDATE_CLIENTS),
    );
  }
  const [ab, aa] = [brokerAddresses(b), brokerAddresses(a)];
  const moved = [...ab.keys()].filter((id) => aa.has(id) && ab.get(id) !== aa.get(id)).sort((x, y) => x - y);
  if (moved.length > 0) {
    const effect =
      `broker(s) ${moved.join(', ')} are advertised at another address or NodePort: clients holding the old ` +
      'metadata and every load balancer forwarding the old ports fail';
    const values = { before: moved.map((id) => ab.get(id)), after: moved.map((id) => aa.get(id)) };
    out.push(change('breaking', k, `${f}.configuration.brokers`, values, effect, 'update the load balancer first'));
  }
  return out;
}

function keptListener(k: Obj, b: Listener, a: Listener): PlanChange[] {
  const f = `spec.kafka.listeners[${a.name}]`;
  const out: PlanChange[] = [];
  const breaking = (field: string, x: unknown, y: unknown, effect: string) =>
    out.push(change('breaking', k, `${f}.${field}`, { before: x, after: y }, effect, KEEP_AND_ADD));
  if (b.port !== a.port) breaking('port', b.port, a.port, "every client's bootstrap address breaks; brokers restart");
  if (b.type !== a.type) breaking('type', b.type, a.type, 'the Services clients reach are replaced; brokers restart');
  if ((b.tls === true) !== (a.tls === true)) {
    breaking('tls', b.tls, a.tls, `clients must switch to ${a.tls ? 'SSL/SASL_SSL' : 'PLAINTEXT/SASL_PLAINTEXT'}`);
  }
  if (!same(b.authentication, a.authentication)) {
    const effect = `clients authenticating ${b.authentication?.type ?? 'without credentials'} are refused`;
    breaking('authentication', show(b.authentication?.type), show(a.authentication?.type), effect);
  }
  out.push(...addressChanges(k, f, b, a));
  const rest = (l: Listener) => stable({ ...l, port: 0, type: 0, tls: 0, authentication: 0, configuration: 0 });
  const restConfig = (l: Listener) =>
    stable({ ...l.configuration, bootstrap: 0, brokers: 0, externalTrafficPolicy: 0 });
  if (rest(b) !== rest(a) || restConfig(b) !== restConfig(a)) {
    out.push(change('restart', k, f, { before: show(b), after: show(a) }, 'brokers restart with the new listener'));
  }
  return out;
}

/** Listeners removed, renamed (same port and type, new name), added, and changes of those kept. */
export function listenerChanges(b: Obj, a: Obj): PlanChange[] {
  const [lb, la] = [listenersOf(b), listenersOf(a)];
  const byName = (ls: Listener[]) => new Map(ls.map((l) => [String(l.name), l] as const));
  const [nb, na] = [byName(lb), byName(la)];
  const out: PlanChange[] = [];
  const addedNames = [...na.keys()].filter((n) => !nb.has(n));
  for (const [name, l] of [...nb].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (na.has(name)) {
      out.push(...keptListener(a, l, na.get(name)!));
      continue;
    }
    const renamed = addedNames.find((n) => na.get(n)!.port === l.port && na.get(n)!.type === l.type);
    const effect = renamed
      ? `listener ${name} is renamed ${renamed}: its Services are replaced (new names), so clients' bootstrap ` +
        'addresses and the secrets they trust change'
      : `listener ${name} (port ${l.port}) is removed: its clients lose their bootstrap address`;
    if (renamed) addedNames.splice(addedNames.indexOf(renamed), 1);
    const values = { before: name, after: renamed };
    out.push(change('breaking', a, `spec.kafka.listeners[${name}]`, values, effect, KEEP_AND_ADD));
  }
  for (const n of addedNames.sort()) {
    const effect = `brokers restart to open listener ${n} (port ${na.get(n)!.port})`;
    out.push(change('restart', a, `spec.kafka.listeners[${n}]`, { after: show(na.get(n)) }, effect));
  }
  return out;
}

import { Testing } from 'cdk8s';
import { KafkaUser, KraftCluster, clientConnectionOf } from '../lib';
import { renderClientFile } from '../lib/users/client-config';
import { pools } from './support/rule-cases';

// The client connection file names what the user's ACLs allow: the topics, the consumer group (or
// the prefix a group.id must start with) and the transactional-id prefix; deny ACLs apart.

function user(acls: ConstructorParameters<typeof KafkaUser>[2]['acls']) {
  const chart = Testing.chart();
  const cluster = new KraftCluster(chart, 'events', {
    nodePools: pools,
    listeners: [{ name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' } }],
    authorization: { type: 'simple' },
  });
  return new KafkaUser(chart, 'billing', { cluster, authentication: { type: 'scram-sha-512' }, acls });
}

describe('what a client must use to be authorized, in its connection file', () => {
  test('topics, group prefix, transactional-id prefix, cluster operations and deny ACLs, each sorted by name', () => {
    // GIVEN a user with allow ACLs on two topics, a group prefix, a transactional-id prefix, the
    // cluster, and a deny ACL on one topic
    const u = user([
      { resource: { type: 'topic', name: 'payments' }, operations: ['Write', 'Describe'] },
      { resource: { type: 'topic', name: 'orders.', patternType: 'prefix' }, operations: ['Read', 'Describe'] },
      { resource: { type: 'group', name: 'billing-', patternType: 'prefix' }, operations: ['Read'] },
      { resource: { type: 'transactionalId', name: 'billing-tx-', patternType: 'prefix' }, operations: ['Write'] },
      { resource: { type: 'cluster' }, operations: ['IdempotentWrite'] },
      { type: 'deny', resource: { type: 'topic', name: 'orders.secret' }, operations: ['Read'], host: '10.0.0.9' },
    ]);
    // WHEN its connection facts are computed
    const facts = clientConnectionOf(u);
    // THEN the file says which names the client must use
    expect(facts.authorized).toEqual({
      topics: [
        { name: 'orders.', match: 'prefix', operations: ['Describe', 'Read'] },
        { name: 'payments', match: 'literal', operations: ['Describe', 'Write'] },
      ],
      consumerGroups: [{ name: 'billing-', match: 'prefix', operations: ['Read'] }],
      transactionalIds: [{ name: 'billing-tx-', match: 'prefix', operations: ['Write'] }],
      cluster: ['IdempotentWrite'],
      denied: [{ type: 'topic', name: 'orders.secret', match: 'literal', operations: ['Read'], host: '10.0.0.9' }],
    });
    // AND it follows the listeners in the file
    const json = JSON.parse(renderClientFile(u));
    // (the chart has no namespace, so the file has none)
    expect(Object.keys(json)).toEqual(['cluster', 'user', 'principal', 'authentication', 'listeners', 'authorized']);
  });

  test('a user without ACLs: no authorized section (the file is as before)', () => {
    const json = JSON.parse(renderClientFile(user(undefined)));
    expect(json.authorized).toBeUndefined();
  });
});

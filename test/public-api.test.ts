import * as path from 'path';
import * as ts from 'typescript';

// The main entry's exports are an API promise: this test lists them, so adding or removing one is a
// decision made in this file, and it requires each to carry a doc comment a user sees in the editor.

const ENTRY = path.join(__dirname, '..', 'lib', 'index.ts');
const MAX_EXPORTS = 130;

const EXPECTED = [
  'Acl',
  'AclOperation',
  'AclPatternType',
  'AclResourceType',
  'AutoRebalanceOptions',
  'BridgeConsumerOptions',
  'BridgeCors',
  'BridgeHttpOptions',
  'BridgeHttpTls',
  'BridgeProducerOptions',
  'BrokerCapacity',
  'BrokerCapacityOverride',
  'BrokerEndpoint',
  'BrokerExternalAddress',
  'ClientConnection',
  'ClientOptions',
  'ClusterAttributes',
  'ClusterAuthorization',
  'ClusterFacts',
  'ClusterListener',
  'ClusterMetricsOptions',
  'ConfigValue',
  'ConnectBuild',
  'ConnectBuildOutput',
  'ConnectPlugin',
  'ConnectPluginArtifact',
  'ConnectorAutoRestart',
  'CopiedSecrets',
  'CruiseControlApiUsers',
  'CruiseControlOptions',
  'CustomAuthorization',
  'DEFAULT_STRIMZI_RELEASE',
  'DoctorUser',
  'DoctorUserProps',
  'EphemeralOptions',
  'ExternalAuthentication',
  'ExternalBootstrapOptions',
  'ExternalBrokerOptions',
  'ExternalHostOptions',
  'ExternalListener',
  'ExternalListenerOptions',
  'ExternalMirrorSource',
  'ExternalNodePortListener',
  'ExternalNodePortListenerOptions',
  'GrafanaDashboardOptions',
  'ICluster',
  'IKafkaConnect',
  'IMetricsClient',
  'InClusterOptions',
  'InternalListenerOptions',
  'JbodVolume',
  'JvmOptions',
  'KafkaBridge',
  'KafkaBridgeProps',
  'KafkaClient',
  'KafkaClientProps',
  'KafkaConnect',
  'KafkaConnectProps',
  'KafkaConnector',
  'KafkaConnectorOptions',
  'KafkaConnectorProps',
  'KafkaExporterOptions',
  'KafkaMirrorMaker2',
  'KafkaMirrorMaker2Props',
  'KafkaRebalance',
  'KafkaRebalanceProps',
  'KafkaTopic',
  'KafkaTopicProps',
  'KafkaUser',
  'KafkaUserProps',
  'KafkaVersionInfo',
  'KraftCluster',
  'KraftClusterProps',
  'KraftConfigError',
  'ListenerAttributes',
  'ListenerAuthentication',
  'ListenerConnection',
  'LoadBalancer',
  'LoadBalancerOptions',
  'LoadBalancerProps',
  'LoadBalancerShape',
  'MetricsConfigMapRef',
  'MetricsDetail',
  'MetricsOptions',
  'MetricsType',
  'MirrorClusterOptions',
  'NodeIdLock',
  'NodeIdRange',
  'NodePool',
  'NodePoolOptions',
  'NodePoolTemplate',
  'NodeRole',
  'OperatorImageOptions',
  'OperatorLogLevel',
  'OperatorResources',
  'PersistentClaimOptions',
  'Problem',
  'RackOptions',
  'RebalanceBrokers',
  'RebalanceMode',
  'RebalanceVolumes',
  'ReplicationOptions',
  'ResourceRequirements',
  'Rule',
  'STRIMZI_RELEASES',
  'SecretReference',
  'Severity',
  'SimpleAuthorization',
  'Storage',
  'StrimziApiVersion',
  'StrimziCrds',
  'StrimziCrdsProps',
  'StrimziMonitoring',
  'StrimziMonitoringProps',
  'StrimziOperator',
  'StrimziOperatorProps',
  'StrimziRelease',
  'SynthAppOptions',
  'UserAuthentication',
  'UserQuotas',
  'checkApp',
  'clientConnectionOf',
  'findProblems',
  'findStrimziRelease',
  'formatProblem',
  'printWarnings',
  'releasesSupportingKafka',
  'synthApp',
];

interface ExportInfo {
  readonly name: string;
  readonly documented: boolean;
}

// Every export of the main entry, resolved through its re-export to the declaration it names.
function entryExports(): ExportInfo[] {
  const config = ts.readConfigFile(path.join(__dirname, '..', 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, path.join(__dirname, '..'));
  const program = ts.createProgram([ENTRY], { ...options, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(ENTRY);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${ENTRY} is not a module`);
  return checker.getExportsOfModule(moduleSymbol).map((alias) => {
    const target = alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
    const text = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
    return { name: alias.getName(), documented: text.length > 0 };
  });
}

describe('the public API (lib/index.ts)', () => {
  const exports = entryExports();

  test('exports exactly the listed names, at most 80', () => {
    // GIVEN the main entry WHEN its exports are listed THEN they are the curated names, no more
    const names = exports.map((e) => e.name).sort();
    expect(names).toEqual([...EXPECTED].sort());
    expect(names.length).toBeLessThanOrEqual(MAX_EXPORTS);
  });

  test('every exported name has a doc comment', () => {
    // GIVEN every export WHEN its declaration's doc comment is read THEN none is missing
    expect(exports.filter((e) => !e.documented).map((e) => e.name)).toEqual([]);
  });

  test('no machinery is exported', () => {
    // GIVEN names that are internal (models, renderers, operator facts, the rule catalogue)
    const internal = ['ClusterModel', 'ClusterSpec', 'StrimziRenderer', 'OPERATOR_RELEASES', 'RULE_LIST', 'touch'];
    // WHEN the exports are listed THEN none of them is among them
    expect(exports.map((e) => e.name).filter((n) => internal.includes(n))).toEqual([]);
  });
});

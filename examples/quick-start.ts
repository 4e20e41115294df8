import { App, Chart } from 'cdk8s';
import { JbodVolume, KraftCluster, LoadBalancerShape, Storage } from 'cdk8s-strimzi-kraft';

const app = new App();
const chart = new Chart(app, 'kafka', { namespace: 'kafka' });

const volume = JbodVolume.persistentClaim(0, { size: '100Gi', storageClass: 'standard', kraftMetadata: true });
const storage = Storage.jbod(volume);
const cluster = new KraftCluster(chart, 'my-cluster', {
  strimziVersion: '1.2.0',
  nodePools: {
    controller: { roles: ['controller'], replicas: 3, storage },
    broker: { roles: ['broker'], replicas: 3, storage },
  },
  nodePortListeners: [{
    bootstrapNodePort: 32100, // clients bootstrap from kafka.example.com:9094
    advertisedHost: 'kafka.example.com', // your load balancer in front of the worker nodes
    advertisedPortBase: 8091, // broker N is kafka.example.com:8091+N, NodePort 32101+N
  }],
});
// nginx on the host behind kafka.example.com, forwarding to the NodePorts of every worker node
const workers = ['10.0.0.11', '10.0.0.12', '10.0.0.13'];
cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) });

// Every fact is computed once and can be read back (on stdout, which `cdk8s synth` keeps to itself):
for (const b of cluster.model.nodePortListeners[0].brokers) {
  console.log(`broker ${b.nodeId}: ${b.advertisedHost}:${b.advertisedPort} -> NodePort ${b.nodePort}`);
}
// Checks the whole app, then writes the YAML and every file beside it (the nginx files
// my-cluster-external-lb.{nginx,stream}.conf, ARCHITECTURE.md), or nothing: each error and each
// warning is one line on stderr (no warning here: the external listener is TLS + SCRAM by default).
app.synth();

import { App, Chart } from 'cdk8s';
import { KraftCluster, Storage, JbodVolume, StrimziMonitoring } from '../lib';
const app = new App({ outdir: '/tmp/m19out' });
const chart = new Chart(app, 'c', { namespace: 'kafka' });
const storage = Storage.jbod(JbodVolume.persistentClaim(0, { size: '10Gi', kraftMetadata: true }));
const cluster = new KraftCluster(chart, 'my-cluster', { strimziVersion: process.env.REL ?? '1.2.0', cruiseControl: true, metrics: true, nodePools: { c: { roles: ['controller'], replicas: 3, storage }, b: { roles: ['broker'], replicas: 3, storage } } });
new StrimziMonitoring(chart, 'monitoring', { clusters: [cluster], operatorNamespace: 'strimzi', grafanaDashboards: true, labels: { release: 'prom' } });
try { app.synth(); } catch (e) { console.log((e as Error).message); }

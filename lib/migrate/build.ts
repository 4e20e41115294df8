/**
 * Builds the plan with the library's constructs, in memory, exactly as the generated code does:
 * to compare what it renders with the input (and find the patches), and to run the library's own
 * checks on the migrated cluster.
 */
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import { KraftCluster } from '../kafka/cluster';
import { LoadBalancerShape } from '../load-balancer/load-balancer';
import { JbodVolume, Storage } from '../model/storage';
import { KafkaRebalance } from '../rebalance/kafka-rebalance';
import { KafkaTopic } from '../topics/kafka-topic';
import { KafkaUser } from '../users/kafka-user';
import { AppPlan, ChartPlan, PatchPlan, ResourcePlan, StoragePlan, VolumePlan } from './plan';

function jbodVolume(v: VolumePlan): JbodVolume {
  return v.kind === 'ephemeral'
    ? JbodVolume.ephemeral(v.id!, v.options as never)
    : JbodVolume.persistentClaim(v.id!, v.options as never);
}

/** The Storage a plan describes. */
export function storageOf(s: StoragePlan): Storage {
  if (s.kind === 'jbod') return Storage.jbod(...s.volumes.map(jbodVolume));
  return s.kind === 'ephemeral' ? Storage.ephemeral(s.options as never) : Storage.persistentClaim(s.options as never);
}

/** The cdk8s patch of a patch plan. */
export function jsonPatchOf(p: PatchPlan): JsonPatch {
  if (p.op === 'remove') return JsonPatch.remove(p.path);
  return p.op === 'add' ? JsonPatch.add(p.path, p.value) : JsonPatch.replace(p.path, p.value);
}

/** Each resource plan and the object the library rendered for it. */
export type Rendered = Map<ResourcePlan, ApiObject>;

function patched(plan: ResourcePlan, obj: ApiObject, rendered: Rendered): void {
  for (const p of plan.patches) obj.addJsonPatch(jsonPatchOf(p));
  rendered.set(plan, obj);
}

function buildChart(app: App, c: ChartPlan, rendered: Rendered): void {
  const chart = new Chart(app, c.id, c.namespace ? { namespace: c.namespace } : {});
  const clusters = new Map<string, KraftCluster>();
  for (const plan of c.clusters) {
    const cluster = new KraftCluster(chart, plan.id, plan.props as never);
    clusters.set(plan.name, cluster);
    patched(plan, cluster.apiObject, rendered);
    for (const lb of plan.loadBalancers ?? []) {
      const shape = LoadBalancerShape.externalHost({ workers: [...lb.workers] });
      cluster.addLoadBalancer(lb.id, lb.listener ? { listener: lb.listener, shape } : { shape });
    }
    for (const pool of plan.pools) {
      const options = { ...pool.props, storage: storageOf(pool.props.storage as StoragePlan) };
      patched(pool, cluster.addNodePool(pool.name, options as never).apiObject, rendered);
    }
  }
  for (const e of c.entities) {
    const props = { ...e.props, cluster: clusters.get(e.cluster) } as never;
    const made =
      e.kind === 'KafkaUser'
        ? new KafkaUser(chart, e.id, props)
        : e.kind === 'KafkaTopic'
          ? new KafkaTopic(chart, e.id, props)
          : new KafkaRebalance(chart, e.id, props);
    patched(e, made.apiObject, rendered);
  }
}

/** The app of a plan (nothing is written) and the object rendered for each resource. */
export function buildApp(plan: AppPlan): { app: App; rendered: Rendered } {
  const app = new App({ outdir: '/nonexistent-migrate-outdir' });
  const rendered: Rendered = new Map();
  for (const c of plan.charts) buildChart(app, c, rendered);
  return { app, rendered };
}

import { ApiObject, App, Include } from 'cdk8s';
import { Construct } from 'constructs';
import { placed } from '../common/arguments';
import { OutputFile, checkedFiles } from '../common/output-files';
import { addAppCheck, record, validateAtSynth } from '../common/problems';
import { checkedProps } from '../common/resource';
import { DEFAULT_STRIMZI_RELEASE } from '../core/release';
import { crdsContentFindings } from '../model/semantics/crds-content';
import { crdSourceFiles, includedObjects } from './crd-files';
import { operatorAppProblems } from './app-checks';
import { crdsReleaseFindings, crdsSourceFindings } from './operator-model';
import { CRDS_MARK } from './one-release';

/**
 * Annotations that make Argo CD apply the CRDs first (sync wave -1, before the operator and the
 * Kafka resources in wave 0) and server-side: the Kafka CRD is too large for the
 * `last-applied-configuration` annotation of a client-side apply.
 */
export const CRD_ANNOTATIONS: Readonly<Record<string, string>> = {
  'argocd.argoproj.io/sync-options': 'ServerSideApply=true',
  'argocd.argoproj.io/sync-wave': '-1',
};

/** The URL of a release's published CRD bundle (a GitHub release asset). */
export function crdBundleUrl(tag: string): string {
  return `https://github.com/strimzi/strimzi-kafka-operator/releases/download/${tag}/strimzi-crds-${tag}.yaml`;
}

/** Props of {@link StrimziCrds}. */
export interface StrimziCrdsProps {
  /** The release whose CRDs these are (the operator's). @default '1.2.0' */
  readonly strimziVersion?: string;
  /**
   * A YAML file, or a folder of `.yaml` files (read in name order), holding the release's CRDs,
   * included into the chart with cdk8s `Include` and annotated with `CRD_ANNOTATIONS`.
   * Without it, the CRDs are referred to by the release's published bundle: `files` holds a
   * `kustomization.yaml` naming its exact URL (`app.synth()` writes it).
   * @default the published bundle, by reference
   * @maxLength 4096
   */
  readonly from?: string;
  /**
   * Folder (inside the app's output folder) of the reference's `kustomization.yaml`. @default '00-crds'
   * @syntax referenceFolder
   */
  readonly referenceFolder?: string;
}

/** Why `from` could not be included, without the internals of the YAML reader. */
function whyUnreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `cannot be read (${code})`;
  return 'not a file of YAML documents (Kubernetes objects)';
}

/**
 * The Strimzi CRDs that go with an operator: included from files, or referred to by the
 * release's published bundle. Put them in the first stage of the output (see docs/gitops.md: apply order).
 */
export class StrimziCrds extends Construct {
  public readonly strimziVersion: string;
  /** The included CRD objects (empty for a reference). */
  public readonly apiObjects: ApiObject[];
  /** Files to write beside the YAML, by path relative to the app's output folder (a reference's kustomization.yaml). */
  public readonly files: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, rawProps: StrimziCrdsProps = {}) {
    super(scope, placed(scope, id));
    // JavaScript and JSON callers: every prop is checked at run time; the rest sees clean values
    const checked = checkedProps<StrimziCrdsProps>(this, rawProps, 'StrimziCrdsProps');
    const props = checked.props;
    this.strimziVersion = props.strimziVersion ?? DEFAULT_STRIMZI_RELEASE;
    record(this, crdsReleaseFindings(this.strimziVersion));
    Object.defineProperty(this, CRDS_MARK, { value: true });
    addAppCheck(this, 'strimzi-operator', operatorAppProblems); // one CRD set per app, served resources
    validateAtSynth(this);
    if (props.from !== undefined) {
      try {
        crdSourceFiles(props.from).forEach((file, i) => new Include(this, `file-${i}`, { url: file }));
      } catch (e) {
        // a missing or unreadable file, or one that is not YAML: a finding, and nothing included
        for (const child of [...this.node.children]) this.node.tryRemoveChild(child.node.id);
        record(this, crdsSourceFindings(props.from, whyUnreadable(e)));
      }
      this.apiObjects = this.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
      if (this.apiObjects.length > 0)
        record(this, crdsContentFindings(this.strimziVersion, props.from, includedObjects(props.from)));
      for (const o of this.apiObjects.filter((x) => x.kind === 'CustomResourceDefinition')) {
        for (const [k, v] of Object.entries(CRD_ANNOTATIONS)) o.metadata.addAnnotation(k, v);
      }
      this.files = {};
    } else {
      this.apiObjects = [];
      const folder = props.referenceFolder ?? '00-crds';
      this.files = {
        [`${folder}/kustomization.yaml`]: [
          `# Strimzi ${this.strimziVersion} CRDs, by reference to the release's published bundle. Apply first, ` +
            `server-side:`,
          `#   kubectl apply --server-side -k ${folder}    (or: kubectl apply --server-side -f <the URL below>)`,
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'commonAnnotations:',
          ...Object.entries(CRD_ANNOTATIONS).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`),
          'resources:',
          `  - ${crdBundleUrl(this.strimziVersion)}`,
          '',
        ].join('\n'),
      };
    }
  }
}

/** The CRD reference files of the app, rendered in memory and checked for clashing names. */
export function crdReferenceFiles(app: App): OutputFile[] {
  const files = app.node
    .findAll()
    .filter((c): c is StrimziCrds => c instanceof StrimziCrds)
    .flatMap((c) => Object.entries(c.files).map(([name, text]) => ({ name, text, from: c })));
  return checkedFiles(files, 'CRDs', 'give the StrimziCrds of the app distinct referenceFolder values, or keep one');
}

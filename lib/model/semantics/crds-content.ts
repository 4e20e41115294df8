/**
 * `StrimziCrds` `from` checked by what its files hold, not by the label it is given: only
 * CustomResourceDefinitions (not the operator's install bundle), and exactly the CRDs of the stated
 * release, compared with the fingerprint of each release's CRDs (`crd-fingerprints.json`, generated
 * by `scripts/import-crd-fingerprints.js` from every release's `crds/`; loaded only when `from` is used).
 */
import { Finding, finding } from '../../core/problem';
import { RULES } from '../../rules';
import { crdFingerprint } from './crd-fingerprint';

/** An included object, as `ApiObject.toJson()` gives it. */
export interface IncludedObject {
  readonly kind?: string;
  readonly metadata?: { readonly name?: string };
  readonly spec?: unknown;
}

type Fingerprints = Readonly<Record<string, Readonly<Record<string, string>>>>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fingerprints = (): Fingerprints => require('./crd-fingerprints.json');

/** The releases whose CRDs are exactly these (name -> fingerprint). */
function releasesWith(prints: Readonly<Record<string, string>>): string[] {
  const names = Object.keys(prints).sort();
  return Object.entries(fingerprints())
    .filter(([, p]) => Object.keys(p).sort().join() === names.join() && names.every((n) => p[n] === prints[n]))
    .map(([tag]) => tag);
}

/** Findings about the objects included from `from` for release `release`. */
export function crdsContentFindings(release: string, from: string, objects: readonly IncludedObject[]): Finding[] {
  const others = objects.filter((o) => o.kind !== 'CustomResourceDefinition');
  if (others.length > 0) {
    const bundle = others.some((o) => o.kind === 'Deployment' && o.metadata?.name === 'strimzi-cluster-operator');
    const list = others.map((o) => `${o.kind} ${o.metadata?.name}`);
    return [
      finding(
        RULES.crdsContent,
        'from',
        from,
        `${bundle ? "holds the cluster operator's install bundle" : 'holds objects that are not CRDs'}: ` +
          `${list.slice(0, 3).join(', ')}${list.length > 3 ? ` and ${list.length - 3} more` : ''}`,
        `point from at the release's crds/ folder or strimzi-crds-${release}.yaml; ` +
          'StrimziOperator renders the operator itself',
      ),
    ];
  }
  const expected = fingerprints()[release];
  if (!expected) return []; // an unknown release is reported as release-known
  const prints = Object.fromEntries(objects.map((o) => [o.metadata?.name ?? '', crdFingerprint(o)]));
  const names = Object.keys(expected);
  if (names.length === Object.keys(prints).length && names.every((n) => prints[n] === expected[n])) return [];
  const matches = releasesWith(prints);
  const differ = Object.keys(prints).filter((n) => prints[n] !== expected[n]);
  const missing = names.filter((n) => prints[n] === undefined);
  const what =
    matches.length > 0
      ? `these are the CRDs of Strimzi ${matches.join(', ')}, not ${release}`
      : [
          differ.length > 0 ? `${differ.join(', ')} differ from Strimzi ${release}'s` : '',
          missing.length > 0 ? `${missing.length} of its ${names.length} CRDs are missing (${missing.join(', ')})` : '',
        ]
          .filter(Boolean)
          .join('; ');
  return [
    finding(
      RULES.crdsContent,
      'from',
      from,
      what,
      `point from at the CRDs of Strimzi ${release} (its crds/ folder or strimzi-crds-${release}.yaml), ` +
        'or set strimziVersion to the release of these files',
    ),
  ];
}

/** A fingerprint of a CRD's content: its `spec` with keys sorted, SHA-256, the first 16 hex digits. */
import { createHash } from 'crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** The fingerprint of a CRD object (as `ApiObject.toJson()` gives it). */
export function crdFingerprint(crd: { readonly spec?: unknown }): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(crd.spec ?? null)))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Namespace objects as an opt-in of the operator (`createNamespaces`): the operator's own
 * namespace and every namespace it watches, sorted, each once.
 */

/** A `v1` Namespace. */
export interface NamespaceObject {
  readonly apiVersion: 'v1';
  readonly kind: 'Namespace';
  readonly metadata: { readonly name: string };
}

/** The Namespaces to emit: the operator's and the watched ones (none to add when watching every namespace). */
export function namespaceObjects(own: string, watched: readonly string[]): NamespaceObject[] {
  return [...new Set([own, ...watched])]
    .sort()
    .map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
}

/** A container image reference split into its parts. */
export interface ImageRef {
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** Splits `registry/repository[:tag][@digest]` (the registry is the first path segment). */
export function parseImage(image: string): ImageRef {
  const [rest, digest] = image.split('@');
  const slash = rest.indexOf('/');
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    registry: rest.slice(0, slash),
    repository: rest.slice(slash + 1, hasTag ? colon : undefined),
    tag: hasTag ? rest.slice(colon + 1) : undefined,
    digest,
  };
}

/** Joins an image reference; a digest pins the image (the tag is kept for readers). */
export function formatImage(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** Facts about the operator that both its findings and its rendering use. */
import { compareVersions } from '../core/release';

/** Root log levels of the operator. */
export const LOG_LEVELS: readonly string[] = ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'];

/** The releases whose operator needs `STRIMZI_KUBERNETES_VERSION` on Kubernetes 1.33+. */
export const KUBERNETES_VERSION_WORKAROUND = { from: '0.41.0', to: '0.45.0', kubernetes: '1.33' } as const;

/** What the library considers enough memory for the operator (upstream's 384Mi is a frequent OOM report). */
export const OPERATOR_MIN_MEMORY = '512Mi';

/** Whether a release is one whose operator needs `STRIMZI_KUBERNETES_VERSION` on Kubernetes 1.33+. */
export function inWorkaroundRange(tag: string): boolean {
  return (
    compareVersions(tag, KUBERNETES_VERSION_WORKAROUND.from) >= 0 &&
    compareVersions(tag, KUBERNETES_VERSION_WORKAROUND.to) <= 0
  );
}

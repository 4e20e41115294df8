import * as fs from 'fs';
import * as path from 'path';

/**
 * A folder of upstream reference data that some tests compare committed files with, or undefined
 * when it is absent. Absent, the caller skips those tests and this prints ONE line saying what is
 * skipped and how to get the data; under CI=true absence fails the test file instead.
 */
function referenceDir(envVar: string, sibling: string, skipped: string, holds: string): string | undefined {
  const dir = process.env[envVar] || path.resolve(__dirname, '..', '..', '..', 'shared', sibling);
  if (fs.existsSync(dir)) return dir;
  const where =
    `no reference data at ${dir} (put ${holds} there, i.e. ../shared/${sibling} next to this repository, ` +
    `or set ${envVar})`;
  if (process.env.CI === 'true') throw new Error(`${skipped} needs its reference data under CI=true: ${where}`);
  process.stderr.write(`SKIPPED ${skipped}: ${where}\n`);
  return undefined;
}

/** Strimzi's release data ($STRIMZI_REF_DIR, else ../shared/strimzi): `<tag>/crds/`, examples, kafka-versions/. */
export function strimziRefDir(skipped: string): string | undefined {
  return referenceDir(
    'STRIMZI_REF_DIR',
    'strimzi',
    skipped,
    "Strimzi's <tag>/crds/, <tag>/examples/ and kafka-versions/",
  );
}

/** The seed post's files ($SEED_DIR, else ../shared/seed): kafka.yaml, nginx-bootstrap.conf. */
export function seedDir(skipped: string): string | undefined {
  return referenceDir('SEED_DIR', 'seed', skipped, "the seed post's kafka.yaml");
}

/** `describe` when the data is there, else `describe.skip`. */
export const describeIf = (dir: string | undefined): jest.Describe => (dir ? describe : describe.skip);

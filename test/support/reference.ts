import * as fs from 'fs';
import * as path from 'path';

/**
 * Records a missing folder for the run's summary line (test/support/skip-reporter.js); false when
 * no reporter collects them (jest run with another config), so the caller prints its own line.
 */
function recordSkip(record: { testPath?: string; dir: string; holds: string; envVar: string }): boolean {
  const into = process.env.STRIMZI_KRAFT_SKIP_DIR;
  if (!into || !fs.existsSync(into)) return false;
  const name = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`;
  fs.writeFileSync(path.join(into, name), JSON.stringify(record));
  return true;
}

/**
 * A folder of upstream reference data that some tests compare committed files with, or undefined
 * when it is absent. Absent, the caller skips those tests and this records the folder for the run's
 * one summary line (skip-reporter.js); under CI=true absence fails the test file instead.
 */
function referenceDir(envVar: string, sibling: string, skipped: string, holds: string): string | undefined {
  const dir = process.env[envVar] || path.resolve(__dirname, '..', '..', '..', 'shared', sibling);
  if (fs.existsSync(dir)) return dir;
  const where =
    `no reference data at ${dir} (put ${holds} there, i.e. ../shared/${sibling} next to this repository, ` +
    `or set ${envVar})`;
  if (process.env.CI === 'true') throw new Error(`${skipped} needs its reference data under CI=true: ${where}`);
  if (!recordSkip({ testPath: expect.getState().testPath, dir, holds, envVar })) {
    process.stderr.write(`SKIPPED ${skipped}: ${where}\n`);
  }
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

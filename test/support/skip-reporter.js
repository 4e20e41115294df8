'use strict';
// A jest reporter: when tests were skipped for want of reference data (../shared), the run ends with
// ONE line saying how many and where the data goes. test/support/reference.ts records each missing
// folder in the directory this reporter names in STRIMZI_KRAFT_SKIP_DIR (jest starts its workers
// after the reporters, so they inherit it).
const fs = require('fs');
const os = require('os');
const path = require('path');

/**
 * The summary line: `records` are what reference.ts wrote ({ testPath, dir, holds, envVar }),
 * `results` jest's per-file results (testFilePath, numPendingTests). Undefined when nothing was skipped.
 */
function skipSummary(records, results) {
  if (records.length === 0) return undefined;
  const files = new Set(records.map((r) => r.testPath));
  const skipped = results.filter((r) => files.has(r.testFilePath)).reduce((n, r) => n + r.numPendingTests, 0);
  const wheres = [...new Map(records.map((r) => [r.dir, r])).values()]
    .sort((a, b) => (a.dir < b.dir ? -1 : 1))
    .map((r) => `${r.holds} in ${r.dir} (or set ${r.envVar})`);
  return (
    `SKIPPED ${skipped} test(s) in ${files.size} file(s) for want of reference data: put ${wheres.join('; ')}; ` +
    'under CI=true they fail instead'
  );
}

class SkipReporter {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strimzi-kraft-skips-'));
    process.env.STRIMZI_KRAFT_SKIP_DIR = this.dir;
  }

  onRunComplete(_contexts, aggregated) {
    const records = fs
      .readdirSync(this.dir)
      .sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf-8')));
    fs.rmSync(this.dir, { recursive: true, force: true });
    const line = skipSummary(records, aggregated.testResults);
    // at exit: after jest's own closing lines ("Ran all test suites ..."), so it is the last line
    if (line) process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}

module.exports = SkipReporter;
module.exports.skipSummary = skipSummary;

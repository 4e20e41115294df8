'use strict';
// Where the Strimzi reference data lives (CRDs, examples, kafka-versions). Never committed here.
const path = require('path');
const fs = require('fs');

/** The reference directory: $STRIMZI_REF_DIR, else ../shared/strimzi next to this repository. */
function strimziRefDir() {
  const dir = process.env.STRIMZI_REF_DIR || path.resolve(__dirname, '..', '..', 'shared', 'strimzi');
  if (!fs.existsSync(dir)) {
    throw new Error(
      `Strimzi reference data not found at ${dir}. Set STRIMZI_REF_DIR to a folder holding <tag>/crds/ and ` +
        `kafka-versions/.`,
    );
  }
  return dir;
}

/** The CRD files of one Strimzi release, in the order the release's strimzi-crds-<tag>.yaml has them. */
function crdFiles(tag) {
  const dir = path.join(strimziRefDir(), tag, 'crds');
  if (!fs.existsSync(dir)) {
    throw new Error(`No CRDs for Strimzi ${tag} at ${dir}.`);
  }
  return fs
    .readdirSync(dir)
    .filter((f) => /^04.*-Crd-.*\.yaml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Compares release tags `x.y.z` numerically. */
function compareTags(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** The release tags of the reference data that have the given folder (`crds`, `install`), oldest first. */
function releaseTags(folder) {
  const ref = strimziRefDir();
  return fs
    .readdirSync(ref)
    .filter((t) => /^\d+\.\d+\.\d+$/.test(t) && fs.existsSync(path.join(ref, t, folder)))
    .sort(compareTags);
}

module.exports = { strimziRefDir, crdFiles, releaseTags };

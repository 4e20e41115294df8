/** The node-ID lock of a committed output folder, for `KraftClusterProps.nodeIdLock`. */
import * as fs from 'fs';
import { NodeIdLock, nodeIdLockOf } from '../model/node-id-lock';
import { readOutput, readOutputFolder } from './read';

/**
 * Reads the node IDs of every pool in a synthesized output, to pass as `nodeIdLock` to every
 * `KraftCluster` of the app: a folder (`dist/<app>`), or a folder as committed, `<ref>:<folder>`
 * (`HEAD:dist`). Use the committed form under `cdk8s synth`, which empties its output folder before
 * it runs the app. A folder that does not exist yet (the first synth) gives an empty lock.
 */
export function readNodeIdLock(folder: string): NodeIdLock {
  if (fs.existsSync(folder)) return nodeIdLockOf(readOutputFolder(folder).objects, folder);
  if (/^[^:]+:.+$/.test(folder)) return nodeIdLockOf(readOutput(folder).objects, folder);
  return { clusters: {}, source: folder };
}

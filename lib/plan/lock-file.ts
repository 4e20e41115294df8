/** The node-ID lock of a committed output folder, for `KraftClusterProps.nodeIdLock`. */
import * as fs from 'fs';
import { NodeIdLock, nodeIdLockOf } from '../model/node-id-lock';
import { readOutputFolder } from './read';

/**
 * Reads the node IDs of every pool in a synthesized output (e.g. the committed `dist/<app>`), to
 * pass as `nodeIdLock` to every `KraftCluster` of the app. A folder that does not exist yet (the
 * first synth) gives an empty lock.
 */
export function readNodeIdLock(folder: string): NodeIdLock {
  if (!fs.existsSync(folder)) return { clusters: {}, source: folder };
  return nodeIdLockOf(readOutputFolder(folder).objects, folder);
}

/**
 * Files an app writes beside its YAML (nginx configs, client connection files, CRD references,
 * ARCHITECTURE.md): rendered in memory, checked for clashing names, then written. One place for
 * the check, so every writer reports a clash the same way and before anything is written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';

/** One rendered file. */
export interface OutputFile {
  /** Path relative to the app's output folder. */
  readonly name: string;
  readonly text: string;
  /** The construct that writes it (named when two write one name). */
  readonly from: IConstruct;
}

/** Two constructs would write one file: a one-line message naming both and the fix. */
export class OutputFileClash extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFileClash';
  }
}

/**
 * The files sorted by name; throws, naming both writers and the fix, when two constructs would
 * write one name. `what` names the kind of writer in the message (e.g. `load balancer`).
 */
export function checkedFiles<F extends OutputFile>(files: readonly F[], what: string, fix: string): F[] {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  sorted.forEach((f, i) => {
    const other = sorted[i - 1];
    if (other && other.name === f.name && other.from !== f.from) {
      throw new OutputFileClash(
        `[${f.from.node.path}] file ${f.name}: ${what ? `${what} ` : ''}${other.from.node.path} writes a file of ` +
          `this name too. Fix: ${fix}`,
      );
    }
  });
  return sorted;
}

/** Writes checked files into `outdir` (creating sub-folders); returns the paths written. */
export function writeOutputFiles(outdir: string, files: readonly OutputFile[]): string[] {
  return files.map(({ name, text }) => {
    const file = path.join(outdir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  });
}

/** The input of a config map check. */
export interface ConfigCheckInput {
  readonly kafkaVersion: string;
  /** The config as given (scalars; other values are reported by the shape checks). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Keys not to check, with the reason (recorded in the output). */
  readonly unchecked?: Readonly<Record<string, string>>;
}

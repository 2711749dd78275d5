/** What every tgrisk subcommand receives: its arguments, the environment and the standard streams. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A subcommand; resolves with the process exit code. */
export type Command = (args: string[], env: Record<string, string | undefined>, io: CliIo) => Promise<number>;

/** Writes to a stream and waits for it to drain when its buffer is full (backpressure). */
export function writeWithBackpressure(stream: NodeJS.WritableStream, chunk: string): Promise<void> | void {
  if (!stream.write(chunk)) {
    return new Promise((resolve) => stream.once('drain', () => resolve()));
  }
}

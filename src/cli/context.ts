/** Where a command prints. Kept free of heavy imports: every command declaration uses it. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  json(value: unknown): void;
  isTTY: boolean;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

/** What the benchmarks ran on, printed with every figure so numbers are never quoted without it. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory_gib: number;
  os: string;
  node: string;
  kafka: string;
  kafkajs: string;
  onnxruntime: string;
}

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Reads the machine and versions. */
export function machineInfo(repoRoot: string): MachineInfo {
  const pom = readFileSync(`${repoRoot}/scripts/kafka/pom.xml`, 'utf8');
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gib: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    kafka: /<kafka.version>([^<]+)</.exec(pom)?.[1] ?? 'unknown',
    kafkajs: packageVersion('kafkajs'),
    onnxruntime: packageVersion('onnxruntime-node'),
  };
}

// What the benches ran on: the machine, the tools' versions and the source commit, and the
// native figures of `cargo bench --bench checker`.
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';

function sh(cmd, cmdArgs) {
  try {
    return execFileSync(cmd, cmdArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const meminfo = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
  const memKb = Number(meminfo.match(/^MemTotal:\s*(\d+)/m)?.[1] ?? os.totalmem() / 1024);
  return {
    cpu: model,
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    memoryGiB: memKb / 1024 / 1024,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg()[0],
  };
}

/** The 1-minute load average now. */
export const loadAverage = () => os.loadavg()[0];

/** The browser's, the toolchain's and the source's versions (`root`: the repository). */
export function versions(browser, root) {
  return {
    chromium: browser.version(),
    rustc: sh('rustc', ['--version']),
    node: process.version,
    wasmOpt: sh('wasm-opt', ['--version']),
    trunk: sh('trunk', ['--version']),
    commit: sh('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
    dirty: (sh('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no']) ?? '') !== '',
  };
}

/** The output of `cargo bench --bench checker` (lines `name value unit`) → { name: { value, unit } }. */
export function parseNative(text) {
  const figures = {};
  for (const line of text.split('\n')) {
    const m = line.trim().match(/^([A-Za-z0-9_]+)\s+([0-9.eE+-]+)\s+([A-Za-z_]+)$/);
    if (m) figures[m[1]] = { value: Number(m[2]), unit: m[3] };
  }
  return figures;
}

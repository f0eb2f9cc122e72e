// Makes sure better-sqlite3 (the embedded database's driver) has a native binding for this Node.
//
// pnpm does not run its install script (allowBuilds: false in pnpm-workspace.yaml) because on a
// machine that reaches only the package registries that script fails: prebuilt binaries come from
// GitHub, and node-gyp downloads Node's headers. Here we do the same two steps ourselves, but point
// node-gyp at the headers that ship beside this Node (Debian's /usr/include/node) when they exist,
// so the source build works offline (~75 s on two cores). See docs/decisions/001-embedded-database.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiRequire = createRequire(path.join(root, 'packages/api/package.json'));

function bindingWorks() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get()"],
    { cwd: path.join(root, 'packages/api'), stdio: 'ignore' },
  );
  return probe.status === 0;
}

if (bindingWorks()) process.exit(0);

const packageDir = path.dirname(apiRequire.resolve('better-sqlite3/package.json'));
const moduleRequire = createRequire(path.join(packageDir, 'package.json'));
const run = (script, args, env = {}) =>
  spawnSync(process.execPath, [script, ...args], {
    cwd: packageDir,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  }).status === 0;

console.log('better-sqlite3: no native binding yet; fetching a prebuilt one or building it');
const prebuild = moduleRequire.resolve('prebuild-install/bin.js');
if (run(prebuild, []) && bindingWorks()) process.exit(0);

// Node's own headers beside the running binary (e.g. /usr/bin/node → /usr/include/node).
const headers = path.resolve(path.dirname(process.execPath), '..');
const env = existsSync(path.join(headers, 'include/node/node.h'))
  ? { npm_config_nodedir: process.env.npm_config_nodedir ?? headers }
  : {};
console.log(
  `better-sqlite3: building from source${env.npm_config_nodedir ? ` against ${env.npm_config_nodedir}` : ''}`,
);
const nodeGyp = createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
if (!run(nodeGyp, ['rebuild', '--release'], env) || !bindingWorks()) {
  console.error('better-sqlite3 could not be built: install python3, make and a C++ compiler.');
  process.exit(1);
}

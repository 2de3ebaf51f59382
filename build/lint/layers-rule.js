// ESLint rule enforcing the folder table of ARCHITECTURE.md: which runtime folder may import which.
// Every import specifier is resolved to the folder it lands in, so a wrong import fails lint
// whatever the relative path looks like.
import path from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Folders (relative to the repo root) in most-specific-first order. */
const LAYERS = [
  ['electron/core', 'core'],
  ['electron/main', 'main'],
  ['electron/preload', 'preload'],
  ['electron/node-host', 'node-host'],
  ['sync-server/portal', 'portal'],
  ['sync-server', 'server'],
  ['renderer', 'renderer'],
  ['shared', 'shared'],
];

/** Which layers each layer may import from. Layers not listed (tests, build, scripts) are free. */
const ALLOWED = {
  shared: ['shared'],
  core: ['core', 'shared'],
  main: ['main', 'core', 'shared'],
  preload: ['preload', 'shared'],
  'node-host': ['node-host', 'core', 'shared'],
  renderer: ['renderer', 'shared'],
  server: ['server', 'shared'],
  portal: ['portal', 'shared'],
};

/** Layers that run in a browser or anywhere: no Node built-ins, no server-only packages. */
const NO_NODE = new Set(['shared', 'renderer', 'portal', 'preload']);
const SERVER_ONLY_PACKAGES = [
  'better-sqlite3',
  'fastify',
  '@fastify/',
  'kysely',
  'pg',
  'nodemailer',
];
/** Only these layers may load Electron itself at runtime. */
const ELECTRON_OK = new Set(['main', 'preload']);

/** Build configuration next to a layer's code runs in Node at build time, not in the layer. */
const BUILD_CONFIG = /(^|\/)vite\.config\.[cm]?[jt]s$/;

function layerOf(absPath) {
  const rel = path.relative(ROOT, absPath).split(path.sep).join('/');
  if (BUILD_CONFIG.test(rel)) return null;
  for (const [prefix, name] of LAYERS) {
    if (rel === prefix || rel.startsWith(`${prefix}/`)) return name;
  }
  return null;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function problem(fromLayer, spec, fileDir) {
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const target = layerOf(path.resolve(fileDir, spec));
    if (target && !ALLOWED[fromLayer].includes(target)) {
      return `'${fromLayer}' code may not import from '${target}' (${spec}); see ARCHITECTURE.md`;
    }
    return null;
  }
  const pkg = packageName(spec);
  if (pkg === 'electron' && !ELECTRON_OK.has(fromLayer)) {
    return `'electron' may only be imported in electron/main and electron/preload, not in '${fromLayer}'`;
  }
  if (NO_NODE.has(fromLayer)) {
    if (BUILTINS.has(spec) || BUILTINS.has(pkg)) {
      return `'${fromLayer}' code runs outside Node and may not import the Node built-in '${spec}'`;
    }
    if (SERVER_ONLY_PACKAGES.some((p) => (p.endsWith('/') ? spec.startsWith(p) : pkg === p))) {
      return `'${fromLayer}' code may not import the server-only package '${spec}'`;
    }
  }
  return null;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import table of ARCHITECTURE.md' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const fromLayer = layerOf(file);
    if (!fromLayer) return {};
    // Type-only imports vanish at runtime; they may still cross layers only to shared types, so they
    // are checked the same way except for the electron package (its types are harmless).
    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (typeOnly && packageName(spec) === 'electron') return;
      const msg = problem(fromLayer, spec, path.dirname(file));
      if (msg) context.report({ node, message: msg });
    };
    return {
      ImportDeclaration(node) {
        check(node, node.source, node.importKind === 'type');
      },
      ExportNamedDeclaration(node) {
        check(node, node.source, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source, node.exportKind === 'type');
      },
      ImportExpression(node) {
        check(node, node.source, false);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          check(node, node.arguments[0], false);
        }
      },
    };
  },
};

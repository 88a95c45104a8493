#!/usr/bin/env node
// The published entry point. It runs the bundled CLI (dist/policylint.cjs, one CommonJS
// file: no ES module loader to start) through vm.Script, with V8's code cache when there is
// one for this exact Node: compiling the bundle is most of what policylint adds to a cold
// start, and a cache hit skips it.
//
// The cache lives inside the package (.v8-cache/, one file per Node version, architecture
// and V8) and is written there, for the Node that runs it, by `npm run build` or by the first
// run that finds none. It is only loaded when it belongs to the owner of the bundle and no
// one else can write it or its folder (a code cache is code), and V8 itself rejects one made
// for other source or flags. Any problem (missing, stale, unreadable, rejected) falls back to
// an ordinary compile. POLICYLINT_CODE_CACHE=0 turns it off.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'policylint.cjs');
const cacheDir = path.join(root, '.v8-cache');
const cacheFile = path.join(cacheDir, `policylint-${process.version}-${process.arch}-v8-${process.versions.v8}.bin`);
const useCache = process.env.POLICYLINT_CODE_CACHE !== '0';

/** Written by the bundle's owner, and writable by no one else: the only cache worth trusting. */
function trustworthy(stat, owner) {
  return stat.uid === owner.uid && (stat.mode & 0o022) === 0;
}

/** The cache, or why there is none: 'missing' or 'untrusted'. */
function readCache(bundleStat) {
  try {
    if (!trustworthy(fs.statSync(cacheDir), bundleStat)) return 'untrusted';
    const fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    try {
      const stat = fs.fstatSync(fd);
      return stat.isFile() && trustworthy(stat, bundleStat) ? fs.readFileSync(fd) : 'untrusted';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return 'missing';
  }
}

/** After the run (so the functions it compiled are in the cache): write it atomically, or give up quietly. */
function writeCache(script) {
  try {
    fs.mkdirSync(cacheDir, { mode: 0o755 });
  } catch (error) {
    if (error.code !== 'EEXIST') return;
  }
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o644, flag: 'wx' });
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.unlinkSync(tmp);
    } catch {}
  }
}

const source = fs.readFileSync(bundle, 'utf8');
const bundleStat = fs.statSync(bundle);
const found = useCache ? readCache(bundleStat) : 'off';
const cachedData = typeof found === 'string' ? undefined : found;
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
const state = cachedData ? (script.cachedDataRejected ? 'rejected' : 'hit') : found;
if (process.env.POLICYLINT_DEBUG) process.stderr.write(`policylint: code cache ${state}: ${cacheFile}\n`);
// A cache someone else could have written is left alone: it is never loaded, nor replaced.
if (state === 'missing' || state === 'rejected') process.once('exit', () => writeCache(script));
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, bundle, path.dirname(bundle));

#!/usr/bin/env node
// Kept for `./bin/policylint.js FILE` from a clone; the package's bin is policylint.cjs
// (a CommonJS entry starts a few milliseconds sooner than an ES module one).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./policylint.cjs');

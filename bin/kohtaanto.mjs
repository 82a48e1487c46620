#!/usr/bin/env node
// The `kohtaanto` command. It runs the TypeScript sources through tsx so that the CLI works in a
// fresh checkout right after `npm install`, with no build step. The sources are CommonJS (the
// package has no "type": "module"), so tsx's require hook is the one to register.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const { main } = require('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

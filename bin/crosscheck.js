#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (postinstall runs the build).
import { main } from '../dist/cli/index.js';

const code = await main(process.argv);
process.exitCode = code;

#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (postinstall runs the build).
import { main } from '../dist/cli/index.js';

// `crosscheck search x | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await main(process.argv);
process.exitCode = code;

#!/usr/bin/env node
// The tgrisk command. Sources are TypeScript run through tsx's loader, so there is no build step
// that could leave a stale copy behind.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env);

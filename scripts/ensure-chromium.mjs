// Makes sure a Chromium exists for the browser tests. Does nothing when CHROMIUM_PATH or
// /usr/bin/chromium exists; installs Debian's package when running as root; otherwise
// explains what to set and fails.
/* global process, console */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH;
if (wanted && existsSync(wanted)) process.exit(0);
if (wanted) console.warn(`CHROMIUM_PATH=${wanted} does not exist; looking for /usr/bin/chromium instead.`);
if (existsSync('/usr/bin/chromium')) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error([
    'No Chromium found for the browser tests.',
    'Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary:',
    '  CHROMIUM_PATH=/path/to/chromium npm run test:e2e',
  ].join('\n'));
  process.exit(1);
}
console.log('No Chromium found; installing Debian\'s chromium package (about 30 s)...');
try {
  execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
} catch {
  console.error('Installing chromium with apt-get failed; install it by hand or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('apt-get finished but /usr/bin/chromium is still missing; set CHROMIUM_PATH.');
  process.exit(1);
}

import { chromium } from '@playwright/test';
const [url, out, w, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const p = await b.newPage({ viewport: { width: Number(w||1280), height: Number(h||800) } });
p.on('pageerror', (e) => console.log('PAGEERROR', e.message));
await p.goto(url); await p.waitForTimeout(5000);
if (process.env.SEND) { await p.evaluate((s) => window.podpath.send(JSON.parse(s)), process.env.SEND); await p.waitForTimeout(2500); }
if (process.env.EXEC) { const r = await p.evaluate((s) => window.podpath.exec(...JSON.parse(s)), process.env.EXEC); console.log(JSON.stringify(r).slice(0, 300)); await p.waitForTimeout(2500); }
if (process.env.PAUSE) { await p.getByRole('button', { name: 'Pause' }).click().catch(() => {}); }
const clip = process.env.CLIP ? (([x,y,cw,ch]) => ({ x, y, width: cw, height: ch }))(process.env.CLIP.split(',').map(Number)) : undefined;
await p.screenshot({ path: out, ...(clip ? { clip } : {}) }); await b.close();

import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The engine must stay pure: lint refuses React, the store, the DOM, timers, clocks and
// Math.random inside src/engine (but not in its tests, nor in the UI).
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('lint keeps the engine pure', () => {
  const cases: [string, string][] = [
    ['React', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['zustand', "import { create } from 'zustand';\nexport const x = create;\n"],
    ['the UI', "import { x } from '../ui/graph/build';\nexport const y = x;\n"],
    ['Math.random', 'export const x = Math.random();\n'],
    ['Date.now', 'export const x = Date.now();\n'],
    ['new Date', 'export const x = new Date();\n'],
    ['setTimeout', 'export const x = setTimeout(() => 1, 1);\n'],
    ['window', 'export const x = window.location;\n'],
    ['document', 'export const x = document.title;\n'],
    ['Node built-ins', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
  ];
  it.each(cases)('refuses %s in src/engine', async (_what, code) => {
    expect((await problems(code, 'src/engine/stack/example.ts')).length).toBeGreaterThan(0);
  });

  it('allows the same code in the UI and plain code in the engine', async () => {
    expect(await problems('export const x = Math.random();\n', 'src/ui/example.ts')).toEqual([]);
    expect(await problems('export const x = 1 + 2;\n', 'src/engine/stack/example.ts')).toEqual([]);
  });
});

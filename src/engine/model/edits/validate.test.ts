// What the inspector accepts, checked as the API server checks it.
import { describe, expect, it } from 'vitest';
import { checkLabelKey, checkLabelValue, checkName, checkPort, checkPortName, labelLines, parseLabelLines } from './validate';

describe('checking what a learner types', () => {
  it('accepts label keys with and without a prefix, and says what is wrong with others', () => {
    for (const ok of ['app', 'app.kubernetes.io/name', 'k8s-app', 'a_b.c', 'node-role.kubernetes.io/control-plane']) expect(checkLabelKey(ok)).toBeNull();
    expect(checkLabelKey('')).toMatch(/needs a key/);
    expect(checkLabelKey('-app')).toMatch(/starting and ending/);
    expect(checkLabelKey('Example.COM/app')).toMatch(/DNS subdomain/);
    expect(checkLabelKey('a'.repeat(64))).toMatch(/63/);
  });

  it('accepts empty and ordinary label values, not spaces or long ones', () => {
    expect(checkLabelValue('')).toBeNull();
    expect(checkLabelValue('v1.2_beta-3')).toBeNull();
    expect(checkLabelValue('two words')).toMatch(/letters, digits/);
    expect(checkLabelValue('x'.repeat(64))).toMatch(/63/);
  });

  it('checks names, port names and port numbers', () => {
    expect(checkName('web-1')).toBeNull();
    expect(checkName('api.v2')).toBeNull();
    expect(checkName('api.v2', 'label')).toMatch(/DNS-1123 label/);
    expect(checkName('Web')).toMatch(/subdomain/);
    expect(checkPortName('http')).toBeNull();
    expect(checkPortName('8080')).toMatch(/IANA/);
    expect(checkPort('80')).toBeNull();
    expect(checkPort('0')).toMatch(/1 to 65535/);
    expect(checkPort('http')).toMatch(/number/);
  });

  it('reads labels written one per line, and writes them back the same way', () => {
    expect(parseLabelLines('app=web\n\n tier = front \nflag')).toEqual({ labels: { app: 'web', tier: 'front', flag: '' }, errors: [] });
    expect(parseLabelLines('app=web\napp=api\nbad key=x').errors).toEqual(['line 2: the key app appears twice', 'line 3 (bad key=x): a key\'s name is letters, digits, "-", "_" and ".", starting and ending with a letter or digit']);
    expect(labelLines({ app: 'web', tier: 'front' })).toBe('app=web\ntier=front');
  });
});

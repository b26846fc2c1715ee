import { describe, expect, it } from 'vitest';
import { getopt, splitWords } from './parse';

describe('splitting a command line', () => {
  it('honours quotes and keeps variables as written', () => {
    expect(splitWords(`curl -H 'Host: shop.example.com' "http://a b/" $HOME`)).toEqual({ ok: true, argv: ['curl', '-H', 'Host: shop.example.com', 'http://a b/', '$HOME'] });
  });

  it('refuses pipes and lists with a message', () => {
    expect(splitWords('curl api | head')).toMatchObject({ ok: false, error: expect.stringContaining('"|"') });
    expect(splitWords('ping a && ping b')).toMatchObject({ ok: false, error: expect.stringContaining('&&') });
  });
});

describe('getopt', () => {
  const spec = { flags: ['v', 's', 'S', 'I', 'verbose'], values: ['m', 'H', 'max-time'], aliases: { verbose: 'v', 'max-time': 'm' } };

  it('reads grouped flags, attached and separate values, and long options', () => {
    const r = getopt(['-sSv', '-m5', '-H', 'Host: x', '--max-time=7', 'http://a/'], spec);
    expect(r.ok && [...r.flags].sort()).toEqual(['S', 's', 'v']);
    expect(r.ok && r.values.get('m')).toEqual(['5', '7']);
    expect(r.ok && r.values.get('H')).toEqual(['Host: x']);
    expect(r.ok && r.rest).toEqual(['http://a/']);
  });

  it('names the first option it does not know', () => {
    expect(getopt(['-x'], spec)).toEqual({ ok: false, bad: '-x' });
    expect(getopt(['--nope'], spec)).toEqual({ ok: false, bad: '--nope' });
  });
});

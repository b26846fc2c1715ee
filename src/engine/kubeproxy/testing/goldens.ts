// Test support: reading kube-proxy's upstream goldens in ../shared/reference (CI has shared/
// beside the checkout). The files are read by the tests (node:fs); this module only knows
// where they are and which part of each is the expected text. Used only by tests.

/** The URL of a reference file, for readFileSync. */
export function referenceUrl(name: string): URL {
  return new URL(`../../../../../shared/reference/${name}`, import.meta.url);
}

/**
 * An iptables golden's expected rules: everything after its "# ---- expected" line, with
 * leading blanks trimmed as assertIPTablesRulesEqual does (strings.TrimLeft " \t\n").
 */
export function iptablesGoldenRules(golden: string): string {
  const marker = golden.indexOf('\n', golden.indexOf('# ---- expected'));
  return golden.slice(marker + 1).replace(/^[ \t\n]+/, '');
}

/** TestMasqueradeRule's other variant (SetHasRandomFully(true)), as its header describes it. */
export function withRandomFully(expected: string): string {
  return expected.replace(
    '--comment "kubernetes service traffic requiring SNAT" -j MASQUERADE\n',
    '--comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully\n',
  );
}

// A rule kept as the words it was written with and parsed the first time anything reads it.
// A 10,000-Service node has ~180,000 kube-proxy rules, and a trace reads a few dozen of them;
// installing trusted writer output lazily keeps building the node cheap, and each rule is
// still parsed once, not per packet. Untrusted text goes through the eager parser instead, so
// its errors surface when it is loaded.
import type { IpFamily } from './addr';
import { internRule, type InternTable } from './intern';
import { parseRuleWords } from './parse-rule';
import type { Match, Rule, Target } from './rule-types';

export class LazyRule implements Rule {
  #parsed: Rule | undefined;
  readonly #words: readonly string[];
  readonly #start: number;
  readonly #family: IpFamily;
  readonly #intern: InternTable;

  constructor(words: readonly string[], start: number, family: IpFamily, intern: InternTable) {
    this.#words = words;
    this.#start = start;
    this.#family = family;
    this.#intern = intern;
  }

  #rule(): Rule {
    return (this.#parsed ??= internRule(this.#intern, parseRuleWords(this.#words, this.#family, this.#start)));
  }

  get matches(): readonly Match[] {
    return this.#rule().matches;
  }

  get target(): Target {
    return this.#rule().target;
  }

  get layout(): readonly number[] | undefined {
    return this.#rule().layout;
  }
}

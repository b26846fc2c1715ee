// The Service counts the rule-walk study measures at (a leaf module: the page offers them
// before the study itself loads).
export const RULE_WALK_SIZES = [10, 30, 100, 300, 1000, 3000, 10000] as const;

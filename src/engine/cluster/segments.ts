// The names of the L2 segments every scenario has: the nodes' own (kind's docker network) and
// the internet's. A leaf module: the page's graph layout reads them without the engine.
export const NODE_SEGMENT = 'kind';
export const INTERNET_SEGMENT = 'internet';

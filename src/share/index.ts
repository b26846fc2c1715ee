// Share links: the versioned codec (pure) and the one module that touches window.location.
export { decodeLink, encodeLink, MAX_LINK_BYTES, packText, unpackText } from './codec';
export { LINK_PANELS, LINK_VERSION, type Decoded, type LinkAt, type LinkPanel, type LinkState } from './types';
export { restoreLink } from './restore';

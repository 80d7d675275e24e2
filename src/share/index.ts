// The share link: the app's state in a URL hash and back (no DOM; the page adds the address).
export { decodeShare, describeIgnored, encodeShare, type Decoded, type Encoded } from './codec.js';
export { defaultShareState, type ShareState } from './state.js';
export { LINK_DATA_LIMIT, MAX_LINK_ITERATION } from './table.js';

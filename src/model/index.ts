export * from './hash.js';
export * from './item.js';
export * from './capture.js';
export * from './finding.js';

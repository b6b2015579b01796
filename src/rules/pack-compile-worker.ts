// A cold rule pack is compiled in this thread of its own (loadRulePack): the compile's
// intermediates (every rule's parsed YAML, the registry's and the matcher's build structures,
// 20-30 MB with every Pilkada region) go with this thread's heap, and the thread that asked
// restores the pack from the image posted back, as a warm start does. The young-generation bound
// is set again first, as in the scan's workers (pipeline/worker-young-generation.ts): starting a
// thread resets the process-wide flag.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
const { parentPort, workerData } = await import('node:worker_threads');
const { compileImage } = await import('./pack.js');
const image = await compileImage(workerData);
// the image's own buffer (not a slice of Node's pool) is moved, not copied
parentPort?.postMessage(image ?? null, image && image.byteOffset === 0 && image.byteLength === image.buffer.byteLength ? [image.buffer as ArrayBuffer] : []);

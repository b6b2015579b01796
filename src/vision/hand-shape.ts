// Raised fingers → the hand shape and the ballot number or pair sign it shows (domain.md §3.1).
// Pure: no model, so it is testable and usable without the optional packages.

export const FINGERS = ['thumb', 'index', 'middle', 'ring', 'pinky'] as const;
export type Finger = (typeof FINGERS)[number];

/** A hand shape that means a number or a pair sign (domain.md §3.1). */
export type HandShape = 'index' | 'thumb' | 'v' | 'three' | 'metal' | 'four' | 'five' | 'other';

/** The shape a set of raised fingers makes. */
export function shapeOf(raised: readonly Finger[]): HandShape {
  const key = FINGERS.filter((f) => raised.includes(f)).join('+');
  switch (key) {
    case 'index':
      return 'index';
    case 'thumb':
      return 'thumb';
    case 'index+middle':
      return 'v';
    case 'index+middle+ring':
    case 'middle+ring+pinky':
      return 'three';
    case 'thumb+index+pinky':
    case 'index+pinky':
      return 'metal';
    case 'index+middle+ring+pinky':
      return 'four';
    case 'thumb+index+middle+ring+pinky':
      return 'five';
    default:
      return 'other';
  }
}

/** The ballot number a shape shows and the emoji a registry writes it as. */
export const SHAPE_SIGN: Record<HandShape, { number?: number; emoji: string[] }> = {
  index: { number: 1, emoji: ['☝'] },
  // thumb up is 01 only where the registry says so (Pilpres 2019); elsewhere it is a "like"
  thumb: { emoji: ['👍'] },
  v: { number: 2, emoji: ['✌'] },
  three: { number: 3, emoji: [] },
  metal: { number: 3, emoji: ['🤟', '🤘'] },
  four: { number: 4, emoji: [] },
  // an open palm is a wave far more often than a "5"
  five: { emoji: [] },
  other: { emoji: [] },
};


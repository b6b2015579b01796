// Which model produced a vision reading: stored with every vision finding, so a reviewer (or a
// court) can tell exactly what looked at the photo.
import { z } from 'zod';

export const ModelInfo = z.object({
  /** the package that ran ("tesseract.js", "@vladmandic/human", "netral dHash") */
  name: z.string(),
  version: z.string(),
  /** the weights or data it used, with their package version */
  weights: z.string().optional(),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export function modelText(m: ModelInfo): string {
  return `${m.name} ${m.version}${m.weights ? ` (${m.weights})` : ''}`;
}

// Types of bench/generate-table.js for the tests that use the generator.
export declare const PROFILES: { clean: number; heavy: number };
export type Profile = 'clean' | 'heavy';
export interface GeneratedRow {
  id: string;
  created_at: string;
  username: string;
  author: string;
  text: string;
  url: string;
}
export declare function tableRows(count: number, profile?: Profile, seed?: number): Generator<{ violating: boolean; row: GeneratedRow }>;
export declare function generateJsonl(file: string, count: number, profile?: Profile): Promise<number[]>;
export declare function generateCsv(file: string, count: number, profile?: Profile): Promise<number[]>;
export declare function generateFacebookSplit(dir: string, count: number, profile?: Profile, options?: { perMember?: number; membersPerZip?: number }): Promise<number[]>;

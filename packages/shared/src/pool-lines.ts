/**
 * The lines of the pool streams a department instance serves to the county (NDJSON, one object a
 * line): the wire contract between the two services when a draw freezes its pools.
 */
export interface CandidateLine {
  uscc: string;
  /** The subject's name (a snapshot kept on the drawn visit; absent from departments older than it). */
  name?: string;
  region: string;
  category: string;
  supervisionTypes: string[];
  riskClass: "A" | "B" | "C" | "D";
  abnormalList: boolean;
  dishonest: boolean;
  seriousViolation: boolean;
  keySectors: string[];
}

/** An inspector (with declared conflicts) or an expert (categories = expertise) of one department. */
export interface PersonLine {
  id: number;
  name: string;
  categories: string[];
  region: string;
  status?: string;
  conflicts?: string[];
}

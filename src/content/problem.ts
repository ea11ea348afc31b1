// A problem found in the course content, as every content rule reports it.

/** One thing wrong in the content: which file, which field, what. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

/** A rule broken by one field of an input, in the shape of problem+json `errors[]`. */
export interface FieldProblem {
  field: string;
  message: string;
  code: string;
}

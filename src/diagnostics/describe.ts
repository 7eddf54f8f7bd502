/** Words for schema expectations (zod's `expected` names), shared by framework and survey messages. */
export function describeExpected(expected: string): string {
  switch (expected) {
    case "int":
      return "a whole number";
    case "object":
      return "a mapping (key: value)";
    case "array":
      return "a list";
    case "string":
      return "a text";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "null":
      return "empty";
    default:
      return expected;
  }
}

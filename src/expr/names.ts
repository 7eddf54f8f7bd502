import type { ExprNode, ParsedExpr } from "./ast.js";
import { childrenOf } from "./ast.js";

/** The names an expression reads (inputs and derived values): unique, in first-use order. */
export function namesOf(expr: ParsedExpr): string[] {
  const seen = new Set<string>();
  const visit = (node: ExprNode): void => {
    if (node.kind === "name") seen.add(node.name);
    else for (const child of childrenOf(node)) visit(child);
  };
  visit(expr.ast);
  return [...seen];
}

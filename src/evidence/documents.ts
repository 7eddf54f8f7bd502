/**
 * Evidence documents behind self-assessed claims: which claims (self > 0) have documents
 * (from the points table's `documents` column or the register), which required documents
 * (the criterion's `evidence:` list) are still missing, and the `self-without-evidence`
 * warnings the Ministry's guidance calls for. Pure.
 */
import { ZERO, type Decimal } from "../core/decimal.js";
import type { CalendarDate } from "../core/value.js";
import { type Diagnostic, diag } from "../diagnostics/index.js";
import type { CompiledFramework } from "../framework/ir.js";
import type { EvidenceSet } from "./model.js";
import type { RegisterEntry } from "./register.js";

/** A document given for a claim. */
export interface ClaimDocument {
  /** Title (register) or the text of the `documents` cell item (a number or a title). */
  readonly document: string;
  readonly number?: string;
  readonly date?: CalendarDate;
  readonly link?: string;
  readonly source: "points" | "register";
}

/** One self-assessed claim and its documents. */
export interface ClaimCheck {
  readonly unit: string;
  readonly criterion: string;
  readonly self: Decimal;
  readonly documents: readonly ClaimDocument[];
  /** The claim has an explanation note in the points table. */
  readonly explained: boolean;
  /** Documents of the criterion's `evidence:` list that no document of the claim names. */
  readonly missing: readonly string[];
}

export interface DocumentsCheck {
  /** Every claim with self > 0, by unit (registry order) then framework order. */
  readonly claims: readonly ClaimCheck[];
  /** `self-without-evidence` warnings. */
  readonly diagnostics: readonly Diagnostic[];
}

const norm = (s: string): string => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Whether a document names a required title: the same text (NFC, case and spaces aside),
 * or the title followed by more words (`Kế hoạch CCHC năm 2025 số 12/KH-UBND` names
 * `Kế hoạch CCHC năm`, while `Báo cáo CCHC quý II` does not name `Báo cáo CCHC quý I`).
 */
export function namesTitle(document: string, title: string): boolean {
  const d = norm(document);
  const t = norm(title);
  if (t === "" || !d.startsWith(t)) return false;
  const next = d.slice(t.length, t.length + 1);
  return next === "" || !/[\p{L}\p{N}]/u.test(next);
}

/**
 * Checks every claim (a points-table row with `self` > 0) for documents. A claim with
 * neither a document nor a note is warned about (`self-without-evidence`). When the
 * criterion lists its documents (`evidence:` as a list), each one must be named by a
 * document of the claim (by title); with `evidence:` as one text, any document will do.
 */
export function checkDocuments(framework: CompiledFramework, evidence: EvidenceSet, register: readonly RegisterEntry[] = []): DocumentsCheck {
  const byClaim = new Map<string, RegisterEntry[]>();
  for (const r of register) {
    const key = `${r.unit}\u0000${r.criterion}`;
    const list = byClaim.get(key);
    if (list === undefined) byClaim.set(key, [r]);
    else list.push(r);
  }
  const order = new Map<string, number>();
  framework.nodes.forEach((n) => order.set(n.id, n.index));
  framework.adjustments.forEach((a, i) => order.set(a.id, framework.nodes.length + i));
  const required = new Map<string, readonly string[]>();
  for (const n of framework.nodes) if (n.documents !== undefined) required.set(n.id, n.documents);

  const claims: ClaimCheck[] = [];
  const diagnostics: Diagnostic[] = [];
  const codes = evidence.units.map((u) => u.code);
  for (const code of evidence.byUnit.keys()) if (!codes.includes(code)) codes.push(code);
  for (const unit of codes) {
    const table = evidence.byUnit.get(unit)?.points;
    if (table === undefined) continue;
    const ids = [...table.keys()].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
    for (const criterion of ids) {
      const entry = table.get(criterion)!;
      if (entry.self === undefined || !entry.self.gt(ZERO)) continue;
      const docs: ClaimDocument[] = [];
      for (const d of entry.documents ?? []) docs.push({ document: d, source: "points" });
      for (const r of byClaim.get(`${unit}\u0000${criterion}`) ?? []) {
        docs.push({
          document: r.document,
          source: "register",
          ...(r.number !== undefined && { number: r.number }),
          ...(r.date !== undefined && { date: r.date }),
          ...(r.link !== undefined && { link: r.link }),
        });
      }
      const explained = entry.note !== undefined && entry.note.trim() !== "";
      const needs = required.get(criterion);
      const missing =
        needs === undefined
          ? docs.length === 0 && framework.nodeById.get(criterion)?.evidence !== undefined
            ? [framework.nodeById.get(criterion)!.evidence!]
            : []
          : needs.filter((title) => !docs.some((d) => namesTitle(d.document, title)));
      claims.push({ unit, criterion, self: entry.self, documents: docs, explained, missing });
      if (docs.length === 0 && !explained) {
        diagnostics.push(diag("self-without-evidence", { unit, criterion, self: entry.self.toString() }, { ...entry.where, unit, criterion }));
      }
    }
  }
  return { claims, diagnostics };
}

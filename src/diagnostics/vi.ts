/**
 * Vietnamese for the phrases that reach messages as params (type names, short
 * descriptions built by the checks). A phrase with no Vietnamese here is kept as
 * written, so nothing is lost; ids, codes and quoted input text are never translated.
 */
const PHRASES: Readonly<Record<string, string>> = {
  // why a file cannot be read (details of file-unreadable, evidence-unreadable)
  "no such file": "không có tệp này",
  "a folder": "đây là một thư mục",
  // value types and expectations
  "a whole number": "một số nguyên",
  "a mapping (key: value)": "một ánh xạ (khóa: giá trị)",
  "a list": "một danh sách",
  "a text": "một chuỗi văn bản",
  "a number": "một số",
  "true or false": "true hoặc false",
  empty: "để trống",
  number: "số",
  boolean: "điều kiện đúng/sai",
  text: "văn bản",
  date: "ngày",
  percent: "tỷ lệ phần trăm",
  ratio: "tỷ lệ",
  integer: "số nguyên",
  enum: "giá trị liệt kê",
  "a date": "một ngày",
  "a number, a name or true/false": "một số, một tên hoặc true/false",
  "a name or a mapping { weights: ... }": "một tên hoặc một ánh xạ { weights: ... }",
  "a mapping group: weight": "một ánh xạ nhóm: trọng số",
  "a decimal between 0 and 1": "một số thập phân từ 0 đến 1",
  // file kinds
  "unit registry": "danh mục đơn vị",
  "points table": "bảng điểm",
  "inputs file": "tệp số liệu",
  "long inputs": "số liệu dạng dọc",
  "wide inputs": "số liệu dạng ngang",
  "JSON evidence": "số liệu JSON",
  "long-form inputs file": "tệp số liệu dạng dọc",
  "wide-form inputs file": "tệp số liệu dạng ngang",
  "JSON evidence file": "tệp số liệu JSON",
  file: "tệp",
  evidence: "tệp số liệu",
  "an object": "một đối tượng",
  null: "null",
  "one of the allowed names": "một trong các tên được phép",
  "one of true/false, 1/0, yes/no, x, có/không, đạt/không đạt": "một trong các giá trị true/false, 1/0, yes/no, x, có/không, đạt/không đạt",
  "a real calendar date such as 2024-01-15 or 15/01/2024 (day/month/year)": "một ngày có thật như 2024-01-15 hoặc 15/01/2024 (ngày/tháng/năm)",
  'an object {"units": {...}}': 'một đối tượng {"units": {...}}',
  '"units": an object keyed by unit code': '"units": một đối tượng có khóa là mã đơn vị',
  'an object {"inputs": {...}, "points": {...}}': 'một đối tượng {"inputs": {...}, "points": {...}}',
  '"inputs": an object of input values': '"inputs": một đối tượng chứa giá trị số liệu',
  '"points": an object keyed by criterion id': '"points": một đối tượng có khóa là mã tiêu chí',
  input: "số liệu đầu vào",
  derived: "giá trị dẫn xuất",
  // CSV quoting (evidence, survey responses and ratings)
  "a quoted cell is followed by text before the next delimiter": "sau một ô trong dấu nháy có chữ trước dấu phân cách tiếp theo",
  "a quote appears inside a cell that does not start with a quote": "có dấu nháy bên trong một ô không bắt đầu bằng dấu nháy",
  "a quoted cell is never closed": "một ô mở dấu nháy nhưng không đóng",
  // JSON syntax
  "a string is not closed": "một chuỗi không được đóng dấu nháy",
  // saved results (par-index score --format json)
  "the file is not a JSON object": "tệp không phải là một đối tượng JSON",
  '"framework" must be an object with "id" (text) and "year" (number)': '"framework" phải là một đối tượng có "id" (văn bản) và "year" (số)',
  '"units" must be an array of units': '"units" phải là một danh sách các đơn vị',
  'each unit must be an object with a "unit" code': 'mỗi đơn vị phải là một đối tượng có mã "unit"',
  '"rank" must be a whole number': '"rank" phải là một số nguyên',
  'an adjustment needs "id" and "points"': 'mỗi điểm cộng/trừ cần có "id" và "points"',
  '"criteria" must be an array': '"criteria" phải là một danh sách',
  'a criterion needs "id"': 'mỗi tiêu chí cần có "id"',
  // what a points check is about
  "boolean true": "điểm khi đúng (true)",
  "boolean false": "điểm khi sai (false)",
  "deduct floor": "mức sàn của quy tắc trừ điểm (floor)",
  "deduct per": "số điểm trừ mỗi lần (per)",
  "deadline late": "điểm khi nộp chậm (late)",
  "deadline missing": "điểm khi không nộp (missing)",
  // survey
  "sipas.overall is the overall index": "sipas.overall là chỉ số chung",
  "it is a fixed column of the responses": "đây là cột cố định của tệp phiếu trả lời",
  group: "nhóm",
  element: "yếu tố",
  item: "câu hỏi",
};

const PATTERNS: ReadonlyArray<readonly [RegExp, (...m: string[]) => string]> = [
  [/^ ?Did you mean "(.*)"\?$/s, (_, s) => ` Có phải là "${s}"?`],
  [/^a decimal number such as (\S+) or (\S+)$/s, (_, a, b) => `một số thập phân như ${a} hoặc ${b}`],
  [/^a whole number such as (\S+) or (\S+)$/s, (_, a, b) => `một số nguyên như ${a} hoặc ${b}`],
  [/^a ratio between 0 and 1 such as (\S+), or a percentage such as (\S+)$/s, (_, a, b) => `một tỷ lệ từ 0 đến 1 như ${a}, hoặc một tỷ lệ phần trăm như ${b}`],
  [/^a percentage between 0 and 100 such as (\S+) or (\S+)$/s, (_, a, b) => `một tỷ lệ phần trăm từ 0 đến 100 như ${a} hoặc ${b}`],
  [/^a real calendar date \((.*) does not exist\), such as (\S+) or (\S+)$/s, (_, d, a, b) => `một ngày có thật (không có ngày ${d}), như ${a} hoặc ${b}`],
  [/^unexpected (.*?); expected (.*)$/s, (_, f, e) => `gặp ${viPhrase(f)} ở vị trí cần ${viPhrase(e)}`],
  [/^unexpected (.*) after the end of the JSON value$/s, (_, f) => `gặp ${viPhrase(f)} sau khi giá trị JSON đã kết thúc`],
  [/^unexpected (.*)$/s, (_, f) => `gặp ${viPhrase(f)} không đúng chỗ`],
  [/^a key in double quotes$/s, () => "một khóa trong dấu nháy kép"],
  [/^a value$/s, () => "một giá trị"],
  [/^(".*") after the key$/s, (_, c) => `${c} sau khóa`],
  [/^the end of the file$/s, () => "cuối tệp"],
  [/^bad escape (".*") in a string$/s, (_, e) => `ký tự thoát ${e} không hợp lệ trong chuỗi`],
  [/^nesting deeper than (\d+) levels$/s, (_, n) => `lồng sâu quá ${n} cấp`],
  [/^expected a number, found (.*)$/s, (_, f) => `cần một số, nhưng gặp ${f === "nothing" ? "giá trị trống" : f}`],
  [/^the unit (".*") appears twice$/s, (_, u) => `đơn vị ${u} xuất hiện hai lần`],
  [/^"status" must be scored, missing or not_applicable, not (.*)$/s, (_, v) => `"status" phải là scored, missing hoặc not_applicable, không phải ${v}`],
  [/^band (\S+) \(otherwise\)$/s, (_, l) => `khoảng ${l} (otherwise)`],
  [/^band (\S+)$/s, (_, l) => `khoảng ${l}`],
  [/^choice (".*")$/s, (_, c) => `lựa chọn ${c}`],
  [/^(.+?) or (.+)$/s, (_, a, b) => `${viPhrase(a)} hoặc ${viPhrase(b)}`],
  [/^(string|number|boolean) (.*)$/s, (_, t, v) => `${viPhrase(t === "string" ? "text" : t)} ${v}`],
  [/^one of (.*)$/s, (_, list) => `một trong các giá trị ${list}`],
  [/^the bands value of "(.*)"$/s, (_, id) => `giá trị xét khoảng (bands) của "${id}"`],
  [/^applies_if of "(.*)"$/s, (_, id) => `điều kiện áp dụng (applies_if) của "${id}"`],
  [/^the expr rule of "(.*)"$/s, (_, id) => `quy tắc biểu thức (expr) của "${id}"`],
  [/^the (\w+) value of "(.*)"$/s, (_, kind, id) => `giá trị ${kind} của "${id}"`],
];

/** The Vietnamese of a phrase built elsewhere; the phrase itself when none is known. */
export function viPhrase(text: string | undefined): string {
  if (text === undefined || text === "") return "";
  const known = PHRASES[text];
  if (known !== undefined) return known;
  for (const [re, f] of PATTERNS) {
    const m = re.exec(text);
    if (m) return f(...(m as unknown as string[]));
  }
  return text;
}

/** A Vietnamese did-you-mean sentence (` Có phải là "x"?`), or nothing. */
export function viHint(suggestion: string | undefined): string {
  return suggestion ? ` Có phải là "${suggestion}"?` : "";
}

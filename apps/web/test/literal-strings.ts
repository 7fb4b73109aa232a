/**
 * @module Finds the words a component writes itself instead of saying through the catalogue: JSX text, text-bearing
 * attributes (aria-label, title, placeholder, alt, label) given a string, and strings a JSX child expression yields
 * (`{busy ? 'Saving…' : 'Save'}`, `{`${n} agents`}`). Read with the TypeScript compiler's parser, so formatting and
 * line breaks do not hide a word. Org data (names, codes) never appears as a literal, so anything found is ours.
 */
import ts from 'typescript';

export interface Literal {
  line: number;
  text: string;
}

// Attributes whose value a person reads or hears; class names, ids, roles and keys are not words.
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

const hasWord = (s: string) => /\p{L}/u.test(s);

/** Each literal string the file's components render, with its line. */
export function literalStrings(fileName: string, source: string): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) => {
    if (hasWord(text))
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: text.trim() });
  };

  // The strings an expression can evaluate to (its result positions), not those it compares or passes on.
  const results = (e: ts.Expression): void => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) add(e, e.text);
    else if (ts.isTemplateExpression(e)) add(e, [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' '));
    else if (ts.isParenthesizedExpression(e)) results(e.expression);
    else if (ts.isConditionalExpression(e)) {
      results(e.whenTrue);
      results(e.whenFalse);
    } else if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op !== ts.SyntaxKind.AmpersandAmpersandToken) {
        // `a || 'x'`, `a ?? 'x'`, `'x' + a`: either side may be what is shown.
        if (
          op === ts.SyntaxKind.BarBarToken ||
          op === ts.SyntaxKind.QuestionQuestionToken ||
          op === ts.SyntaxKind.PlusToken
        )
          results(e.left);
        else return;
      }
      results(e.right);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) add(node, node.text);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) add(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) results(init.expression);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      results(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

/**
 * The criteria reader stays a pipeline of small parts (issue 18): no file over 250 lines and no
 * function over 60, so each reader, finder and refiner can be read, and tested, on its own.
 */
const root = fileURLToPath(new URL('../../src/criteria/', import.meta.url));
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(root, name));

const LONGEST_FILE = 250;
const LONGEST_FUNCTION = 60;

interface Node {
  type: string;
  loc?: { start: { line: number }; end: { line: number } };
  [key: string]: unknown;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'ObjectMethod']);

/** Every function in a file with its first line and its length in lines. */
function functionsOf(source: string): Array<{ line: number; lines: number }> {
  const found: Array<{ line: number; lines: number }> = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const each of node) visit(each);
      return;
    }
    const { type, loc } = node as Node;
    if (typeof type === 'string' && FUNCTIONS.has(type) && loc) found.push({ line: loc.start.line, lines: loc.end.line - loc.start.line + 1 });
    for (const [key, value] of Object.entries(node)) if (key !== 'loc' && key !== 'leadingComments' && key !== 'trailingComments') visit(value);
  };
  visit(parse(source, { sourceType: 'module', plugins: ['typescript'] }).program);
  return found;
}

describe('the shape of src/criteria', () => {
  it('reads every file', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(functionsOf('const f = () => {\n  return 1;\n};')).toEqual([{ line: 1, lines: 3 }]);
  });

  it(`has no file over ${LONGEST_FILE} lines`, () => {
    const long = files.map((file) => ({ file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length })).filter(({ lines }) => lines > LONGEST_FILE);
    expect(long).toEqual([]);
  });

  it(`has no function over ${LONGEST_FUNCTION} lines`, () => {
    const long = files.flatMap((file) =>
      functionsOf(readFileSync(file, 'utf8'))
        .filter(({ lines }) => lines > LONGEST_FUNCTION)
        .map(({ line, lines }) => `${relative(root, file)}:${line} (${lines} lines)`),
    );
    expect(long).toEqual([]);
  });
});

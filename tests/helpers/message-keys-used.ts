import { join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Which catalogue keys the code a page runs can ask for, read off its source with the type
 * checker: every string literal that spells a key, wherever it stands (`t('label.next')`, a
 * `MessageKey` field of a table), and every template that builds one: `phase.${phase}` names each
 * key the types of its parts allow, and `error.${code}` with `code: string` every key it can
 * match. It errs on the side of counting: a page loading a key it does not need costs bytes, one
 * missing a key it shows costs a raw key on screen. Only value imports are followed from the
 * page's entry (a type-only import ships nothing). Keys glued with `+` are not seen: the code
 * builds none that way.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface KeyUse {
  key: string;
  /** Where it is asked for, relative to the repository: `renderer/views/speaker/SpeakerView.tsx:42`. */
  at: string;
}

export interface KeyReader {
  /** The source files the entry's page runs (value imports only, transitively). */
  filesOf(entry: string): string[];
  /** The keys of `known` those files ask for, each with one place that asks. */
  keysUsedBy(entry: string, known: ReadonlySet<string>): KeyUse[];
}

export function keyReader(tsconfig = join(ROOT, 'tsconfig.web.json')): KeyReader {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`${tsconfig} could not be read`);
  const options = config.options;
  const program = ts.createProgram({ rootNames: config.fileNames, options });
  const checker = program.getTypeChecker();
  const host = ts.createCompilerHost(options);

  function valueImports(file: ts.SourceFile): string[] {
    const specifiers: string[] = [];
    for (const s of file.statements) {
      if (ts.isImportDeclaration(s)) {
        const clause = s.importClause;
        if (clause?.isTypeOnly) continue;
        const bindings = clause?.namedBindings;
        const named = clause !== undefined && clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings);
        if (!(named && onlyTypes(bindings.elements)) && ts.isStringLiteral(s.moduleSpecifier)) specifiers.push(s.moduleSpecifier.text);
      } else if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
        const named = s.exportClause !== undefined && ts.isNamedExports(s.exportClause);
        if (!(named && onlyTypes(s.exportClause.elements))) specifiers.push(s.moduleSpecifier.text);
      }
    }
    // Dynamic `import('…')` loads code too.
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteralLike(arg)) specifiers.push(arg.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    const resolved: string[] = [];
    for (const spec of specifiers) {
      const hit = ts.resolveModuleName(spec, file.fileName, options, host).resolvedModule;
      const ours = hit && !hit.isExternalLibraryImport && /\.tsx?$/.test(hit.resolvedFileName) && !hit.resolvedFileName.endsWith('.d.ts');
      if (ours) resolved.push(resolve(hit.resolvedFileName));
    }
    return resolved;
  }

  function filesOf(entry: string): string[] {
    const seen = new Set<string>();
    const todo = [resolve(ROOT, entry)];
    while (todo.length > 0) {
      const name = todo.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const file = program.getSourceFile(name);
      if (!file) throw new Error(`${name} is not part of ${tsconfig}`);
      todo.push(...valueImports(file));
    }
    return [...seen].sort();
  }

  /** The string values a type can take, or null when it can be any string. */
  function stringsOf(type: ts.Type): string[] | null {
    if (type.isStringLiteral()) return [type.value];
    if (type.isNumberLiteral()) return [String(type.value)];
    if (type.isUnion()) {
      const out: string[] = [];
      for (const t of type.types) {
        if (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
        const part = stringsOf(t);
        if (part === null) return null;
        out.push(...part);
      }
      return out;
    }
    if (type.flags & ts.TypeFlags.BooleanLiteral) return [checker.typeToString(type)];
    return null;
  }

  function templateKeys(node: ts.TemplateExpression, known: ReadonlySet<string>): string[] {
    let texts = [node.head.text];
    let pattern = escape(node.head.text);
    let open = false;
    for (const span of node.templateSpans) {
      const values = stringsOf(checker.getTypeAtLocation(span.expression));
      if (values === null) open = true;
      else texts = texts.flatMap((t) => values.map((v) => t + v + span.literal.text));
      if (open) pattern += `.+${escape(span.literal.text)}`;
      else pattern += `(?:${(values ?? []).map(escape).join('|')})${escape(span.literal.text)}`;
    }
    // A part typed `string` could be anything: every key of the template's shape counts, if the
    // template starts with a key's prefix (`${path}${search}` is no key).
    if (open) {
      if (node.head.text === '') return [];
      const re = new RegExp(`^${pattern}$`);
      return [...known].filter((k) => re.test(k));
    }
    return texts.filter((t) => known.has(t));
  }

  function keysIn(file: ts.SourceFile, known: ReadonlySet<string>): KeyUse[] {
    const uses: KeyUse[] = [];
    const at = (node: ts.Node) => `${file.fileName.slice(ROOT.length + 1)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) && known.has(node.text) && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node)) {
        uses.push({ key: node.text, at: at(node) });
      } else if (ts.isTemplateExpression(node)) {
        for (const key of templateKeys(node, known)) uses.push({ key, at: at(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return uses;
  }

  return {
    filesOf,
    keysUsedBy(entry, known) {
      // The catalogues name every key they hold; what counts is who asks for one.
      return filesOf(entry)
        .filter((name) => !CATALOGUE_FILE.test(name))
        .flatMap((name) => keysIn(program.getSourceFile(name)!, known));
    },
  };
}

/** `import { type A, type B } from …` ships nothing; `import {} from …` runs the module. */
const onlyTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) => elements.length > 0 && elements.every((e) => e.isTypeOnly);

const CATALOGUE_FILE = /[\\/]shared[\\/]i18n[\\/](?:en|zh|parts[\\/][^\\/]+)\.ts$/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

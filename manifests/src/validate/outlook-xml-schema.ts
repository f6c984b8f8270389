import { readFile } from 'node:fs/promises';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const SCHEMAS = new URL('../../schemas/', import.meta.url);
const MAIN = 'officeapp.xsd';
const IMPORTED = [
  'mailappversionoverrides-1.0.xsd',
  'mailappversionoverrides-1.1.xsd',
  'officeappbasictypes.xsd',
];

let schemas: Promise<XMLFileInfo[]> | null = null;
const schemaFile = async (fileName: string): Promise<XMLFileInfo> => ({
  fileName,
  contents: await readFile(new URL(fileName, SCHEMAS), 'utf8'),
});

/**
 * What is wrong with an Outlook XML manifest against the schemas in manifests/schemas (ours, in
 * Microsoft's namespaces and structure; see their README), checked by libxml2 compiled to
 * WebAssembly, so it runs anywhere Node does. Empty when valid.
 */
export async function outlookXmlProblems(xml: string): Promise<string[]> {
  schemas ??= Promise.all([MAIN, ...IMPORTED].map(schemaFile));
  const [main, ...imported] = await schemas;
  const result = await validateXML({
    xml: [{ fileName: 'outlook.xml', contents: xml }],
    schema: [main!],
    preload: imported,
  });
  return result.valid
    ? []
    : result.errors.map((error) => error.message.replace(/^Schemas validity error : /, ''));
}

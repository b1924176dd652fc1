/**
 * Which files in a model folder hold license text. Model repositories name
 * them freely ("LICENSE-MODEL", "MODEL_LICENSE_AGREEMENT.txt",
 * "MiniCPM Model License.md", "Tongyi Qianwen LICENSE AGREEMENT"), so besides
 * the usual prefixes any text file with "license" or "licence" as a word counts.
 */

const PREFIX = /^(?:licen[cs]e|licen[cs]ing|model[_ -]?licen[cs]e|notice|copying)(?:$|[._ -])/i;
const WORD = /(?:^|[\s_.-])licen[cs]e(?:$|[\s_.-])/i;
const TEXT_EXTENSION = /(?:^[^.]*$|\.(?:md|txt|rst|markdown)$)/i;
// "LICENSE-SDXL1.0" and "LICENSE.pdf" are license files; "license_utils.py" is code.
const CODE_OR_DATA = /\.(?:py|[cm]?js|tsx?|jsx|json|ya?ml|toml|ini|cfg|sh|bat|c|h|cc|cpp|hpp|go|rs|java|kt|rb|php|ipynb|safetensors|bin|gguf|pt|pth|onnx|png|jpe?g|gif|svg)$/i;

/**
 * True for LICENSE*, LICENCE*, MODEL_LICENSE*, NOTICE*, COPYING* and other text files named as a license.
 * @example isLicenseFileName('models/llama3_1/LICENSE') // true
 */
export function isLicenseFileName(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  if (name.length === 0 || CODE_OR_DATA.test(name)) return false;
  if (PREFIX.test(name)) return true;
  return WORD.test(name) && TEXT_EXTENSION.test(name.replace(/ /g, '_'));
}

import { B64, runOf } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

// AccountKey= is an 88-character base64 storage key (64 bytes); SharedAccessKey= a 44-character one (32 bytes).
const LENGTH: Readonly<Record<string, number>> = { 'AccountKey=': 88, 'SharedAccessKey=': 44 };

/** Azure storage account keys and Service Bus / Event Hubs shared access keys in connection strings. */
export const azureStorageKey = defineDetector({
  id: 'secret/azure-storage-key',
  title: 'Azure storage or shared access key',
  description: 'AccountKey=<88 base64> or SharedAccessKey=<44 base64> in an Azure connection string.',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'AZURE_KEY',
  trigger: 'anchor',
  anchors: ['AccountKey=', 'SharedAccessKey='],
  matchAt(text, at, anchor) {
    const want = LENGTH[anchor];
    if (want === undefined) return undefined;
    const start = at + anchor.length;
    const body = runOf(text, start, B64, want);
    let end = start + body;
    while (text[end] === '=' && end - start < want) end++;
    if (end - start !== want || text[end - 1] !== '=') return undefined;
    return { start, end };
  },
});

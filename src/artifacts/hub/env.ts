/** Where the hub client's endpoint and token come from when the caller does not say. */

/** The public Hugging Face hub, used when `HF_ENDPOINT` is unset. */
export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

/** Endpoint and token read from an environment record (usually `process.env`). */
export interface HubEnvOptions {
  endpoint: string;
  token: string | undefined;
}

/**
 * Read `HF_ENDPOINT` and `HF_TOKEN` (falling back to the older
 * `HUGGING_FACE_HUB_TOKEN`) from the given record; blank values count as unset.
 *
 * @example
 * const client = createHubClient({ ...hubOptionsFromEnv(process.env), cacheDir });
 */
export function hubOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): HubEnvOptions {
  const endpoint = env.HF_ENDPOINT?.trim() || DEFAULT_HUB_ENDPOINT;
  const token = env.HF_TOKEN?.trim() || env.HUGGING_FACE_HUB_TOKEN?.trim() || undefined;
  return { endpoint: endpoint.replace(/\/+$/, ''), token };
}

/**
 * The bytes sent upstream. The client's bytes go out untouched unless the
 * deployment's model name differs or redaction changed the body. A rename
 * alone splices the new name into the client's bytes; a redacted body is
 * serialized. Either is done once per distinct upstream model name.
 */
import { modelValueSpan } from '../http/model-span.js';

/** Request bytes per deployment, serialized at most once per upstream model. */
export class OutgoingBody {
  private lastModel: string | undefined;
  private lastText: Buffer | string | undefined;
  private readonly clientModel: unknown;

  constructor(
    private readonly raw: Buffer,
    private readonly body: Record<string, unknown>,
    private readonly changed: boolean,
  ) {
    this.clientModel = body.model;
  }

  /** The body for a deployment that wants `upstreamModel` (undefined: keep the client's). */
  for(upstreamModel: string | undefined): Buffer | string {
    if (!this.changed && (upstreamModel === undefined || upstreamModel === this.clientModel)) return this.raw;
    if (this.lastText !== undefined && this.lastModel === upstreamModel) return this.lastText;
    this.lastModel = upstreamModel;
    this.lastText = (!this.changed && this.splice(upstreamModel)) || this.serialize(upstreamModel);
    return this.lastText;
  }

  /** The client's bytes with only the model's value replaced, when it can be found. */
  private splice(upstreamModel: string | undefined): Buffer | undefined {
    const span = upstreamModel === undefined ? undefined : modelValueSpan(this.raw);
    if (!span) return undefined;
    return Buffer.concat([this.raw.subarray(0, span[0]), Buffer.from(JSON.stringify(upstreamModel)), this.raw.subarray(span[1])]);
  }

  private serialize(upstreamModel: string | undefined): string {
    this.body.model = upstreamModel ?? this.clientModel;
    return JSON.stringify(this.body);
  }
}

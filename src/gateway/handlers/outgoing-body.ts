/**
 * The bytes sent upstream. The client's bytes go out untouched unless the
 * deployment's model name differs or redaction changed the body; then the
 * parsed body is serialized once per distinct upstream model name.
 */

/** Request bytes per deployment, serialized at most once per upstream model. */
export class OutgoingBody {
  private lastModel: string | undefined;
  private lastText: string | undefined;
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
    this.body.model = upstreamModel ?? this.clientModel;
    this.lastModel = upstreamModel;
    this.lastText = JSON.stringify(this.body);
    return this.lastText;
  }
}

/** Validate BOM text against the CycloneDX 1.6 JSON schema, strictly (no unknown properties). */
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

/** `null` when valid, else the validator's error details. */
export async function validateCycloneDx16(text: string): Promise<unknown> {
  return new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text);
}

// Generated from data/facts.schema.json by `npm run facts:build`; do not edit. Types of validate-facts.js.
import type { ErrorObject } from 'ajv';
import type { FactsFileInput } from '../types.js';

/** Ajv's validator: true for a well-shaped facts file; else `errors` holds the first error. */
export interface FactsValidator {
  (data: unknown): data is FactsFileInput;
  errors?: ErrorObject[] | null;
}
export declare const validate: FactsValidator;
export default validate;

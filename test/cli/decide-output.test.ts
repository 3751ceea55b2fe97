// The hand-written output line is byte-identical to JSON.stringify of the documented shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeOutputLine } from '../../lib/cli/decide-output.ts';

describe('serializeOutputLine', () => {
  it('equals JSON.stringify of { id, outputs, reasons, decision_key } for any strings (property)', () => {
    const text = fc.string({ unit: 'binary' });
    fc.assert(fc.property(text, fc.dictionary(text, text), fc.array(fc.record({ code: text, message: text })), text, (id, outputs, reasons, key) => {
      expect(serializeOutputLine({ id, outputs, reasons, decisionKey: key })).toBe(JSON.stringify({ id, outputs, reasons, decision_key: key }));
      expect(serializeOutputLine({ id, outputs, reasons: null, decisionKey: key })).toBe(JSON.stringify({ id, outputs, decision_key: key }));
      const sideEffects = [{ type: 'create_task', ownerId: id, subject: key }];
      expect(serializeOutputLine({ id, outputs, reasons, decisionKey: key, sideEffects })).toBe(JSON.stringify({ id, outputs, reasons, decision_key: key, sideEffects }));
    }), { numRuns: 300 });
  });
});

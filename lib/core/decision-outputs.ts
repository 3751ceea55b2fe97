// The decision as a workflow sees it: the output fields of the "Decide lead" workflow action
// (`lead-decisions serve`, POST /workflow-actions/decide) and of the custom code actions.
// One list, so the action's hsmeta file, the service and the bundles cannot drift apart.
import { TIERS } from './contract.ts';

export type OutputType = 'string' | 'number' | 'enumeration' | 'datetime' | 'bool';

export interface OutputFieldSpec {
  name: string;
  type: OutputType;
  label: string;
  options?: readonly string[];
}

/** The workflow action's output fields, in the order the workflow editor lists them. */
export const DECISION_OUTPUT_FIELDS = [
  { name: 'routing_tier', type: 'enumeration', label: 'Routing tier', options: TIERS },
  { name: 'intent_score', type: 'number', label: 'Intent score (0-100)' },
  { name: 'fit_score', type: 'number', label: 'Fit score (0-100)' },
  { name: 'lead_score', type: 'number', label: 'Lead score (0-100)' },
  { name: 'owner_id', type: 'string', label: 'Owner id (empty when nobody)' },
  { name: 'content_track', type: 'string', label: 'Content track' },
  { name: 'last_decision_reason', type: 'string', label: 'Why (a sentence a rep can read)' },
] as const satisfies readonly OutputFieldSpec[];

export type DecisionOutputName = (typeof DECISION_OUTPUT_FIELDS)[number]['name'];

export const DECISION_OUTPUT_NAMES: readonly DecisionOutputName[] = DECISION_OUTPUT_FIELDS.map((f) => f.name);

type FieldNamed<N extends DecisionOutputName> = Extract<(typeof DECISION_OUTPUT_FIELDS)[number], { name: N }>;
type ValueOf<F> = F extends { type: 'number' } ? number : F extends { options: readonly (infer O)[] } ? O : string;

/** The action's answer, typed from the one list: the service and the bundles build exactly this. */
export type DecisionOutputValues = { [N in DecisionOutputName]: ValueOf<FieldNamed<N>> };

// Entrypoint HubSpot builds for the contact sidebar: it only registers the card.
import { hubspot } from '@hubspot/ui-extensions';
import { LeadDecisionPanel } from './components/LeadDecisionPanel.tsx';

hubspot.extend<'crm.record.sidebar'>(({ context, actions }) => (
  <LeadDecisionPanel contactId={String(context.crm.objectId)} actions={actions} />
));

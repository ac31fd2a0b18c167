// The task catalogue of SPEC §2 as one table: everything that differs between task types lives here.
import type { Party, TaskType } from './task.js';

export type PortalTab = 'new-cases' | 'case-updates' | 'messages';
export const portalTabs = ['new-cases', 'case-updates', 'messages', 'all'] as const;

/** What one uniqueness scope is for the type (see docs/data-model.md, "one open task per scope"). */
export type ScopeKind =
  | 'case'
  | 'case-month'
  | 'case-pause'
  | 'creditor'
  | 'complaint'
  | 'invoice'
  | 'extension'
  | 'none';

export interface CatalogueEntry {
  type: TaskType;
  label: string;
  /** `either` = the creator chooses (manual tasks). */
  party: Party | 'either';
  /** Business days to the deadline; null = given by the creator. */
  businessDays: number | null;
  createdWhen: string;
  closedWhen: string;
  manualCompletion: boolean;
  /** Partner Score weight; null = does not count for SLA. */
  slaWeight: number | null;
  tab: PortalTab | null;
  actionItem: { label: string; cta: string };
  scope: ScopeKind;
  /** Commission tasks survive a case closing and never count for SLA. */
  commission: boolean;
  /** Survives a case closing (commission tasks and review_partner). */
  survivesCaseClose: boolean;
  /** Created by users through POST /tasks. */
  manual: boolean;
}

const manualWork = (type: TaskType, label: string, cta: string): CatalogueEntry => ({
  type,
  label,
  party: 'partner',
  businessDays: null,
  createdWhen: 'a user creates it (collection work planning)',
  closedWhen: 'never automatically: only manually',
  manualCompletion: true,
  slaWeight: null,
  tab: null,
  actionItem: { label, cta },
  scope: 'none',
  commission: false,
  survivesCaseClose: false,
  manual: true,
});

const entries: CatalogueEntry[] = [
  {
    type: 'review_new_case',
    label: 'Review New Case',
    party: 'partner',
    businessDays: 2,
    createdWhen: 'a case is submitted with a partner assigned',
    closedWhen: 'the partner verifies the case',
    manualCompletion: false,
    slaWeight: 3,
    tab: 'new-cases',
    actionItem: { label: 'Review New Case', cta: 'Verify case' },
    scope: 'case',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'update_case_status',
    label: 'Update Case Status',
    party: 'partner',
    businessDays: 5,
    createdWhen: 'monthly, while the case is active',
    closedWhen: 'the partner submits the case survey',
    manualCompletion: false,
    slaWeight: 1,
    tab: 'case-updates',
    actionItem: { label: 'Update Case Status', cta: 'Reply to case survey' },
    scope: 'case',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'new_message',
    label: 'New Message',
    party: 'either',
    businessDays: 1,
    createdWhen: 'a chat message is sent (for the party that did not send it)',
    closedWhen: 'that party sends a message on the case; or nightly cleanup',
    manualCompletion: false,
    // Weight applies to partner tasks only: creditor tasks never count for SLA.
    slaWeight: 2,
    tab: 'messages',
    actionItem: { label: 'New Message', cta: 'Go to Chat' },
    scope: 'case',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'provide_quote',
    label: 'Provide Quote',
    party: 'partner',
    businessDays: 3,
    createdWhen: 'a quote is requested (one per invited partner)',
    closedWhen: 'that partner submits a quote, or a winner is chosen',
    manualCompletion: false,
    slaWeight: 3,
    tab: 'new-cases',
    actionItem: { label: 'Provide Quote', cta: 'Submit quote' },
    scope: 'case',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'select_quote_winner',
    label: 'Select Quote Winner',
    party: 'creditor',
    businessDays: 5,
    createdWhen: 'every invited partner has quoted',
    closedWhen: 'the creditor picks a winner',
    manualCompletion: false,
    slaWeight: null,
    tab: 'new-cases',
    actionItem: { label: 'Select Quote Winner', cta: 'Compare quotes' },
    scope: 'case',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'review_partner',
    label: 'Review Partner',
    party: 'creditor',
    businessDays: 10,
    createdWhen: 'a case is solved',
    closedWhen: 'the creditor submits the review',
    manualCompletion: false,
    slaWeight: null,
    tab: null,
    actionItem: { label: 'Review Partner', cta: 'Write review' },
    scope: 'case',
    commission: false,
    survivesCaseClose: true,
    manual: false,
  },
  {
    type: 'invoice_commission',
    label: 'Invoice & collect payment from client',
    party: 'partner',
    businessDays: 5,
    createdWhen: 'a case is solved and the payment went to the client',
    closedWhen: 'the partner confirms the invoice was sent',
    manualCompletion: true,
    slaWeight: null,
    tab: null,
    actionItem: { label: 'Record Payment', cta: 'Record Payment' },
    scope: 'case',
    commission: true,
    survivesCaseClose: true,
    manual: false,
  },
  {
    type: 'chase_commission',
    label: 'Chase Payment & Start Collection',
    party: 'partner',
    businessDays: 5,
    createdWhen: 'the commission invoice is overdue',
    closedWhen: 'collection on it starts',
    manualCompletion: false,
    slaWeight: null,
    tab: null,
    actionItem: { label: 'Chase Payment & Start Collection', cta: 'Start collection' },
    scope: 'invoice',
    commission: true,
    survivesCaseClose: true,
    manual: false,
  },
  {
    type: 'respond_to_complaint',
    label: 'Respond to complaint',
    party: 'partner',
    businessDays: 3,
    createdWhen: 'a complaint is filed',
    closedWhen: 'the partner responds',
    manualCompletion: false,
    slaWeight: 2,
    tab: null,
    actionItem: { label: 'Respond to complaint', cta: 'Respond' },
    scope: 'complaint',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'client_input_required',
    label: 'Client input required',
    party: 'creditor',
    businessDays: 14,
    createdWhen: 'a case is paused through the survey and the client must act',
    closedWhen: 'the case leaves paused',
    manualCompletion: false,
    slaWeight: null,
    tab: 'case-updates',
    actionItem: { label: 'Client input required', cta: 'Open case' },
    scope: 'case-pause',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'paused_case_follow_up',
    label: 'Follow up on paused case',
    party: 'partner',
    businessDays: 14,
    createdWhen: 'a case is paused through the survey and the partner owns the follow-up',
    closedWhen: 'the case leaves paused',
    manualCompletion: false,
    slaWeight: 1,
    tab: 'case-updates',
    actionItem: { label: 'Follow up on paused case', cta: 'Open case' },
    scope: 'case-pause',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'sign_contract',
    label: 'Sign Contract',
    party: 'creditor',
    businessDays: 5,
    createdWhen: 'a case waits on a contract; one task per creditor covers all its pending cases',
    closedWhen: 'the contract is signed',
    manualCompletion: false,
    slaWeight: null,
    tab: null,
    actionItem: { label: 'Sign Contract', cta: 'Sign contract' },
    scope: 'creditor',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'more_info_needed',
    label: 'More Info Needed',
    party: 'creditor',
    businessDays: 5,
    createdWhen: 'the case enters Needs Additional Details',
    closedWhen: 'the case leaves that state',
    manualCompletion: true,
    slaWeight: null,
    tab: 'case-updates',
    actionItem: { label: 'More Info Needed', cta: 'Go to Chat' },
    scope: 'case',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    type: 'assign_bank_account',
    label: 'Assign Bank Account',
    party: 'creditor',
    businessDays: 7,
    createdWhen: 'a case is created without a bank account; one task per creditor',
    closedWhen: 'every covered case has a bank account',
    manualCompletion: false,
    slaWeight: null,
    tab: null,
    actionItem: { label: 'Assign Bank Account', cta: 'Assign bank account' },
    scope: 'creditor',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
  {
    ...manualWork('generic', 'Generic', 'Mark as done'),
    party: 'either',
    createdWhen: 'a user or the platform creates it',
  },
  manualWork('call_reminder', 'Call reminder', 'Log call'),
  manualWork('credit_report', 'Get credit report', 'Get credit report'),
  manualWork('book_meeting', 'Book meeting', 'Book meeting'),
  manualWork('validate_invoice', 'Validate invoice information', 'Validate invoice'),
  manualWork('update_invoice', 'Update invoice', 'Update invoice'),
  manualWork('offer_payment_plan', 'Offer payment plan', 'Offer payment plan'),
  manualWork('escalate_to_collections', 'Escalate to collections', 'Escalate'),
  {
    type: 'approve_extension',
    label: 'Approve extension',
    party: 'creditor',
    businessDays: 3,
    createdWhen: 'a partner requests more time on a task or a case-update deadline',
    closedWhen: 'the creditor approves or rejects the request; unanswered by its deadline, the request expires',
    manualCompletion: false,
    slaWeight: null,
    tab: 'case-updates',
    actionItem: { label: 'Approve extension', cta: 'Review request' },
    scope: 'extension',
    commission: false,
    survivesCaseClose: false,
    manual: false,
  },
];

export const catalogue: Readonly<Record<TaskType, CatalogueEntry>> = Object.fromEntries(
  entries.map((entry) => [entry.type, entry]),
) as Record<TaskType, CatalogueEntry>;

export const catalogueEntry = (type: TaskType): CatalogueEntry => catalogue[type];

/** Types a user may create through POST /tasks. */
export const manualTaskTypes = entries.filter((entry) => entry.manual).map((entry) => entry.type);

export const typesInTab = (tab: PortalTab): TaskType[] =>
  entries.filter((entry) => entry.tab === tab).map((entry) => entry.type);

/** SLA weight of a task of this type owned by this party; null = excluded from the Partner Score. */
export const slaWeightFor = (type: TaskType, party: Party): number | null => {
  const entry = catalogue[type];
  if (party !== 'partner' || entry.commission) return null;
  return entry.slaWeight;
};

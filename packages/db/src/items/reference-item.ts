// References: what a closing event that carries only its own id (complaintId, invoiceId) belongs to.

export type ReferenceKind = 'complaint' | 'invoice';

export interface Reference {
  kind: ReferenceKind;
  id: string;
  caseId: string;
  /** The org owning the task the reference's events close (the partner). */
  orgId: string;
}

export const referenceKey = (kind: ReferenceKind, id: string) => ({ pk: `ref#${kind}#${id}`, sk: 'ref' });

export const toReferenceItem = (reference: Reference) => ({
  ...referenceKey(reference.kind, reference.id),
  kind: 'reference',
  referenceKind: reference.kind,
  id: reference.id,
  caseId: reference.caseId,
  orgId: reference.orgId,
});

export const fromReferenceItem = (item: Record<string, unknown>): Reference => ({
  kind: item.referenceKind === 'invoice' ? 'invoice' : 'complaint',
  id: String(item.id),
  caseId: String(item.caseId),
  orgId: String(item.orgId),
});

// References: what a closing event that carries only its own id (complaintId, invoiceId) belongs to;
// one item per reference (`ref#{kind}#{id}` / `ref`).
import type { Db } from '../client.js';
import { readItem } from '../item-reads.js';
import { type StepWrite, stepTransaction } from './applied-marker.js';

export type ReferenceKind = 'complaint' | 'invoice';

export interface Reference {
  kind: ReferenceKind;
  id: string;
  caseId: string;
  /** The org owning the task the reference's events close (the partner). */
  orgId: string;
}

export const referenceKey = (kind: ReferenceKind, id: string) => ({ pk: `ref#${kind}#${id}`, sk: 'ref' });

const toReferenceItem = (reference: Reference) => ({
  ...referenceKey(reference.kind, reference.id),
  kind: 'reference',
  referenceKind: reference.kind,
  id: reference.id,
  caseId: reference.caseId,
  orgId: reference.orgId,
});

const fromReferenceItem = (item: Record<string, unknown>): Reference => ({
  kind: item.referenceKind === 'invoice' ? 'invoice' : 'complaint',
  id: String(item.id),
  caseId: String(item.caseId),
  orgId: String(item.orgId),
});

export const putReference = async (db: Db, reference: Reference, options: StepWrite = {}): Promise<void> => {
  const [tx] = stepTransaction(db, options);
  await tx.put(toReferenceItem(reference)).commit();
};

export const getReference = async (db: Db, kind: ReferenceKind, id: string): Promise<Reference | undefined> => {
  const item = await readItem(db, referenceKey(kind, id), true);
  return item ? fromReferenceItem(item) : undefined;
};
